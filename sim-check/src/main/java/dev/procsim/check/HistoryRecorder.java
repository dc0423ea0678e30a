package dev.procsim.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Records a history as it happens, from any number of client threads: each client process invokes
 * an operation, then completes it. Thread-safe; times come from {@link System#nanoTime} unless a
 * clock is given (a simulation's, say). An operation still pending when the history is taken is
 * {@link Outcome#INFO}: it may yet take effect.
 *
 * <pre>{@code
 * HistoryRecorder recorder = new HistoryRecorder();
 * recorder.invoke(0, "write", 3L);
 * recorder.complete(0, Outcome.OK, null);
 * recorder.invoke(1, "read", null);
 * recorder.complete(1, Outcome.OK, 3L);
 * History history = recorder.history();
 * }</pre>
 */
public final class HistoryRecorder {
  private record Pending(String function, Object input, long invoked, int index) {}

  private final LongSupplier clock;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Integer, Pending> pending = new HashMap<>();

  /** A recorder whose times are {@link System#nanoTime}. */
  public HistoryRecorder() {
    this(System::nanoTime);
  }

  /** A recorder whose times come from {@code clock}, which must never go back. */
  public HistoryRecorder(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Process {@code process} invokes {@code function} with {@code input}.
   *
   * @throws IllegalStateException when the process has an operation pending already
   */
  public synchronized void invoke(int process, String function, Object input) {
    Pending already = pending.get(process);
    if (already != null) {
      throw new IllegalStateException(
          "process "
              + process
              + " invokes "
              + function
              + " while its "
              + already.function()
              + " invoked at "
              + already.invoked()
              + " is still pending");
    }
    long now = clock.getAsLong();
    pending.put(process, new Pending(function, input, now, operations.size()));
    operations.add(null); // its place, in invocation order
  }

  /**
   * Process {@code process}'s pending operation completes with {@code outcome} and {@code output}.
   *
   * @throws IllegalStateException when the process has no operation pending
   */
  public synchronized void complete(int process, Outcome outcome, Object output) {
    Pending invoked = pending.remove(process);
    if (invoked == null) {
      throw new IllegalStateException(
          "process " + process + " completes an operation (" + outcome + ") it never invoked");
    }
    operations.set(
        invoked.index(),
        new Operation(
            process,
            invoked.function(),
            invoked.input(),
            output,
            invoked.invoked(),
            clock.getAsLong(),
            outcome));
  }

  /** The history so far, in invocation order; operations still pending are {@link Outcome#INFO}. */
  public synchronized History history() {
    List<Operation> all = new ArrayList<>(operations);
    for (Map.Entry<Integer, Pending> open : pending.entrySet()) {
      Pending p = open.getValue();
      all.set(p.index(), Operation.info(open.getKey(), p.function(), p.input(), p.invoked()));
    }
    return History.of(all);
  }
}
