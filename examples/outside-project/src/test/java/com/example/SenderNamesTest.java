package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;

/** The README's sender names: a server that answers whoever wrote to it, without names in the bodies. */
class SenderNamesTest {
  @SimulationTest
  @Component(name = "server", command = {"python3", "nodes/pong.py"}, senderNames = true)
  @Component(name = "c1", command = {"python3", "-c", "import sys; print('send server ping'); print(sys.stdin.readline().strip())"})
  @Component(name = "c2", command = {"python3", "-c", "import sys; print('send server hi'); print(sys.stdin.readline().strip())"})
  void serverAnswersTheSender(Simulator sim) {
    sim.component("c1").awaitExit(Duration.ofSeconds(30));
    sim.component("c2").awaitExit(Duration.ofSeconds(30));
    assertThat(sim.component("c1")).hasOutputLine("pong ping");
    assertThat(sim.component("c2")).hasOutputLine("pong hi");
    assertThat(sim.log()).hasDelivered("c1", "server", "ping");   // the log keeps the message as sent
  }
}
