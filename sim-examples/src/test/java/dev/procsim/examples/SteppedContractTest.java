package dev.procsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Simulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Written only against API.md and the names of the deterministic-simulation issue (stepped(), the
 * log fingerprint): a stepped run of unmodified processes, waited for with plain API.md calls,
 * reproduces its log exactly.
 */
class SteppedContractTest {

  private static String run(long seed) {
    Simulator sim =
        Simulator.builder()
            .seed(seed)
            .stepped()
            .component("ping", "python3", "nodes/pingpong.py", "ping", "pong", "20")
            .component("pong", "python3", "nodes/pingpong.py", "pong", "ping")
            .build()
            .start();
    try (sim) {
      Message last =
          sim.log()
              .awaitMessage(
                  m -> m.body().equals("pong 20") && m.fate() == Fate.DELIVERED,
                  Duration.ofSeconds(60));
      assertThat(last.from()).isEqualTo("pong");
      assertThat(sim.log().messages()).hasSize(40);
      return sim.log().fingerprint();
    }
  }

  @Test
  void aSteppedRunReproducesItsLogExactly() {
    String first = run(77);
    assertThat(run(77)).isEqualTo(first);
    assertThat(run(77)).isEqualTo(first);
  }
}
