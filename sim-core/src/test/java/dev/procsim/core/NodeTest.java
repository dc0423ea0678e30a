package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Components that are Java objects, written in this test against the public SPI: they receive, send
 * through the same network (faults, fates, log), print output, crash, restart and pause like
 * processes, and are stepped without idle detection.
 */
class NodeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Counts what it receives and answers "<count> <body>" to the sender. */
  static final class Counter implements Node {
    private int count;

    @Override
    public void start(NodeContext ctx) {
      ctx.output("ready");
    }

    @Override
    public void receive(String from, String body, NodeContext ctx) {
      count++;
      ctx.send(from, count + " " + body);
    }
  }

  private static Simulator.Builder counterAndEcho() {
    return Simulator.builder()
        .echo(false)
        .node("kv", Counter::new)
        .component("client", "python3", "-c", "import sys\nfor l in sys.stdin: print(l.strip())");
  }

  @Test
  void aJavaNodeTalksToAProcessThroughTheNetworkWithLogEntriesAndFates() {
    try (Simulator sim = counterAndEcho().build().start()) {
      Component kv = sim.component("kv");
      assertThat(kv.pid()).isEqualTo(-1);
      assertThat(kv.isAlive()).isTrue();
      assertThat(kv.command()).containsExactly(Counter.class.getName());
      sim.send("client", "kv", "hello");
      Message answer =
          sim.log().awaitMessage(m -> m.from().equals("kv") && m.fate() == Fate.DELIVERED, WAIT);
      assertThat(answer.to()).isEqualTo("client");
      assertThat(answer.body()).isEqualTo("1 hello");
      awaitOutput(sim, "client", "1 hello");
      assertThat(kv.output()).containsExactly("ready");
      assertThat(sim.log().events())
          .anyMatch(
              e ->
                  e instanceof LogEvent.ProcessStarted s
                      && s.component().equals("kv")
                      && s.pid() == -1
                      && s.describe().contains("(Java node)"));
    }
  }

  @Test
  void networkFaultsApplyToJavaNodes() {
    Network lossy = Network.builder().link("kv", "client", LinkFaults.none().withLoss(1)).build();
    try (Simulator sim = counterAndEcho().network(lossy).build().start()) {
      sim.send("client", "kv", "hello");
      Message dropped = sim.log().awaitMessage(m -> m.fate() == Fate.DROPPED, WAIT);
      assertThat(dropped.from()).isEqualTo("kv");
      assertThat(dropped.reason()).startsWith("lost by the network");
      sim.partition(List.of("kv"));
      sim.network(Network.reliable());
      sim.send("client", "kv", "across");
      Message cut =
          sim.log().awaitMessage(m -> m.body().equals("across") && m.fate() == Fate.DROPPED, WAIT);
      assertThat(cut.reason()).contains("partition");
    }
  }

  @Test
  void aCrashDropsTheStateAndARestartBuildsAFreshNode() {
    try (Simulator sim = counterAndEcho().build().start()) {
      Component kv = sim.component("kv");
      sim.send("client", "kv", "a");
      sim.send("client", "kv", "b");
      sim.log().awaitMessage(m -> m.body().equals("2 b") && m.fate().isFinal(), WAIT);
      kv.crash();
      assertThat(kv.isAlive()).isFalse();
      assertThat(kv.exitCode()).hasValue(137);
      Message refused = sim.send("client", "kv", "c");
      Message fate =
          sim.log().awaitMessage(m -> m.id() == refused.id() && m.fate().isFinal(), WAIT);
      assertThat(fate.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(fate.reason()).isEqualTo("kv is down: it was crashed");
      kv.restart();
      sim.send("client", "kv", "d");
      Message fresh =
          sim.log().awaitMessage(m -> m.from().equals("kv") && m.body().endsWith(" d"), WAIT);
      assertThat(fresh.body()).isEqualTo("1 d"); // a new object: its count starts again
      assertThat(kv.output()).containsExactly("ready", "ready");
    }
  }

  @Test
  void aPausedNodeGetsItsMessagesAfterTheResume() {
    try (Simulator sim = counterAndEcho().build().start()) {
      Component kv = sim.component("kv");
      kv.pause();
      assertThat(kv.isPaused()).isTrue();
      Message held = sim.send("client", "kv", "later");
      assertThat(sim.log().message(held.id()).fate()).isEqualTo(Fate.IN_FLIGHT);
      kv.resume();
      Message answer = sim.log().awaitMessage(m -> m.body().equals("1 later"), WAIT);
      assertThat(answer.from()).isEqualTo("kv");
      List<String> faults = new ArrayList<>();
      sim.log().events().stream()
          .filter(e -> e instanceof LogEvent.FaultInjected)
          .forEach(e -> faults.add(((LogEvent.FaultInjected) e).kind()));
      assertThat(faults).containsExactly("pause", "resume");
    }
  }

  @Test
  void aNodeThatThrowsExitsWithItsStackTraceAsStderr() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node(
                "fragile",
                () ->
                    (from, body, ctx) -> {
                      throw new IllegalStateException("cannot handle " + body);
                    })
            .build()
            .start()) {
      Component fragile = sim.component("fragile");
      sim.send("test", "fragile", "x");
      assertThat(fragile.awaitExit(WAIT)).isEqualTo(1);
      assertThat(fragile.errors().get(0))
          .isEqualTo("java.lang.IllegalStateException: cannot handle x");
      LogEvent.ProcessExited exit =
          (LogEvent.ProcessExited)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProcessExited, WAIT);
      assertThat(exit.describe())
          .contains("exited fragile (Java node) with code 1")
          .contains("cannot handle x");
      Message after = sim.send("test", "fragile", "y");
      assertThat(sim.log().awaitMessage(m -> m.id() == after.id() && m.fate().isFinal(), WAIT))
          .extracting(Message::reason)
          .isEqualTo("fragile has exited (exit code 1)");
    }
  }

  @Test
  void aSendToAnUnknownTargetIsAProtocolErrorNamingTheNode() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node("lost", () -> (from, body, ctx) -> ctx.send("nobody", body))
            .build()
            .start()) {
      sim.send("test", "lost", "hi");
      LogEvent.ProtocolError error =
          (LogEvent.ProtocolError)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProtocolError, WAIT);
      assertThat(error.component()).isEqualTo("lost");
      assertThat(error.problem()).startsWith("unknown target \"nobody\"");
      assertThat(error.line()).isEqualTo("ctx.send(\"nobody\", \"hi\")");
      assertThat(sim.log().messages())
          .filteredOn(m -> m.to().equals("nobody"))
          .singleElement()
          .extracting(Message::fate)
          .isEqualTo(Fate.UNDELIVERABLE);
    }
  }

  @Test
  void aFactoryThatFailsIsAClearErrorAtStart() {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .node(
                "broken",
                () -> {
                  throw new IllegalStateException("no database");
                })
            .build();
    assertThatThrownBy(sim::start)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("component \"broken\": its node factory failed")
        .hasMessageContaining("no database");
  }

  /** Pings "pong" on a timer, three times: the virtual clock decides when each ping goes. */
  static final class Pinger implements Node {
    @Override
    public void start(NodeContext ctx) {
      ctx.timer(Duration.ofMillis(100), "tick 1");
    }

    @Override
    public void receive(String from, String body, NodeContext ctx) {
      int n = Integer.parseInt(body.split(" ")[1]);
      if (from.equals("procsim")) {
        ctx.output("tick " + n + " at " + ctx.now().toMillis() + "ms");
        ctx.send("pong", "ball " + n);
      } else {
        ctx.output("back " + n + " at " + ctx.now().toMillis() + "ms");
        if (n < 3) {
          ctx.timer(Duration.ofMillis(100), "tick " + (n + 1));
        }
      }
    }
  }

  private static String steppedNodes(long seed) {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .seed(seed)
            .stepped()
            .network(Network.builder().latency(Duration.ofMillis(1), Duration.ofMillis(9)).build())
            .node("ping", Pinger::new)
            .node("pong", () -> (from, body, ctx) -> ctx.send(from, body))
            .build()
            .start()) {
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("ping").output())
          .hasSize(6)
          .startsWith("tick 1 at 100ms")
          .anyMatch(l -> l.startsWith("tick 3 at "));
      return sim.log().fingerprint();
    }
  }

  @Test
  void steppedJavaNodesRunOnTheVirtualClockAndReproduceTheirLog() {
    String first = steppedNodes(9);
    assertThat(steppedNodes(9)).isEqualTo(first);
  }

  @Test
  void outputWithALineBreakFailsTheNodeWithAClearReason() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node("twoline", () -> (from, body, ctx) -> ctx.output("a\nb"))
            .build()
            .start()) {
      sim.send("test", "twoline", "go");
      assertThat(sim.component("twoline").awaitExit(WAIT)).isEqualTo(1);
      assertThat(sim.component("twoline").errors().get(0))
          .contains("a line of output cannot contain a line break");
    }
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

  /** Two nodes that keep a count each and pass it on; a stepped nemesis crashes and pauses them. */
  private static java.util.List<String> steppedNemesisOnNodes(long seed, Nemesis.Fault fault) {
    Node counter =
        new Node() {
          @Override
          public void receive(String from, String body, NodeContext ctx) {
            int n = Integer.parseInt(body);
            if (n < 60) {
              ctx.send(ctx.name().equals("a") ? "b" : "a", Integer.toString(n + 1));
            }
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .seed(seed)
            .stepped()
            .network(Network.builder().latency(Duration.ofMillis(1), Duration.ofMillis(10)).build())
            .nemesis(
                Nemesis.builder()
                    .interval(Duration.ofMillis(20), Duration.ofMillis(60))
                    .faults(fault)
                    .build())
            .node("a", () -> counter)
            .node("b", () -> counter)
            .build()
            .start()) {
      sim.send("test", "a", "0");
      sim.awaitQuiescence(WAIT);
      sim.healAll();
      sim.send("test", "b", "55");
      sim.awaitQuiescence(WAIT);
      return sim.log().logicalEntries();
    }
  }

  @Test
  void aSteppedNemesisCrashesAndRestartsJavaNodesAtTheSameStepsForTheSameSeed() {
    java.util.List<String> first = steppedNemesisOnNodes(31, Nemesis.Fault.CRASH_RESTART);
    assertThat(first)
        .anyMatch(l -> l.startsWith("fault crash: ") && l.contains("(Java node)"))
        .anyMatch(l -> l.startsWith("fault restart: "));
    assertThat(steppedNemesisOnNodes(31, Nemesis.Fault.CRASH_RESTART)).isEqualTo(first);
  }

  @Test
  void aSteppedNemesisPausesJavaNodesAtTheSameStepsForTheSameSeed() {
    java.util.List<String> first = steppedNemesisOnNodes(32, Nemesis.Fault.PAUSE);
    assertThat(first)
        .anyMatch(l -> l.startsWith("fault pause: ") && l.contains("(Java node)"))
        .anyMatch(l -> l.startsWith("fault resume: "))
        .anyMatch(l -> l.endsWith(" 60")); // pauses only delay: the count gets to the end
    assertThat(steppedNemesisOnNodes(32, Nemesis.Fault.PAUSE)).isEqualTo(first);
  }

  @Test
  void aSteppedCrashedNodeRefusesUntilItsRestartAndAPausedOneWaits() {
    try (Simulator sim = counterAndEcho().stepped().build().start()) {
      Component kv = sim.component("kv");
      sim.send("client", "kv", "a");
      sim.awaitQuiescence(WAIT);
      kv.crash();
      Message refused = sim.send("client", "kv", "b");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().message(refused.id()).reason()).isEqualTo("kv is down: it was crashed");
      kv.restart();
      kv.pause();
      Message held = sim.send("client", "kv", "c");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().message(held.id()).fate()).isEqualTo(Fate.IN_FLIGHT);
      kv.resume();
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().message(held.id()).fate()).isEqualTo(Fate.DELIVERED);
      assertThat(sim.log().messages()).anyMatch(m -> m.body().equals("1 c")); // a fresh count
    }
  }

  @Test
  void aRestartWhoseFactoryFailsSaysSoAndLeavesTheNodeDown() {
    java.util.concurrent.atomic.AtomicInteger built =
        new java.util.concurrent.atomic.AtomicInteger();
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node(
                "flaky",
                () -> {
                  if (built.incrementAndGet() > 1) {
                    throw new IllegalStateException("no second life");
                  }
                  return new Counter();
                })
            .build()
            .start()) {
      Component flaky = sim.component("flaky");
      flaky.crash();
      assertThatThrownBy(flaky::restart)
          .isInstanceOf(SimulationException.class)
          .hasMessageContaining("component \"flaky\": its node factory failed")
          .hasMessageContaining("no second life");
      assertThat(flaky.isAlive()).isFalse();
      Message refused = sim.send("test", "flaky", "anyone?");
      assertThat(sim.log().awaitMessage(m -> m.id() == refused.id() && m.fate().isFinal(), WAIT))
          .extracting(Message::reason)
          .isEqualTo("flaky is down: its restart failed");
    }
  }
}
