package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;

class GreetingTest {
  @SimulationTest
  @Component(name = "p1", command = {"python3", "-c", "print('send p2 Hello from p1')"})
  @Component(name = "p2", command = {"python3", "-c", "import sys; print('got', sys.stdin.readline().strip())"})
  void p1GreetsP2(Simulator sim) {
    sim.log().awaitMessage("the greeting delivered", m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
    sim.component("p2").awaitExit(Duration.ofSeconds(30));   // p2 prints what it got, then ends
    assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
    assertThat(sim.component("p2")).hasOutputLine("got Hello from p1");
  }
}
