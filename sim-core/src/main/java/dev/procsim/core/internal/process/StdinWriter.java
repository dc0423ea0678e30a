package dev.procsim.core.internal.process;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes messages to one component's stdin on a thread of its own, fed by a bounded backlog, so a
 * process that reads slowly or not at all blocks only this thread, never the network. Each message
 * is encoded by the component's wire protocol into one line. Writes are batched. When nothing waits
 * or is being written and the pipe is empty ({@link StdinRoom}), a line of up to {@value
 * StdinRoom#SAFE_BYTES} bytes is written at once by the thread that offers it: such a write cannot
 * block, and the hand-off to the writer thread is what a message spends most of its way waiting
 * for. A message is recorded as delivered just before its line is written, so that nothing the
 * target does in answer can enter the log before it; if the write then fails (the process closed
 * its stdin), its fate is corrected to undeliverable, with the reason. A message its protocol
 * cannot encode as one line is undeliverable, with the reason, and the others go on.
 *
 * <p>Backlog policy: when {@code capacity} messages are waiting, further messages are refused and
 * become undeliverable with a reason that says the component is not reading its stdin.
 *
 * <pre>{@code
 * StdinWriter stdin = new StdinWriter("p2", WireProtocol.LINE, store, 100_000);
 * String refusal = stdin.offer(message);    // null when queued
 * stdin.attach(process.getOutputStream(), () -> StdinRoom.of(process), "p2-stdin");
 * stdin.stop("the simulator closed");
 * }</pre>
 */
public final class StdinWriter {
  private volatile ActivitySignal activity = new ActivitySignal();
  private static final int MAX_BATCH = 256;

  private final String component;
  private final LineEncoder encoder;
  private final LogStore log;
  private final int capacity;
  private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();
  private String refusal;
  private boolean held;
  private boolean keepOpen; // stopped, but the stdin stays open until released (a crash's kill)
  private boolean writing;
  private Thread thread;
  // Set once attached.
  private OutputStream stream;
  private RoomLookup room;

  /** A message waiting to be written, with its line when already encoded. */
  private record Outgoing(Message message, byte[] line) {}

  /**
   * A writer for {@code component}'s stdin, speaking {@code protocol}, that holds at most {@code
   * capacity} waiting messages.
   */
  public StdinWriter(String component, WireProtocol protocol, LogStore log, int capacity) {
    this.component = component;
    this.encoder = new LineEncoder(component, protocol, log);
    this.log = log;
    this.capacity = capacity;
  }

  /**
   * Writes a message at once when that cannot block, else queues it for the writer thread. Returns
   * null when written or queued, else why not. Messages may be queued before the process runs; they
   * are written once it does.
   */
  public String offer(Message message) {
    synchronized (this) {
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
      if (stream == null || writing || held || !backlog.isEmpty() || room.isKnownAbsent()) {
        backlog.add(new Outgoing(message, null));
        // The writer thread waits while a line is written or the backlog is held; whoever ends
        // that wakes it. Waking it now would only have it find the claim held and sleep again.
        if (backlog.size() == 1 && !writing && !held) {
          notifyAll();
        }
        return null;
      }
      writing = true; // the claim: the writer thread waits until it is given back
    }
    DeferredWrites.run(() -> writeDirectly(message));
    return null;
  }

  /**
   * Writes {@code message} on this thread, holding the claim, together with what was offered while
   * the claim was held (the rest of a burst), as far as {@value StdinRoom#SAFE_BYTES} bytes go;
   * when the pipe is not empty, passes them all to the writer thread. Run once the network's lock
   * is left ({@link DeferredWrites}), which may be after a stop (then they are undeliverable) or a
   * pause (then they wait in the backlog, first in line).
   */
  private void writeDirectly(Message message) {
    boolean wrote = false;
    List<Outgoing> taken = new ArrayList<>();
    taken.add(new Outgoing(message, null));
    try {
      String stopped;
      synchronized (this) {
        stopped = refusal;
        if (stopped == null && held) {
          putBackFirst(taken);
          return;
        }
        if (stopped == null) {
          while (!backlog.isEmpty() && taken.size() < MAX_BATCH) {
            taken.add(backlog.poll());
          }
        }
      }
      if (stopped != null) {
        log.recordUndeliverable(message.id(), stopped);
        return;
      }
      List<Outgoing> lines = new ArrayList<>();
      int bytes = 0;
      int next = 0;
      for (; next < taken.size(); next++) {
        Outgoing outgoing = taken.get(next);
        byte[] line =
            outgoing.line() != null ? outgoing.line() : encoder.encode(outgoing.message());
        if (line == null) {
          continue; // undeliverable, with the reason
        }
        if (bytes + line.length + 1 > StdinRoom.SAFE_BYTES) {
          taken.set(next, new Outgoing(outgoing.message(), line));
          break;
        }
        lines.add(new Outgoing(outgoing.message(), line));
        bytes += line.length + 1;
      }
      List<Outgoing> rest = taken.subList(next, taken.size());
      if (lines.isEmpty() || !room.isEmpty()) {
        lines.addAll(rest);
        putBackFirst(lines);
        return;
      }
      putBackFirst(rest);
      wrote = writeLines(stream, lines);
    } catch (RuntimeException | Error e) {
      // Whatever was taken and not yet written or put back gets a fate (a final one stays).
      for (Outgoing outgoing : taken) {
        log.recordUndeliverable(
            outgoing.message().id(), "procsim failed to write it to " + component + ": " + e);
      }
      throw e;
    } finally {
      synchronized (this) {
        writing = false;
        // Only when the writer thread has something to do: waking it for nothing costs a core
        // the time the target needs to answer.
        if (!backlog.isEmpty() || refusal != null) {
          notifyAll();
        }
      }
      if (wrote) {
        activity.moved();
      }
    }
  }

  /**
   * Puts {@code outgoing} back at the head of the backlog, in its order; once stopped, they are
   * undeliverable instead, with the reason (the stop has emptied the backlog for good).
   */
  private void putBackFirst(List<Outgoing> outgoing) {
    String stopped;
    synchronized (this) {
      stopped = refusal;
      if (stopped == null) {
        for (int i = outgoing.size() - 1; i >= 0; i--) {
          backlog.addFirst(outgoing.get(i));
        }
        return;
      }
    }
    for (Outgoing waiting : outgoing) {
      log.recordUndeliverable(waiting.message().id(), stopped);
    }
  }

  /**
   * Writes the lines (encoding those not yet encoded) and flushes once; each message is recorded as
   * delivered just before its bytes go, and one whose fate was already final (the simulator
   * closing) is not written at all. False when the write failed: then the writer is stopped and the
   * fates corrected.
   */
  private boolean writeLines(OutputStream stdin, List<Outgoing> batch) {
    List<Message> handedOver = new ArrayList<>(batch.size());
    try {
      List<Message> encoded = new ArrayList<>(batch.size());
      List<byte[]> lines = new ArrayList<>(batch.size());
      for (Outgoing outgoing : batch) {
        byte[] line =
            outgoing.line() != null ? outgoing.line() : encoder.encode(outgoing.message());
        if (line != null) {
          encoded.add(outgoing.message());
          lines.add(line);
        }
      }
      // The target may react as soon as it reads them: the log must never show an effect before
      // its cause. All in one go: they are written (and flushed) together.
      boolean[] marked = log.recordDelivered(encoded);
      for (int i = 0; i < marked.length; i++) {
        if (marked[i]) {
          handedOver.add(encoded.get(i)); // all before the first write: any of them may fail
        }
      }
      for (int i = 0; i < marked.length; i++) {
        if (marked[i]) {
          stdin.write(lines.get(i));
          stdin.write('\n');
        }
      }
      stdin.flush();
      return true;
    } catch (IOException e) {
      stop(component + " closed its stdin (" + e.getMessage() + ")");
      for (Outgoing outgoing : batch) {
        Message message = outgoing.message();
        if (handedOver.contains(message)) {
          log.correctToUndeliverable(message.id(), refusalReason());
        } else {
          // Not handed over: a final fate (those that failed to encode, say) stays as it is.
          log.recordUndeliverable(message.id(), refusalReason());
        }
      }
      return false;
    }
  }

  /** Starts writing to the process's stdin; lines are never written directly. */
  public void attach(OutputStream stdin, String threadName) {
    attach(stdin, Optional::empty, threadName);
  }

  /**
   * Starts writing to the process's stdin; {@code findRoom} tells, when first asked, whether its
   * pipe can be seen to be empty (direct writes) or not.
   */
  public synchronized void attach(
      OutputStream stdin, Supplier<Optional<StdinRoom>> findRoom, String threadName) {
    this.stream = stdin;
    this.room = new RoomLookup(findRoom);
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
    List<Outgoing> dropped;
    synchronized (this) {
      if (refusal == null) {
        refusal = reason;
      }
      dropped = new ArrayList<>(backlog);
      backlog.clear();
      notifyAll();
    }
    for (Outgoing outgoing : dropped) {
      log.recordUndeliverable(outgoing.message().id(), refusal);
    }
  }

  /**
   * {@link #stop Stops} taking messages, but leaves the stdin open until {@link #releaseStdin()}:
   * for a crash, whose process must die of its SIGKILL, not of reading the end of its input first
   * (it would exit with its own code, and a stepped run would not repeat).
   */
  public void stopKeepingStdinOpen(String reason) {
    synchronized (this) {
      keepOpen = true;
    }
    stop(reason);
  }

  /** Lets the writer close the stdin that {@link #stopKeepingStdinOpen} kept open. */
  public synchronized void releaseStdin() {
    keepOpen = false;
    notifyAll();
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
    List<Outgoing> batch = new ArrayList<>(MAX_BATCH);
    try (stdin) {
      while (takeBatch(batch)) {
        if (!writeLines(stdin, batch)) {
          return;
        }
        doneWriting();
      }
    } catch (IOException closing) {
      // Closing a pipe whose reader is gone fails; the process will be reaped all the same.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      room.close(); // the second write end goes with the first
    }
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

  /**
   * Fills {@code batch} with waiting messages; false once stopped and empty. Never while a line is
   * being written directly: lines would interleave, and a stop must not close the stream under it.
   */
  private synchronized boolean takeBatch(List<Outgoing> batch) throws InterruptedException {
    batch.clear();
    while (writing
        || (refusal != null && keepOpen)
        || ((backlog.isEmpty() || held) && refusal == null)) {
      wait();
    }
    while (!backlog.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(backlog.poll());
    }
    writing = !batch.isEmpty();
    return writing;
  }
}
