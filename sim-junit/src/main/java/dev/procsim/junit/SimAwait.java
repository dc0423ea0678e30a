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
   * {@link #await(Simulator)} that also fails fast when one of {@code components} exits on its own,
   * or had already exited on its own before the wait; with no name, when any component that was
   * running as the wait began exits on its own. A crash that the test or a nemesis injected is not
   * such an exit ({@link ComponentHandle#isCrashed()}): the component is down, not dead, and a
   * restart may bring it back.
   */
  public static ConditionFactory awaitWhileAlive(Simulator sim, String... components) {
    List<ComponentHandle> watched = new ArrayList<>();
    List<ComponentHandle> deadBefore = new ArrayList<>();
    if (components.length == 0) {
      for (ComponentHandle component : sim.components()) {
        if (component.exitCode().isEmpty() || component.isCrashed()) {
          watched.add(component);
        }
      }
    } else {
      for (String name : components) {
        ComponentHandle component = sim.component(name);
        watched.add(component);
        if (diedOnItsOwn(component)) {
          deadBefore.add(component);
        }
      }
    }
    return awaitWatching(sim, watched, deadBefore);
  }

  private static ConditionFactory awaitWatching(Simulator sim, List<ComponentHandle> watched) {
    return awaitWatching(sim, watched, List.of());
  }

  /**
   * Exited, and not because procsim crashed it. A crash is marked before its exit is recorded, and
   * a restart clears the mark only once the new process is current; reading exit, mark, exit, mark
   * in this order never mistakes a crash, or the old exit of a restart, for a death.
   */
  private static boolean diedOnItsOwn(ComponentHandle component) {
    return component.exitCode().isPresent()
        && !component.isCrashed()
        && component.exitCode().isPresent()
        && !component.isCrashed();
  }

  private static ConditionFactory awaitWatching(
      Simulator sim, List<ComponentHandle> watched, List<ComponentHandle> deadBefore) {
    ConditionFactory factory = Awaitility.await().atMost(DEFAULT_TIMEOUT).pollDelay(Duration.ZERO);
    SteppingPollInterval stepping = sim.isStepped() ? new SteppingPollInterval(sim) : null;
    factory =
        stepping != null ? factory.pollInterval(stepping) : factory.pollInterval(POLL_INTERVAL);
    return factory.failFast(
        () -> {
          for (ComponentHandle component : watched) {
            // The recorded exit, not isAlive(): the error then always shows the exit entry.
            if (diedOnItsOwn(component)) {
              throw new AssertionError(
                  describeDeath(sim, component, deadBefore.contains(component)));
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
  private static String describeDeath(
      Simulator sim, ComponentHandle component, boolean beforeTheWait) {
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
        + (beforeTheWait ? " before the wait began" : " while awaited")
        + (errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1).strip())
        + "\n"
        + FailureReport.of(sim, LOG_TAIL);
  }
}
