package dev.procsim.junit;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.junit.internal.FailureReport;
import dev.procsim.junit.internal.SteppingPollInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility for simulations. {@link #await(Simulator)} waits for any condition: in real time it
 * polls every 10 ms; in a stepped run the wait drives the run, one step per evaluation, so the
 * condition is always tested between two steps, and it stops at once when the run goes quiet with
 * the condition unmet. {@link #awaitWhileAlive} also stops at once, with the component's exit and
 * the end of the message log in the error, when a component that must stay alive has exited: a
 * condition that can never become true should not cost the whole timeout.
 *
 * <p>Both return an ordinary {@link ConditionFactory}: change its timeout or alias freely; a {@code
 * failFast} of your own replaces procsim's, and a {@code pollInterval} of your own stops a stepped
 * run from being driven.
 *
 * <pre>{@code
 * SimAwait.awaitWhileAlive(sim, "leader", "follower")
 *     .atMost(Duration.ofSeconds(10))
 *     .untilAsserted(() -> assertThat(sim.component("follower").output()).contains("synced"));
 * SimAwait.await(sim).until(() -> sim.log().messages().size() >= 100);
 * }</pre>
 */
public final class SimAwait {
  /** How long a condition waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
  private static final int LOG_TAIL = 30;

  private SimAwait() {}

  /**
   * An Awaitility condition factory for {@code sim} (at most {@link #DEFAULT_TIMEOUT}) that drives
   * a stepped run and fails fast when it goes quiet.
   */
  public static ConditionFactory await(Simulator sim) {
    return awaitWatching(sim, List.of());
  }

  /**
   * {@link #await(Simulator)} that also fails fast when one of {@code components} exits, or any
   * component when none is named.
   */
  public static ConditionFactory awaitWhileAlive(Simulator sim, String... components) {
    List<ComponentHandle> watched = new ArrayList<>();
    if (components.length == 0) {
      watched.addAll(sim.components());
    } else {
      for (String name : components) {
        watched.add(sim.component(name));
      }
    }
    return awaitWatching(sim, watched);
  }

  private static ConditionFactory awaitWatching(Simulator sim, List<ComponentHandle> watched) {
    ConditionFactory factory = Awaitility.await().atMost(DEFAULT_TIMEOUT).pollDelay(Duration.ZERO);
    SteppingPollInterval stepping = sim.isStepped() ? new SteppingPollInterval(sim) : null;
    factory =
        stepping != null ? factory.pollInterval(stepping) : factory.pollInterval(POLL_INTERVAL);
    return factory.failFast(
        () -> {
          for (ComponentHandle component : watched) {
            // The recorded exit, not isAlive(): the error then always shows the exit entry.
            if (component.exitCode().isPresent()) {
              throw new AssertionError(describeDeath(sim, component));
            }
          }
          if (stepping != null && stepping.wentQuiet()) {
            throw new AssertionError(
                "the stepped simulation went quiet after "
                    + sim.steps()
                    + " steps and the condition does not hold: nothing more can happen\n"
                    + FailureReport.of(sim, LOG_TAIL));
          }
        });
  }

  /**
   * The headline names the component and its last stderr line (usually the error); then the log,
   * where the exit and the lines before it show the rest.
   */
  private static String describeDeath(Simulator sim, ComponentHandle component) {
    LogEvent.ProcessExited exit =
        sim.log().events().stream()
            .filter(
                e ->
                    e instanceof LogEvent.ProcessExited exited
                        && exited.component().equals(component.name()))
            .map(LogEvent.ProcessExited.class::cast)
            .reduce((first, last) -> last)
            .orElseThrow();
    List<String> errors = exit.lastErrors();
    return component.name()
        + " exited with code "
        + exit.exitCode()
        + " while awaited"
        + (errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1).strip())
        + "\n"
        + FailureReport.of(sim, LOG_TAIL);
  }
}
