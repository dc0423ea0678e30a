package dev.procsim.core.internal.log;

import java.time.Duration;

/**
 * How a wait on the log is carried out. The scheduler decides: in real time a wait blocks until the
 * log changes ({@link BlockingWait}); in a stepped run a wait drives the simulation step by step
 * and tests its probe between steps. The log itself never knows which.
 *
 * <pre>{@code
 * Message m = waits.await(new MessageProbe(store, "a pong", m -> m.body().equals("pong")), timeout);
 * }</pre>
 */
public interface WaitStrategy {
  /**
   * Waits until {@code probe} finds a match and returns it.
   *
   * @throws AssertionError when there is none within {@code timeout}, or none can come any more;
   *     its text says what was awaited and shows the end of the log
   */
  <T> T await(Probe<T> probe, Duration timeout);
}
