package dev.procsim.examples;

import dev.procsim.check.Verdict;
import dev.procsim.core.Component;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import dev.procsim.core.Simulator;
import dev.procsim.core.WireProtocol;
import dev.procsim.junit.SimulationTest;
import dev.procsim.junit.assertj.SimAssertions;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
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
                  Duration.ofSeconds(30));
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
    sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
    SimAssertions.assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
  }

  // ---------------------------------------------------------------- wire protocols, Java
  // components

  // API.md's snippet, as written there (a.py and b.py are never started: build() only).
  WireProtocol toy =
      new WireProtocol() {
        public WireProtocol.Decoded decode(String line) { // one stdout line, without its line break
          if (!line.startsWith("to:")) return WireProtocol.Decoded.output(line);
          int bar = line.indexOf('|');
          if (bar < 0) return WireProtocol.Decoded.malformed("no '|' after the target");
          return WireProtocol.Decoded.send(line.substring(3, bar), line.substring(bar + 1));
        }

        public String encode(Message message) {
          return message.from() + "|" + message.body();
        } // the stdin line
      };

  static class KvMock implements Node {
    public void start(NodeContext ctx) {
      ctx.output("ready");
    } // optional

    public void receive(String from, String body, NodeContext ctx) { // each delivered message
      ctx.send(from, "ok " + body); // through the same network and faults
    }
  }

  @Test
  void protocolAndNodeSnippet() {
    Simulator built =
        Simulator.builder()
            .protocol(toy) // the default for every component
            .component(ComponentSpec.of("a", "python3", "a.py")) // speaks the default
            .component(
                ComponentSpec.of("b", "python3", "b.py")
                    .withProtocol(WireProtocol.LINE)) // or its own
            .node("kv", KvMock::new) // a component that is a Java object
            .build();
    SimAssertions.assertThat(built.components())
        .extracting(Component::name)
        .containsExactly("a", "b", "kv");
  }

  /**
   * The same system with real nodes: a (toy) greets kv (Java), then passes the turn to b (line).
   */
  private Simulator toyLineAndNode(boolean stepped) {
    Simulator.Builder builder =
        Simulator.builder()
            .seed(8)
            .echo(false)
            .network(
                Network.builder()
                    .latency(Duration.ofMillis(1), Duration.ofMillis(5))
                    .duplication(0.3)
                    .build())
            .protocol(toy)
            .component(ComponentSpec.of("a", "python3", "nodes/toy_a.py"))
            .component(
                ComponentSpec.of("b", "python3", "nodes/line_b.py").withProtocol(WireProtocol.LINE))
            .node("kv", KvMock::new);
    return (stepped ? builder.stepped() : builder).build().start();
  }

  @Test
  void aSecondProtocolAndAJavaComponentWorkInRealTimeWithFaults() {
    try (Simulator sim = toyLineAndNode(false)) {
      sim.log()
          .awaitMessage(
              m ->
                  m.from().equals("kv")
                      && m.body().equals("ok from b")
                      && m.fate() == Fate.DELIVERED,
              Duration.ofSeconds(30));
      SimAssertions.assertThat(sim.component("kv").pid()).isEqualTo(-1);
      SimAssertions.assertThat(sim.component("a").output())
          .contains("a got ok hello from a from kv");
      SimAssertions.assertThat(sim.log()).hasDelivered("a", "b", "pass").hasNoProtocolErrors();
    }
  }

  @Test
  void aSecondProtocolAndAJavaComponentWorkSteppedWithFaultsAndReproduceTheirLog() {
    String first;
    try (Simulator sim = toyLineAndNode(true)) {
      sim.awaitQuiescence(Duration.ofSeconds(60));
      SimAssertions.assertThat(sim.log()).hasDelivered("kv", "b", "ok from b");
      first = sim.log().fingerprint();
    }
    try (Simulator sim = toyLineAndNode(true)) {
      sim.awaitQuiescence(Duration.ofSeconds(60));
      SimAssertions.assertThat(sim.log().fingerprint()).isEqualTo(first);
    }
  }

  @SimulationTest(echo = false)
  @dev.procsim.junit.Component(name = "kv", node = KvMock.class)
  @dev.procsim.junit.Component(
      name = "client",
      command = {
        "python3",
        "-c",
        "print('send kv hi')\nimport sys\nprint(sys.stdin.readline().strip())"
      })
  void aJavaComponentDeclaredByAnnotation(Simulator sim) {
    SimAssertions.assertThat(sim.component("client").awaitExit(Duration.ofSeconds(30))).isZero();
    SimAssertions.assertThat(sim.component("client").output()).containsExactly("ok hi");
    SimAssertions.assertThat(sim.component("kv").output()).containsExactly("ready");
  }

  @Test
  void maelstromAsTheContractWritesIt() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("broadcast") // Maelstrom's workload names
            .bin("python3", "maelstrom/python/broadcast.py") // the node's command (+ arguments)
            .nodeCount(5)
            .timeLimit(Duration.ofSeconds(10))
            .rate(10) // operations per second, all clients together
            .latency(Duration.ofMillis(10))
            .nemesis("partition")
            .seed(42)
            .stepped() // optional: on the virtual clock, reproducible
            .run();

    SimAssertions.assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    SimAssertions.assertThat(result.explanation()).isNotBlank();
    SimAssertions.assertThat(result.seed()).isEqualTo(42);
  }
}
