package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;

/** Example 1: the seed's example, with its target fixed. */
class SeedExampleTest {

  @SimulationTest
  @Component(
      name = "p1",
      command = {"python3", "-c", "print('send p2 Hello from p1')"})
  @Component(
      name = "p2",
      command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
  void p1GreetsP2(Simulator sim) {
    sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
    sim.component("p2").awaitExit(Duration.ofSeconds(30));

    assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1").hasNoProtocolErrors();
    // p2 prints the line it read, newline included, so print() adds an empty line after it.
    assertThat(sim.component("p2")).hasOutputLine("Hello from p1").hasExitCode(0);
  }
}
