package dev.procsim.core.internal.process;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.text.Unicode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes messages to one component's stdin on a thread of its own, fed by a bounded backlog, so a
 * process that reads slowly or not at all blocks only this thread, never the network. Each message
 * is encoded by the component's wire protocol into one line. Writes are batched. A message is
 * recorded as delivered just before its line is written, so that nothing the target does in answer
 * can enter the log before it; if the write then fails (the process closed its stdin), its fate is
 * corrected to undeliverable, with the reason. A message its protocol cannot encode as one line is
 * undeliverable, with the reason, and the others go on.
 *
 * <p>Backlog policy: when {@code capacity} messages are waiting, further messages are refused and
 * become undeliverable with a reason that says the component is not reading its stdin.
 *
 * <pre>{@code
 * StdinWriter stdin = new StdinWriter("p2", WireProtocol.LINE, store, 100_000);
 * String refusal = stdin.offer(message);    // null when queued
 * stdin.attach(process.getOutputStream(), "p2-stdin");
 * stdin.stop("the simulator closed");
 * }</pre>
 */
public final class StdinWriter {
  private volatile ActivitySignal activity = new ActivitySignal();
  private static final int MAX_BATCH = 256;

  private final String component;
  private final WireProtocol protocol;
  private final LogStore log;
  private final int capacity;
  private final ArrayDeque<Message> backlog = new ArrayDeque<>();
  private String refusal;
  private boolean held;
  private boolean writing;
  private Thread thread;

  /**
   * A writer for {@code component}'s stdin, speaking {@code protocol}, that holds at most {@code
   * capacity} waiting messages.
   */
  public StdinWriter(String component, WireProtocol protocol, LogStore log, int capacity) {
    this.component = component;
    this.protocol = protocol;
    this.log = log;
    this.capacity = capacity;
  }

  /**
   * Queues a message for writing. Returns null when queued, else why not. Messages may be queued
   * before the process runs; they are written once it does.
   */
  public synchronized String offer(Message message) {
    if (refusal != null) {
      return refusal;
    }
    if (backlog.size() >= capacity) {
      return "the stdin backlog of "
          + component
          + " is full ("
          + capacity
          + " messages waiting): it is not reading its stdin fast enough";
    }
    backlog.add(message);
    if (backlog.size() == 1) {
      notifyAll();
    }
    return null;
  }

  /** Starts writing to the process's stdin. */
  public synchronized void attach(OutputStream stdin, String threadName) {
    thread = new Thread(() -> writeLoop(stdin), threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops taking messages: waiting ones become undeliverable with {@code reason}, the stdin is
   * closed once the batch being written (if any) is done, and later offers are refused with the
   * reason. The first reason given wins.
   */
  public void stop(String reason) {
    List<Message> dropped;
    synchronized (this) {
      if (refusal == null) {
        refusal = reason;
      }
      dropped = new ArrayList<>(backlog);
      backlog.clear();
      notifyAll();
    }
    for (Message message : dropped) {
      log.recordUndeliverable(message.id(), refusal);
    }
  }

  /**
   * Holds (or releases) the backlog: while held, messages wait here instead of being written, so a
   * paused process gets them only after it is resumed.
   */
  public synchronized void hold(boolean hold) {
    held = hold;
    notifyAll();
  }

  /** Waits up to {@code millis} for the writer thread to end. */
  public void join(long millis) throws InterruptedException {
    Thread writer;
    synchronized (this) {
      writer = thread;
    }
    if (writer != null) {
      writer.join(millis);
    }
  }

  private void writeLoop(OutputStream stdin) {
    List<Message> batch = new ArrayList<>(MAX_BATCH);
    List<Message> handedOver = new ArrayList<>(MAX_BATCH);
    try (stdin) {
      while (takeBatch(batch)) {
        handedOver.clear();
        try {
          for (Message message : batch) {
            byte[] line = encode(message);
            // Recorded as delivered before its bytes go: the target may react as soon as it reads
            // them, and the log must never show an effect before its cause. One whose fate was
            // already final (the simulator closing) is not written at all.
            if (line != null && log.recordDelivered(message.id())) {
              handedOver.add(message);
              stdin.write(line);
              stdin.write('\n');
            }
          }
          stdin.flush();
        } catch (IOException e) {
          stop(component + " closed its stdin (" + e.getMessage() + ")");
          for (Message message : batch) {
            if (handedOver.contains(message)) {
              log.correctToUndeliverable(message.id(), refusalReason());
            } else {
              // Not reached by the loop; those that failed to encode keep the fate they have.
              log.recordUndeliverable(message.id(), refusalReason());
            }
          }
          return;
        }
        doneWriting();
      }
    } catch (IOException closing) {
      // Closing a pipe whose reader is gone fails; the process will be reaped all the same.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The line for {@code message} in UTF-8, without its line break; null, with the message recorded
   * as undeliverable, when the protocol fails or its line would not be one line.
   */
  private byte[] encode(Message message) {
    String line;
    try {
      line = protocol.encode(message);
    } catch (RuntimeException | Error e) { // user code: its failure is the message's, not ours
      log.recordUndeliverable(
          message.id(), component + "'s wire protocol failed to encode the message: " + e);
      return null;
    }
    if (line == null || line.indexOf('\n') >= 0) {
      log.recordUndeliverable(
          message.id(),
          component
              + "'s wire protocol ("
              + protocol
              + ") encoded the message "
              + (line == null ? "as null" : "with a line break, which would split it in two"));
      return null;
    }
    int unpaired = Unicode.unpairedSurrogate(line);
    if (unpaired >= 0) {
      // getBytes would write '?' in its place: the target would read another text than the log's.
      log.recordUndeliverable(
          message.id(),
          "its line for " + component + " holds " + Unicode.describeUnpaired(line, unpaired));
      return null;
    }
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private void doneWriting() {
    synchronized (this) {
      writing = false;
    }
    activity.moved();
  }

  /** Who to tell when a batch has been written (black-box idle detection's watcher). */
  public void signalActivityTo(ActivitySignal signal) {
    activity = signal;
  }

  /** Whether nothing waits to be written and nothing is being written. */
  public synchronized boolean isIdle() {
    return backlog.isEmpty() && !writing;
  }

  private synchronized String refusalReason() {
    return refusal;
  }

  /** Fills {@code batch} with waiting messages; false once stopped and empty. */
  private synchronized boolean takeBatch(List<Message> batch) throws InterruptedException {
    batch.clear();
    while ((backlog.isEmpty() || held) && refusal == null) {
      wait();
    }
    while (!backlog.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(backlog.poll());
    }
    writing = !batch.isEmpty();
    return writing;
  }
}
