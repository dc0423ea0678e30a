package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;

/**
 * Example 2: the seed's example exactly as the seed wrote it, {@code send p2, Hello from p1}. The
 * target is the whole word after {@code send}, so it is {@code p2,}: not a component. procsim says
 * so, names p1 and the line, and suggests the fix. Without {@code allowProtocolErrors} this test
 * would fail with that error, which is what you want in a real test.
 */
class SeedExampleAsWrittenTest {

  @SimulationTest(allowProtocolErrors = true)
  @Component(
      name = "p1",
      command = {"python3", "-c", "print('send p2, Hello from p1')"})
  @Component(
      name = "p2",
      command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
  void theCommaMakesAnUnknownTarget(Simulator sim) {
    Message m = sim.log().awaitMessage(msg -> msg.fate().isFinal(), Duration.ofSeconds(30));

    assertThat(m.fate()).isEqualTo(Fate.UNDELIVERABLE);
    assertThat(m.to()).isEqualTo("p2,");
    assertThat(m.reason()).contains("unknown target \"p2,\"; the components are: p1, p2");
    assertThat(sim.log())
        .hasProtocolError("p1", "Did you mean \"p2\"?")
        .hasProtocolError("p1", "line: \"send p2, Hello from p1\"")
        .hasNotDelivered("p1", "p2", "Hello from p1");
  }
}
