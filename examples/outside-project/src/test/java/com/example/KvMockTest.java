package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's Java-component example: a Python client against {@link KvMock}. */
class KvMockTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void withTheBuilder() {
    try (Simulator sim = Simulator.builder()
        .node("kv", KvMock::new)
        .component("client", "python3", "nodes/kv_client.py")
        .build()
        .start()) {
      checkAnswers(sim);
      assertThat(sim.component("kv").pid()).isEqualTo(-1);                    // no process: a Java object
    }
  }

  @SimulationTest
  @Component(name = "kv", node = KvMock.class)
  @Component(name = "client", command = {"python3", "nodes/kv_client.py"})
  void inJUnit(Simulator sim) {
    checkAnswers(sim);
  }

  private static void checkAnswers(Simulator sim) {
    assertThat(sim.component("client").awaitExit(TIMEOUT)).isZero();
    assertThat(sim.component("client").output()).containsExactly("put answered: ok 1", "get answered: ok 1");
    assertThat(sim.log()).hasOutput("kv", "ready");
  }
}
