package dev.procsim.junit.internal;

import dev.procsim.core.Simulator;
import java.time.Duration;
import org.awaitility.pollinterval.PollInterval;

/**
 * Drives a stepped simulation from an Awaitility wait: between two evaluations of the condition,
 * instead of sleeping, it takes one step of the run. Awaitility asks for the next interval on the
 * waiting thread, after an evaluation that did not hold, so every evaluation sees the run standing
 * still between two steps. When no step can be taken the run is quiet and the condition, false now,
 * can never become true: {@link #wentQuiet()} says so for a fail-fast check.
 *
 * <pre>{@code
 * SteppingPollInterval stepping = new SteppingPollInterval(sim);
 * Awaitility.await().pollInterval(stepping).failFast(() -> stepping.wentQuiet()).until(...);
 * }</pre>
 */
public final class SteppingPollInterval implements PollInterval {
  private final Simulator sim;
  private volatile boolean quiet;

  /** Steps {@code sim}, which must be stepped. */
  public SteppingPollInterval(Simulator sim) {
    this.sim = sim;
  }

  @Override
  public Duration next(int pollCount, Duration previousDuration) {
    if (sim.advance(1) == 0) {
      quiet = true;
    }
    return Duration.ZERO;
  }

  /** Whether the last attempt to step found nothing that could happen. */
  public boolean wentQuiet() {
    return quiet;
  }
}
