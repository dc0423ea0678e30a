package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import java.util.List;

/** Example 3: ping-pong between two Python processes, 10,000 round trips through procsim. */
class PingPongTest {
  private static final int ROUNDS = 10_000;

  @SimulationTest(echo = false)
  @Component(
      name = "ping",
      command = {"python3", "nodes/pingpong.py", "ping", "pong", "10000"})
  @Component(
      name = "pong",
      command = {"python3", "nodes/pingpong.py", "pong", "ping"})
  void tenThousandRoundTrips(Simulator sim) {
    sim.log()
        .awaitEvent(
            e -> e instanceof LogEvent.Output o && o.line().equals("done " + ROUNDS),
            Duration.ofSeconds(120));

    List<Message> messages = sim.log().messages();
    assertThat(messages).hasSize(2 * ROUNDS);
    assertThat(sim.log())
        .hasOnlyDeliveredMessages()
        .hasDeliveredCount("ping", "pong", ROUNDS)
        .hasDeliveredCount("pong", "ping", ROUNDS)
        .hasDeliveredInOrder("ping", "pong", "ping 1", "ping 2", "ping 9999", "ping 10000")
        .hasNoProtocolErrors();
    // Strict alternation: every ping is answered before the next one is sent.
    for (int i = 0; i < messages.size(); i++) {
      int round = i / 2 + 1;
      assertThat(messages.get(i).body()).isEqualTo((i % 2 == 0 ? "ping " : "pong ") + round);
    }
  }
}
