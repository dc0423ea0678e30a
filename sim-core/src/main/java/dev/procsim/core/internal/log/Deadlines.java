package dev.procsim.core.internal.log;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines on the {@link System#nanoTime} clock that never overflow: a timeout of centuries (as a
 * test may write "wait forever") is a deadline at the end of time, not one in the past.
 *
 * <pre>{@code
 * long deadline = Deadlines.after(Duration.ofDays(1_000_000));   // Long.MAX_VALUE, not negative
 * }</pre>
 */
public final class Deadlines {
  private Deadlines() {}

  /** {@code System.nanoTime()} plus {@code timeout}, saturating. */
  public static long after(Duration timeout) {
    long now = System.nanoTime();
    long nanos = TimeUnit.NANOSECONDS.convert(timeout);
    return nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
  }
}
