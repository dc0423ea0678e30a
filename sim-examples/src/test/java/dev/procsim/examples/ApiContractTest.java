package dev.procsim.examples;

import dev.procsim.core.Component;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Simulator;
import dev.procsim.junit.SimulationTest;
import dev.procsim.junit.assertj.SimAssertions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snippets of API.md, as written there: if this class stops compiling or passing, the public
 * contract was broken.
 */
class ApiContractTest {

  @Test
  void coreSnippet() {
    Simulator sim =
        Simulator.builder()
            .seed(42) // optional; random when absent, always reported
            .component("p1", "python3", "-c", "print('send p2 Hello from p1')")
            .component("p2", "python3", "-c", "import sys; print(sys.stdin.readline())")
            .build()
            .start(); // returns this; processes are running after it returns
    try (sim) {
      Message m =
          sim.log()
              .awaitMessage(
                  msg -> msg.to().equals("p2") && msg.fate() == Fate.DELIVERED,
                  Duration.ofSeconds(5));
      sim.send("test", "p1", "hello"); // inject a message as if "test" had sent it
      List<Message> all = sim.log().messages(); // snapshot, in send order
      Component p2 =
          sim.component("p2"); // unknown name -> IllegalArgumentException naming the known ones
      p2.output(); // List<String>: stdout lines that were not messages, in order
      p2.errors(); // List<String>: stderr lines, in order
      p2.isAlive();
      p2.pid();
      p2.name();

      SimAssertions.assertThat(m.id()).isEqualTo(1L);
      SimAssertions.assertThat(m.from()).isEqualTo("p1");
      SimAssertions.assertThat(m.body()).isEqualTo("Hello from p1");
      SimAssertions.assertThat(all).extracting(Message::to).startsWith("p2");
      SimAssertions.assertThat(sim.seed()).isEqualTo(42L);
      SimAssertions.assertThat(sim.components()).hasSize(2);
    }
  }

  @SimulationTest
  @dev.procsim.junit.Component(
      name = "p1",
      command = {"python3", "-c", "print('send p2 Hello from p1')"})
  @dev.procsim.junit.Component(
      name = "p2",
      command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
  void p1GreetsP2(Simulator sim) {
    sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(5));
    SimAssertions.assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
  }
}
