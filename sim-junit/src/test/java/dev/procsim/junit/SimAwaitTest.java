package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.Simulator;
import dev.procsim.core.internal.ProcessTree;
import dev.procsim.junit.assertj.SimAssertions;
import java.time.Duration;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;

class SimAwaitTest {

  @Test
  void waitsUntilTheConditionHolds() {
    try (Simulator sim = Simulator.builder().echo(false).component("echo", "cat").build().start()) {
      sim.send("test", "echo", "hello");
      SimAwait.awaitWhileAlive(sim, "echo")
          .untilAsserted(
              () -> SimAssertions.assertThat(sim.component("echo")).hasOutputLine("hello"));
    }
  }

  @Test
  void stopsAtOnceWhenAWatchedComponentDiesAndSaysWhy() {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("doomed", "sh", "-c", "read x; echo 'disk full' >&2; exit 4")
            .component("bystander", "cat")
            .build()
            .start();
    try (sim) {
      sim.send("test", "doomed", "go");
      assertThatThrownBy(
              () ->
                  SimAwait.awaitWhileAlive(sim)
                      .atMost(Duration.ofMinutes(5))
                      .until(() -> sim.component("bystander").output().contains("never")))
          .isInstanceOf(TerminalFailureException.class)
          .rootCause()
          .hasMessageContaining("component doomed died while waiting: exited doomed")
          .hasMessageContaining("with code 4")
          .hasMessageContaining("disk full")
          .hasMessageContaining("procsim: seed " + sim.seed());
    }
    assertThat(ProcessTree.findByRun(sim.runId())).isEmpty();
  }
}
