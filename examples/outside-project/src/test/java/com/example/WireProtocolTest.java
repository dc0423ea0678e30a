package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.core.WireProtocol;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's wire-protocol example: a toy-speaking process and a line-speaking one talk to each other. */
class WireProtocolTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void toyAndLineTalk() {
    try (Simulator sim = Simulator.builder()
        .protocol(new ToyProtocol())                                 // the default of this simulation
        .component(ComponentSpec.of("a", "python3", "nodes/toy_a.py"))   // speaks toy
        .component(ComponentSpec.of("b", "python3", "nodes/line_b.py").withProtocol(WireProtocol.LINE))  // speaks lines
        .build()
        .start()) {
      awaitOutputOfA(sim);
      assertThat(sim.log()).hasDelivered("a", "b", "hello from a").hasDelivered("b", "a", "got hello from a");
    }
  }

  @SimulationTest
  @Component(name = "a", command = {"python3", "nodes/toy_a.py"}, protocol = ToyProtocol.class)
  @Component(name = "b", command = {"python3", "nodes/line_b.py"})
  void inJUnit(Simulator sim) {
    awaitOutputOfA(sim);
  }

  private static void awaitOutputOfA(Simulator sim) {
    sim.log().awaitEvent("a's answer from b", e -> e instanceof LogEvent.Output o
        && o.line().equals("a got got hello from a from b"), TIMEOUT);
  }
}
