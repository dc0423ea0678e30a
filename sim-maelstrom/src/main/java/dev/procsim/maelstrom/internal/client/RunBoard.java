package dev.procsim.maelstrom.internal.client;

import dev.procsim.check.History;
import dev.procsim.check.HistoryRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the Java components of a Maelstrom run share with the thread that runs it: the history they
 * record, the replies that broke the workload's schema, whether the handshake is done or failed,
 * and how many clients have finished their final operations. Thread-safe; the runner waits on it.
 *
 * <pre>{@code
 * RunBoard board = new RunBoard(clock, clients);
 * board.recorder().invoke(0, "read", null);
 * board.awaitFinalsDone(deadlineNanos);
 * }</pre>
 */
public final class RunBoard {
  private final HistoryRecorder recorder;
  private final int clients;
  private final List<String> badReplies = new ArrayList<>();
  private final List<ClientOperation> operations = new ArrayList<>();
  private int finalsDone;
  private int open;
  private long completed;
  private long lateReplies;
  private boolean handshakeDone;
  private String handshakeFailure;

  /**
   * A board for {@code clients} clients, timing the history by {@code clock} (nanoseconds of
   * simulation time), made strictly rising: in a stepped run many events share one moment of the
   * virtual clock, yet happen one after another, and checkers must see which came first.
   */
  public RunBoard(LongSupplier clock, int clients) {
    this.recorder = new HistoryRecorder(() -> tick(clock));
    this.clients = clients;
  }

  private long lastTime = Long.MIN_VALUE;
  private long finalsFrom = Long.MAX_VALUE;

  private synchronized long tick(LongSupplier clock) {
    lastTime =
        Math.max(clock.getAsLong(), lastTime == Long.MIN_VALUE ? Long.MIN_VALUE : lastTime + 1);
    return lastTime;
  }

  /** The history being recorded. */
  public HistoryRecorder recorder() {
    return recorder;
  }

  /** The history so far. */
  public History history() {
    return recorder.history();
  }

  /** A client invoked {@code operation} (not a final one): for the run's schedule. */
  public synchronized void operation(ClientOperation operation) {
    operations.add(operation);
  }

  /** The operations the clients invoked, in order (final ones apart). */
  public synchronized List<ClientOperation> operations() {
    return List.copyOf(operations);
  }

  /** A reply that did not match the workload's schema, described. */
  public synchronized void badReply(String description) {
    badReplies.add(description);
  }

  /** The replies that did not match the workload's schema. */
  public synchronized List<String> badReplies() {
    return List.copyOf(badReplies);
  }

  /** A reply that came after its request had timed out (or to no request). */
  public synchronized void lateReply() {
    lateReplies++;
  }

  /** How many replies came too late. */
  public synchronized long lateReplies() {
    return lateReplies;
  }

  /** A client sent a request. */
  public synchronized void opened() {
    open++;
  }

  /** A client's request completed, one way or another. */
  public synchronized void closed() {
    open--;
    completed++;
    notifyAll();
  }

  /** How many requests have completed so far. */
  public synchronized long completed() {
    return completed;
  }

  /** Whether no client is waiting for a reply. */
  public synchronized boolean noneOpen() {
    return open == 0;
  }

  /** Waits until no client is waiting for a reply, or the deadline passes. */
  public synchronized void awaitNoneOpen(long deadlineNanos) throws InterruptedException {
    while (open > 0) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** Every node answered {@code init}. */
  public synchronized void handshakeDone() {
    handshakeDone = true;
    notifyAll();
  }

  /** The handshake failed, for the reason given. */
  public synchronized void handshakeFailed(String reason) {
    handshakeFailure = reason;
    notifyAll();
  }

  /** Whether every node answered {@code init}. */
  public synchronized boolean isHandshakeDone() {
    return handshakeDone;
  }

  /** Why the handshake failed, or null. */
  public synchronized String handshakeFailure() {
    return handshakeFailure;
  }

  /** The final phase begins now: operations invoked from now on are final. */
  public synchronized void finalPhase() {
    finalsFrom = lastTime + 1;
  }

  /** The history time the final phase began, or {@link Long#MAX_VALUE} when it has not. */
  public synchronized long finalsFrom() {
    return finalsFrom;
  }

  /** A client finished its final operations. */
  public synchronized void finalsDone() {
    finalsDone++;
    notifyAll();
  }

  /** Whether every client finished its final operations. */
  public synchronized boolean allFinalsDone() {
    return finalsDone >= clients;
  }

  /**
   * Waits until the handshake is done or failed, or the deadline ({@link System#nanoTime()})
   * passes.
   */
  public synchronized void awaitHandshake(long deadlineNanos) throws InterruptedException {
    while (!handshakeDone && handshakeFailure == null) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** Waits until every client finished its finals, or the deadline passes. */
  public synchronized void awaitFinalsDone(long deadlineNanos) throws InterruptedException {
    while (finalsDone < clients) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
  }
}
