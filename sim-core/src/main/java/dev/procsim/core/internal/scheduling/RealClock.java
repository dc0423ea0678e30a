package dev.procsim.core.internal.scheduling;

/**
 * Wall-clock time (monotonic) since this clock was created.
 *
 * <pre>{@code
 * Clock clock = new RealClock();
 * long elapsed = clock.nanos();
 * }</pre>
 */
public final class RealClock implements Clock {
  private final long origin = System.nanoTime();

  @Override
  public long nanos() {
    return System.nanoTime() - origin;
  }
}
