package dev.procsim.core.internal.scheduling;

import java.util.function.LongSupplier;

/**
 * The simulation's notion of time, in nanoseconds since the simulator was built: real (monotonic)
 * time, or a virtual clock that only the stepper moves. The log and the network read it as a {@link
 * LongSupplier}.
 *
 * <pre>{@code
 * long sentAt = clock.nanos();
 * }</pre>
 */
public interface Clock extends LongSupplier {
  /** Nanoseconds since the origin of this clock; never decreases. */
  long nanos();

  @Override
  default long getAsLong() {
    return nanos();
  }
}
