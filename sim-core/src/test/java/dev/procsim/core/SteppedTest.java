package dev.procsim.core;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Stepped runs: the same seed gives the same log, every time. */
class SteppedTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> NODES = List.of("a", "b", "c", "d");

  private static Simulator hops(long seed, boolean acks, Network network) {
    Simulator.Builder builder =
        Simulator.builder().echo(false).seed(seed).stepped().network(network);
    for (String name : NODES) {
      ComponentSpec spec = ComponentSpec.of(name, "python3", "src/test/python/hops.py", "4");
      builder.component(acks ? spec.withAcks() : spec);
    }
    return builder.build().start();
  }

  /** Runs the flood to quiescence and returns the logical log. */
  private static List<String> run(long seed, boolean acks, Network network) {
    Simulator sim = hops(seed, acks, network);
    try (sim) {
      sim.send("test", "a", "hop 1");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.steps()).isPositive();
      return sim.log().logicalEntries();
    } finally {
      assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    }
  }

  @Test
  void theSameSeedGivesTheSameLogEveryTimeAndAnotherSeedAnotherOrder() {
    List<String> first = run(5, true, Network.reliable());
    assertThat(first).filteredOn(l -> l.startsWith("send ")).hasSize(1 + 3 + 9 + 27);
    for (int i = 0; i < 2; i++) {
      List<String> again = run(5, true, Network.reliable());
      assertThat(again).as("run %d", i + 2).isEqualTo(first);
    }
    List<String> other = run(6, true, Network.reliable());
    assertThat(other).isNotEqualTo(first);
    // The same messages were sent, in another order.
    assertThat(messagesOf(other)).containsExactlyInAnyOrderElementsOf(messagesOf(first));
    assertThat(messagesOf(other)).isNotEqualTo(messagesOf(first));
  }

  /** "from -> to body" of every send, without the message ids. */
  private static List<String> messagesOf(List<String> logical) {
    return logical.stream()
        .filter(l -> l.startsWith("send #"))
        .map(l -> l.substring(l.indexOf(' ', "send #".length()) + 1))
        .toList();
  }

  @Test
  void faultsAreDeterministicInSteppedRunsToo() {
    Network faulty =
        Network.builder()
            .latency(Duration.ofMillis(1), Duration.ofMillis(50))
            .loss(0.2)
            .duplication(0.1)
            .build();
    List<String> first = run(11, true, faulty);
    assertThat(run(11, true, faulty)).isEqualTo(first);
    assertThat(first).anyMatch(l -> l.contains("DROPPED")).anyMatch(l -> l.startsWith("duplicate"));
  }

  @Test
  void unmodifiedNodesAreSteppedByBlackBoxIdleDetection() {
    List<String> first = run(7, false, Network.reliable());
    assertThat(first).filteredOn(l -> l.startsWith("send ")).hasSize(40);
    assertThat(run(7, false, Network.reliable())).isEqualTo(first);
  }

  /**
   * Two unmodified, fast processes (sed) passing one message back and forth: every step must wait
   * until the reply is read. A step taken in the moment after the kernel handed the reply to its
   * reader thread, before that thread runs, would find nothing to deliver and end the run early.
   * Most likely to show with both cores busy.
   */
  @Test
  void blackBoxIdleDetectionNeverStepsBeforeTheReplyIsRead() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component("a", "sed", "-u", "s/^/send b /")
            .component("b", "sed", "-u", "s/^/send a /")
            .build()
            .start()) {
      sim.send("test", "a", "ball");
      assertThat(sim.advance(2000)).isEqualTo(2000);
      assertThat(sim.log().messages()).hasSize(2001).allMatch(m -> m.body().equals("ball"));
    }
  }

  /**
   * What the README promises of timers: no network fault or partition touches them; a wake-up due
   * while its component is down is undeliverable; one due after a restart reaches the new instance.
   */
  @Test
  void timersIgnoreNetworkFaultsAndFollowCrashesAndRestarts() {
    Node sleeper =
        new Node() {
          @Override
          public void receive(String from, String body, NodeContext ctx) {
            if (body.equals("arm")) {
              ctx.timer(Duration.ofMillis(100), "wake 1");
              ctx.timer(Duration.ofMillis(300), "wake 2");
            } else {
              ctx.output("got " + body + " from " + from);
            }
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .network(Network.builder().loss(1.0).build())
            .node("t", () -> sleeper)
            .node("other", () -> sleeper)
            .build()
            .start()) {
      sim.partition(List.of("t"));
      sim.send("test", "t", "arm");
      sim.advanceUntil(Duration.ofMillis(50), WAIT);
      sim.component("t").crash();
      sim.advanceUntil(Duration.ofMillis(200), WAIT);
      sim.component("t").restart();
      sim.awaitQuiescence(WAIT);

      List<Message> wakeUps =
          sim.log().messages().stream().filter(m -> m.from().equals("procsim")).toList();
      assertThat(wakeUps).extracting(Message::body).containsExactly("wake 1", "wake 2");
      assertThat(wakeUps.get(0).fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(wakeUps.get(0).reason()).isEqualTo("t is down: it was crashed");
      assertThat(wakeUps.get(1).fate()).isEqualTo(Fate.DELIVERED);
      assertThat(sim.component("t").output()).containsExactly("got wake 2 from procsim");
    }
  }

  @Test
  void timersFireOnTheVirtualClock() {
    String ticker =
        "import os, sys\n"
            + "ack = os.environ['PROCSIM_ACK']\n"
            + "print('send procsim timer 250 tick 1'); print(ack)\n"
            + "for line in sys.stdin:\n"
            + "    n = int(line.split()[1])\n"
            + "    print(f'tick {n}')\n"
            + "    if n < 4: print(f'send procsim timer 250 tick {n + 1}')\n"
            + "    print(ack)\n";
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component(ComponentSpec.of("ticker", "python3", "-c", ticker).withAcks())
            .build()
            .start()) {
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("ticker").output())
          .containsExactly("tick 1", "tick 2", "tick 3", "tick 4");
      List<Long> firedAt =
          sim.log().events().stream()
              .filter(e -> e instanceof LogEvent.Delivered d && d.from().equals("procsim"))
              .map(LogEvent::nanos)
              .toList();
      assertThat(firedAt)
          .containsExactly(
              Duration.ofMillis(250).toNanos(),
              Duration.ofMillis(500).toNanos(),
              Duration.ofMillis(750).toNanos(),
              Duration.ofMillis(1000).toNanos());
    }
  }

  @Test
  void aComponentThatNeverAcknowledgesIsReportedAndSteppedPast() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .stepTimeout(Duration.ofMillis(300))
            .component(ComponentSpec.of("mute", "cat").withAcks())
            .build()
            .start()) {
      sim.send("test", "mute", "hello");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().protocolErrors())
          .extracting(LogEvent.ProtocolError::problem)
          .anySatisfy(
              p ->
                  assertThat(p).contains("mute did not become idle within 300 ms after it started"))
          .anySatisfy(
              p ->
                  assertThat(p).contains("after message #1").contains("no acknowledgement marker"));
    }
  }

  @Test
  void theStepTimeoutReportSaysWhatAProcessWasDoing() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .stepTimeout(
                Duration.ofSeconds(2)) // sleeper must have exec'd sleep by then, under load too
            .component("spinner", "sh", "-c", "read x; while :; do :; done")
            .component("sleeper", "sh", "-c", "read x; exec sleep 600")
            .build()
            .start()) {
      sim.send("test", "spinner", "go");
      sim.send("test", "sleeper", "go");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().protocolErrors())
          .extracting(LogEvent.ProtocolError::describe)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "protocol error from spinner: spinner did not become idle within 2 s"
                              + " after message #1, so the run stepped on without it. What it was"
                              + " doing: sh (pid ")
                      .contains("): running on a CPU, ")
                      .endsWith(" s of CPU time so far"))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .contains("sleeper did not become idle")
                      .contains("sleep (pid ")
                      .containsPattern("asleep in (clock_)?nanosleep"));
    }
  }

  @Test
  void theStepTimeoutReportSaysWhereAJavaNodeWas() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    Node stuck =
        (from, body, ctx) -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .stepTimeout(Duration.ofMillis(300))
            .node("stuck", () -> stuck)
            .build()
            .start()) {
      sim.send("test", "stuck", "go");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().protocolErrors())
          .extracting(LogEvent.ProtocolError::problem)
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .contains("stuck did not become idle within 300 ms after message #1")
          .contains("What it was doing: its receive() of message #1 had not returned; it was in ")
          .contains("called from dev.procsim.core.SteppedTest.lambda$");
    } finally {
      release.countDown();
    }
  }

  private static List<String> underTheNemesis(long seed) {
    Network slow =
        Network.builder().latency(Duration.ofMillis(1), Duration.ofMillis(30)).loss(0.05).build();
    Simulator.Builder builder =
        Simulator.builder()
            .echo(false)
            .seed(seed)
            .stepped()
            .network(slow)
            .nemesis(
                Nemesis.builder().interval(Duration.ofMillis(10), Duration.ofMillis(40)).build());
    for (String name : NODES) {
      builder.component(
          ComponentSpec.of(name, "python3", "src/test/python/hops.py", "4").withAcks());
    }
    try (Simulator sim = builder.build().start()) {
      sim.send("test", "a", "hop 1");
      sim.awaitQuiescence(WAIT);
      sim.healAll();
      sim.send("test", "b", "hop 3");
      sim.awaitQuiescence(WAIT);
      List<String> entries = sim.log().logicalEntries();
      // The nemesis really acted: at least one decision, not only its start and stop.
      assertThat(entries)
          .filteredOn(l -> l.startsWith("fault nemesis: "))
          .anyMatch(
              l -> l.contains("partition") || l.contains("crash and") || l.contains("pause and"));
      return entries;
    }
  }

  @Test
  void theNemesisActsAtTheSameStepsForTheSameSeed() {
    List<String> first = underTheNemesis(13);
    assertThat(underTheNemesis(13)).isEqualTo(first);
  }

  @Test
  void messagesToAPausedComponentWaitForItsResumeInASteppedRun() {
    try (Simulator sim = hops(8, true, Network.reliable())) {
      sim.component("b").pause();
      sim.send("test", "a", "hop 4");
      sim.send("test", "b", "hop 4");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("a").output()).containsExactly("saw 4 as input 1");
      assertThat(sim.component("b").output()).isEmpty();
      assertThat(sim.log().protocolErrors()).isEmpty();
      sim.component("b").resume();
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("b").output()).containsExactly("saw 4 as input 1");
    }
  }

  @Test
  void messagesInjectedAtQuiescenceAreDeterministicToo() {
    List<String> first = injectTwice(3);
    assertThat(injectTwice(3)).isEqualTo(first);
  }

  private static List<String> injectTwice(long seed) {
    try (Simulator sim = hops(seed, true, Network.reliable())) {
      sim.send("test", "a", "hop 3");
      sim.awaitQuiescence(WAIT);
      sim.send("test", "b", "hop 2");
      sim.awaitQuiescence(WAIT);
      return sim.log().logicalEntries();
    }
  }
}
