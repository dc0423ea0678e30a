package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second wire protocol, written in this test against the public SPI only: {@code
 * to:<target>|<body>} on stdout, {@code <sender>|<body>} on stdin. It works end to end, mixed with
 * the line protocol, under faults, and in stepped runs.
 */
class WireProtocolTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOY_NODE = "src/test/python/toy_hops.py";

  /** The toy protocol: nothing here but the SPI. */
  static final WireProtocol TOY =
      new WireProtocol() {
        @Override
        public Decoded decode(String line) {
          if (!line.startsWith("to:")) {
            return Decoded.output(line);
          }
          int bar = line.indexOf('|');
          if (bar < 0) {
            return Decoded.malformed("no '|' after the target");
          }
          return Decoded.send(line.substring(3, bar), line.substring(bar + 1));
        }

        @Override
        public String encode(Message message) {
          return message.from() + "|" + message.body();
        }

        @Override
        public String toString() {
          return "the toy protocol";
        }
      };

  @Test
  void aSimulationMixesProtocolsEachComponentSpeaksItsOwn() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .protocol(TOY)
            .component("toy", "python3", TOY_NODE, "0")
            .component(
                ComponentSpec.of(
                        "liner",
                        "python3",
                        "-c",
                        "import sys\nfor l in sys.stdin: print('send toy got ' + l.strip())")
                    .withProtocol(WireProtocol.LINE))
            .build()
            .start()) {
      sim.send("test", "toy", "hop 0"); // toy prints "saw 0 from test" and sends nothing
      sim.send("test", "liner", "hello");
      Message fromLiner =
          sim.log().awaitMessage(m -> m.from().equals("liner") && m.fate() == Fate.DELIVERED, WAIT);
      // The log keeps the body as the line protocol decoded it; the toy node read "liner|...".
      assertThat(fromLiner.body()).isEqualTo("got hello");
      awaitOutput(sim, "toy", "got got hello from liner");
      assertThat(sim.component("toy").output()).contains("saw 0 from test");
    }
  }

  @Test
  void malformedLinesAreProtocolErrorsNamingTheComponentAndTheRunGoesOn() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .protocol(TOY)
            .component("a", "python3", TOY_NODE, "2")
            .component("b", "python3", TOY_NODE, "2")
            .build()
            .start()) {
      sim.send("test", "a", "bad");
      LogEvent.ProtocolError error =
          (LogEvent.ProtocolError)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProtocolError, WAIT);
      assertThat(error.component()).isEqualTo("a");
      assertThat(error.line()).isEqualTo("to:nobar");
      assertThat(error.problem()).isEqualTo("no '|' after the target");
      sim.send("test", "a", "hop 1");
      sim.log().awaitMessage(m -> m.body().equals("hop 2") && m.fate() == Fate.DELIVERED, WAIT);
      awaitOutput(sim, "b", "saw 2 from a");
    }
  }

  @Test
  void aProtocolThatFailsIsReportedNotFatal() {
    WireProtocol broken =
        new WireProtocol() {
          @Override
          public Decoded decode(String line) {
            if (line.equals("boom")) {
              throw new IllegalStateException("cannot parse boom");
            }
            return Decoded.output(line);
          }

          @Override
          public String encode(Message message) {
            return message.body().equals("split") ? "one\ntwo" : message.body();
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .component(ComponentSpec.of("echo", "cat").withProtocol(broken))
            .build()
            .start()) {
      sim.send("test", "echo", "boom");
      LogEvent.ProtocolError error =
          (LogEvent.ProtocolError)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProtocolError, WAIT);
      assertThat(error.problem())
          .contains("its wire protocol failed")
          .contains("cannot parse boom");
      Message split = sim.send("test", "echo", "split");
      Message fate = sim.log().awaitMessage(m -> m.id() == split.id() && m.fate().isFinal(), WAIT);
      assertThat(fate.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(fate.reason()).contains("echo's wire protocol").contains("line break");
      sim.send("test", "echo", "still here");
      awaitOutput(sim, "echo", "still here");
    }
  }

  @Test
  void faultsApplyToMessagesOfAnyProtocol() {
    Network lossy = Network.builder().link("a", "b", LinkFaults.none().withLoss(1.0)).build();
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .seed(3)
            .protocol(TOY)
            .network(lossy)
            .component("a", "python3", TOY_NODE, "2")
            .component("b", "python3", TOY_NODE, "2")
            .build()
            .start()) {
      sim.send("test", "a", "hop 1");
      Message lost = sim.log().awaitMessage(m -> m.fate() == Fate.DROPPED, WAIT);
      assertThat(lost.from()).isEqualTo("a");
      assertThat(lost.body()).isEqualTo("hop 2");
      assertThat(lost.reason()).startsWith("lost by the network");
    }
  }

  private static List<String> steppedRun(long seed, boolean acks) {
    Network network =
        Network.builder()
            .latency(Duration.ofMillis(1), Duration.ofMillis(20))
            .loss(0.1)
            .duplication(0.1)
            .build();
    Simulator.Builder builder =
        Simulator.builder().echo(false).seed(seed).stepped().protocol(TOY).network(network);
    for (String name : List.of("a", "b", "c")) {
      ComponentSpec spec = ComponentSpec.of(name, "python3", TOY_NODE, "4");
      builder.component(acks ? spec.withAcks() : spec);
    }
    try (Simulator sim = builder.build().start()) {
      sim.send("test", "a", "hop 1");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.steps()).isPositive();
      return sim.log().logicalEntries();
    }
  }

  @Test
  void aSteppedRunInASecondProtocolReproducesItsLog() {
    List<String> first = steppedRun(21, true);
    assertThat(first).anyMatch(l -> l.startsWith("output ") && l.contains("saw 2 from"));
    assertThat(steppedRun(21, true)).isEqualTo(first);
  }

  @Test
  void aSteppedRunInASecondProtocolReproducesItsLogByBlackBoxIdleDetectionToo() {
    List<String> first = steppedRun(22, false);
    assertThat(steppedRun(22, false)).isEqualTo(first);
  }

  private static void awaitOutput(Simulator sim, String component, String line) {
    sim.log()
        .awaitEvent(
            e ->
                e instanceof LogEvent.Output out
                    && out.component().equals(component)
                    && out.line().equals(line),
            WAIT);
  }
}
