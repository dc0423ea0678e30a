package dev.procsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Component;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import dev.procsim.core.Simulator;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Written only against the names the faults-and-seeds issue and API.md give: if this stops
 * compiling or passing, that contract was broken.
 */
class FaultsContractTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static List<String> droppedBodies(long seed) {
    Network network =
        Network.builder()
            .latency(Duration.ofMillis(1), Duration.ofMillis(5))
            .loss(0.25)
            .duplication(0.1)
            .faultInjectedMessages() // the test's own messages are spared unless asked
            .build();
    Simulator sim =
        Simulator.builder().seed(seed).network(network).component("sink", "cat").build().start();
    try (sim) {
      for (int i = 0; i < 200; i++) {
        sim.send("test", "sink", "m" + i);
      }
      sim.log()
          .awaitMessage(
              m -> sim.log().messages().stream().allMatch(x -> x.fate() != Fate.IN_FLIGHT), WAIT);
      return sim.log().messages().stream()
          .filter(m -> m.fate() == Fate.DROPPED)
          .map(Message::body)
          .toList();
    }
  }

  @Test
  void theSameSeedMakesTheSameDecisions() {
    assertThat(droppedBodies(1234)).isEqualTo(droppedBodies(1234)).isNotEmpty();
    assertThat(droppedBodies(1234)).isNotEqualTo(droppedBodies(4321));
  }

  @Test
  void partitionsCutsAndHeal() {
    String relay = "while read t m; do echo \"send $t $m\"; done";
    Simulator sim =
        Simulator.builder()
            .component("a", "sh", "-c", relay)
            .component("b", "sh", "-c", relay)
            .component("c", "cat")
            .build()
            .start();
    try (sim) {
      sim.partition(List.of("a"), List.of("b", "c"));
      sim.send("test", "a", "c from-a");
      Message m =
          sim.log()
              .awaitMessage(x -> x.body().equals("from-a") && x.fate() != Fate.IN_FLIGHT, WAIT);
      assertThat(m.fate()).isEqualTo(Fate.DROPPED);
      sim.heal();
      sim.cut("b", "c");
      sim.send("test", "b", "c from-b");
      assertThat(
              sim.log()
                  .awaitMessage(x -> x.body().equals("from-b") && x.fate() != Fate.IN_FLIGHT, WAIT)
                  .fate())
          .isEqualTo(Fate.DROPPED);
      sim.send("test", "a", "c again");
      assertThat(
              sim.log()
                  .awaitMessage(x -> x.body().equals("again") && x.fate() != Fate.IN_FLIGHT, WAIT)
                  .fate())
          .isEqualTo(Fate.DELIVERED);
      sim.network(Network.reliable());
    }
  }

  @Test
  void crashRestartPauseResume() {
    Simulator sim = Simulator.builder().component("n", "cat").build().start();
    try (sim) {
      Component n = sim.component("n");
      long pid = n.pid();
      n.crash();
      assertThat(n.isAlive()).isFalse();
      n.restart();
      assertThat(n.isAlive()).isTrue();
      assertThat(n.pid()).isNotEqualTo(pid);
      n.pause();
      sim.send("test", "n", "held");
      n.resume();
      Message m =
          sim.log().awaitMessage(x -> x.body().equals("held") && x.fate() == Fate.DELIVERED, WAIT);
      assertThat(m.to()).isEqualTo("n");
    }
  }

  @SimulationTest(seed = 7)
  @NetworkFaults(latency = "1ms..20ms", loss = 0.1, duplication = 0.05)
  @dev.procsim.junit.Component(name = "sink", command = "cat")
  void annotationsFixTheSeedAndTheNetwork(Simulator sim) {
    assertThat(sim.seed()).isEqualTo(7L);
  }

  @SimulationTest(runs = 3)
  @dev.procsim.junit.Component(name = "sink", command = "cat")
  void runsRepeatWithSeveralSeeds(Simulator sim) {
    assertThat(sim.component("sink").isAlive()).isTrue();
  }
}
