package dev.procsim.core.internal;

/**
 * The simulation's notion of time, in nanoseconds since the simulator was built. Real time today; a
 * virtual clock plugs in behind the same interface for stepped runs.
 *
 * <pre>{@code
 * long sentAt = clock.nanos();
 * }</pre>
 */
public interface Clock {
  /** Nanoseconds since the origin of this clock; never decreases. */
  long nanos();
}
