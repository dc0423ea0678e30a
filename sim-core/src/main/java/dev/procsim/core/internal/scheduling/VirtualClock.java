package dev.procsim.core.internal.scheduling;

/**
 * Simulation time that moves only when the stepped scheduler moves it: to the due time of the next
 * message or timer when nothing else is due. Two runs with one seed see the same times.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * clock.advanceTo(5_000_000);   // 5 ms of simulation time, at once
 * }</pre>
 */
public final class VirtualClock implements Clock {
  private volatile long now;

  @Override
  public long nanos() {
    return now;
  }

  /** Moves the clock forward to {@code nanos}; never backward. */
  public synchronized void advanceTo(long nanos) {
    if (nanos > now) {
      now = nanos;
    }
  }
}
