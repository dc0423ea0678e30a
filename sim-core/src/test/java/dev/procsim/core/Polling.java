package dev.procsim.core;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads a state again and again until it satisfies a condition or the time is up, for states that
 * nothing announces: another process's exec, another JVM's end, the progress of a run that a second
 * waiter may not drive. Tests use a procsim wait wherever one exists.
 *
 * <pre>{@code
 * List<ProcessHandle> found =
 *     Polling.until(() -> Simulator.processesOf(runId), p -> p.size() >= 4, WAIT);
 * }</pre>
 */
public final class Polling {
  private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos();

  private Polling() {}

  /**
   * The last value read: the first that satisfies {@code done}, or the one read at the time-out.
   */
  public static <T> T until(Supplier<T> read, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(PAUSE_NANOS);
      value = read.get();
    }
    return value;
  }
}
