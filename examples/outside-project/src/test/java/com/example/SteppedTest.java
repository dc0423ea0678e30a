package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Network;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's stepped runs: the same seed gives the same log, every time. */
class SteppedTest {

  @Test
  void sameSeedSameLog() {
    String first = gossipFingerprint();
    String second = gossipFingerprint();
    assertThat(second).isEqualTo(first);
  }

  private static String gossipFingerprint() {
    Simulator sim = Simulator.builder()
        .seed(42)
        .stepped()
        .network(Network.builder().latency(Duration.ofMillis(1), Duration.ofMillis(30)).loss(0.1).build())
        .component(ComponentSpec.of("n1", "python3", "nodes/gossip.py").withAcks())
        .component(ComponentSpec.of("n2", "python3", "nodes/gossip.py").withAcks())
        .build()
        .start();
    try (sim) {
      sim.send("test", "n1", "rumour x");
      sim.awaitQuiescence(Duration.ofSeconds(30));   // runs the simulation until it is quiet
      String fingerprint = sim.log().fingerprint();  // the same for every run with seed 42
      assertThat(sim.log()).hasOutput("n1", "heard x");
      return fingerprint;
    }
  }

  @SimulationTest(stepped = true, checkDeterminism = true, runs = 2)
  @Component(name = "n1", command = {"python3", "nodes/gossip.py"}, acks = true)
  @Component(name = "n2", command = {"python3", "nodes/gossip.py"}, acks = true)
  @Component(name = "n3", command = {"python3", "nodes/gossip.py"}, acks = true)
  void gossipIsDeterministic(Simulator sim) {
    sim.send("test", "n1", "rumour x");
    sim.awaitQuiescence(Duration.ofSeconds(30));
    assertThat(sim.log()).hasOutput("n3", "heard x");
  }
}
