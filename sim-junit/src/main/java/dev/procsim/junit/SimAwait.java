package dev.procsim.junit;

import dev.procsim.core.Component;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.junit.internal.FailureReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility helpers for simulations. {@link #awaitWhileAlive} waits for a condition but stops at
 * once, with the component's exit and the end of the message log in the error, when a component
 * that must stay alive has exited: a condition that can never become true should not cost the whole
 * timeout.
 *
 * <pre>{@code
 * SimAwait.awaitWhileAlive(sim, "leader", "follower")
 *     .atMost(Duration.ofSeconds(10))
 *     .untilAsserted(() -> assertThat(sim.component("follower").output()).contains("synced"));
 * }</pre>
 */
public final class SimAwait {
  /** How long an {@link #awaitWhileAlive} condition waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
  private static final int LOG_TAIL = 30;

  private SimAwait() {}

  /**
   * An Awaitility condition factory (at most {@link #DEFAULT_TIMEOUT}, polling every 10 ms) that
   * fails fast when one of {@code components} exits, or any component when none is named.
   */
  public static ConditionFactory awaitWhileAlive(Simulator sim, String... components) {
    List<Component> watched = new ArrayList<>();
    if (components.length == 0) {
      watched.addAll(sim.components());
    } else {
      for (String name : components) {
        watched.add(sim.component(name));
      }
    }
    return Awaitility.await()
        .atMost(DEFAULT_TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL_INTERVAL)
        .failFast(
            "a component that must stay alive has exited",
            () -> {
              for (Component component : watched) {
                // The recorded exit, not isAlive(): the error then always shows the exit entry.
                if (component.exitCode().isPresent()) {
                  throw new AssertionError(describeDeath(sim, component));
                }
              }
            });
  }

  private static String describeDeath(Simulator sim, Component component) {
    String exit =
        sim.log().events().stream()
            .filter(
                e ->
                    e instanceof LogEvent.ProcessExited exited
                        && exited.component().equals(component.name()))
            .map(LogEvent::describe)
            .reduce((first, last) -> last)
            .orElseThrow();
    return "component "
        + component.name()
        + " died while waiting: "
        + exit
        + "\n"
        + FailureReport.of(sim, LOG_TAIL);
  }
}
