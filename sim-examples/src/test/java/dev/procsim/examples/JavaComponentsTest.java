package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.JavaCommand;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.examples.nodes.TokenRingNode;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Example 5: components written in Java, started from the test classpath: a token ring of three
 * JVMs. With annotations, {@code main = TokenRingNode.class}; with the core API, {@link
 * JavaCommand#of}.
 */
class JavaComponentsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @SimulationTest
  @Component(name = "a", main = TokenRingNode.class, args = "30")
  @Component(name = "b", main = TokenRingNode.class, args = "30")
  @Component(name = "c", main = TokenRingNode.class, args = "30")
  void theTokenGoesRoundTenTimes(Simulator sim) {
    sim.send("test", "a", "token 0");

    sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("done 30"), WAIT);

    // 30 passes: a->b carries 1, 4, 7, ...; the 30th lands on a, which prints "done 30".
    assertThat(sim.component("a")).hasOutputLine("done 30");
    assertThat(sim.log())
        .hasDeliveredInOrder("a", "b", "token 1", "token 4", "token 28")
        .hasDeliveredInOrder("b", "c", "token 2", "token 5", "token 29")
        .hasDeliveredInOrder("c", "a", "token 3", "token 6", "token 30")
        .hasDeliveredCount("a", "b", 10)
        .hasMessageCount(31)
        .hasOnlyDeliveredMessages();
  }

  @Test
  void theSameRingWithTheCoreApi() {
    Simulator sim =
        Simulator.builder()
            .component("a", JavaCommand.of(TokenRingNode.class, "3"))
            .component("b", JavaCommand.of(TokenRingNode.class, "3"))
            .build()
            .start();
    try (sim) {
      sim.send("test", "a", "token 0");
      sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("done 3"), WAIT);
      assertThat(sim.component("b")).hasOutputLine("done 3");
    }
  }
}
