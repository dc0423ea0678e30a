package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Simulator;
import dev.procsim.examples.nodes.KvMock;
import dev.procsim.junit.Component;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;

/**
 * A Python client tested against a mock server written in Java ({@link KvMock}): the mock is a
 * component like any other (the network's faults apply to it, the log records it), but it needs no
 * process and no idle detection. Stepped, under latency and loss, and run twice per seed to check
 * that the log is the same.
 */
class JavaMockServerTest {

  @SimulationTest(seed = 7, runs = 2, stepped = true, checkDeterminism = true, echo = false)
  @NetworkFaults(latency = "1ms..10ms", loss = 0.2)
  @Component(name = "kv", node = KvMock.class)
  @Component(
      name = "client",
      command = {"python3", "nodes/kv_client.py", "20"},
      acks = true)
  void thePythonClientGetsConsistentAnswersFromTheJavaMock(Simulator sim) {
    sim.awaitQuiescence(Duration.ofSeconds(60));
    assertThat(sim.component("client").output())
        .contains("done 20")
        .noneMatch(l -> l.startsWith("mismatch"));
    assertThat(sim.component("kv").output()).containsExactly("kv mock ready");
    // Loss made the client retry: the same request reached the mock more than once.
    assertThat(sim.log().messages()).anyMatch(m -> m.fate() == Fate.DROPPED);
    assertThat(sim.component("kv").pid()).isEqualTo(-1);
  }
}
