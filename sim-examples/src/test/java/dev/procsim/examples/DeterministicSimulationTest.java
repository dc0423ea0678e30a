package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Fate;
import dev.procsim.core.JavaCommand;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import dev.procsim.core.Simulator;
import dev.procsim.examples.nodes.TokenRingNode;
import dev.procsim.junit.Component;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deterministic simulation of real processes: in a stepped run, the same seed gives the same log,
 * with random latencies, loss, partitions and timers; another seed gives another order.
 */
class DeterministicSimulationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  /** Gossip among five Python nodes, stepped, run twice with one seed and compared. */
  @SimulationTest(seed = 42, stepped = true, checkDeterminism = true, echo = false)
  @NetworkFaults(latency = "1ms..30ms", loss = 0.1)
  @Component(
      name = "n1",
      command = {"python3", "nodes/gossip.py"},
      acks = true)
  @Component(
      name = "n2",
      command = {"python3", "nodes/gossip.py"},
      acks = true)
  @Component(
      name = "n3",
      command = {"python3", "nodes/gossip.py"},
      acks = true)
  @Component(
      name = "n4",
      command = {"python3", "nodes/gossip.py"},
      acks = true)
  @Component(
      name = "n5",
      command = {"python3", "nodes/gossip.py"},
      acks = true)
  void gossipWithLatencyAndLossIsReproducible(Simulator sim) {
    sim.send("test", "n1", "rumour stepped");
    sim.awaitQuiescence(WAIT);
    assertThat(sim.log()).hasOutput("n1", "heard stepped");
    assertThat(sim.log().messages()).anyMatch(m -> m.fate() == Fate.DROPPED);
  }

  private static List<String> gossip(long seed) {
    Simulator.Builder builder =
        Simulator.builder()
            .echo(false)
            .seed(seed)
            .stepped()
            .network(
                Network.builder().latency(Duration.ofMillis(1), Duration.ofMillis(30)).build());
    for (String node : NODES) {
      builder.component(ComponentSpec.of(node, "python3", "nodes/gossip.py").withAcks());
    }
    try (Simulator sim = builder.build().start()) {
      sim.send("test", "n1", "rumour order");
      sim.awaitQuiescence(WAIT);
      return sim.log().logicalEntries();
    }
  }

  @Test
  void theSameSeedGivesTheSameLogAndAnotherSeedAnotherOrder() {
    List<String> first = gossip(1);
    assertThat(gossip(1)).isEqualTo(first);
    List<String> other = gossip(2);
    assertThat(other).isNotEqualTo(first);
    assertThat(other.stream().filter(l -> l.startsWith("output ")).toList())
        .as("who heard the rumour in which order")
        .containsExactlyInAnyOrderElementsOf(
            first.stream().filter(l -> l.startsWith("output ")).toList());
  }

  /** Unmodified JVM nodes (many threads in futex waits) stepped by black-box idle detection. */
  private static List<String> javaRing(long seed) {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .seed(seed)
            .stepped()
            .component("a", JavaCommand.of(TokenRingNode.class, "12"))
            .component("b", JavaCommand.of(TokenRingNode.class, "12"))
            .component("c", JavaCommand.of(TokenRingNode.class, "12"))
            .build()
            .start();
    try (sim) {
      sim.send("test", "a", "token 0");
      sim.send("test", "b", "token 5");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.log().protocolErrors()).isEmpty();
      return sim.log().logicalEntries();
    }
  }

  @Test
  void unmodifiedJavaNodesAreReproducibleToo() {
    List<String> first = javaRing(5);
    assertThat(first).anyMatch(l -> l.startsWith("output ") && l.contains("done 12"));
    assertThat(javaRing(5)).isEqualTo(first);
  }

  private static Simulator retrier(long seed) {
    return Simulator.builder()
        .echo(false)
        .seed(seed)
        .stepped()
        .component(ComponentSpec.of("sender", "python3", "nodes/retry_sender.py").withAcks())
        .component(ComponentSpec.of("echo", "python3", "nodes/echo.py").withAcks())
        .build()
        .start();
  }

  private static List<String> retriesUnderAPartition(long seed) {
    try (Simulator sim = retrier(seed)) {
      // The partition is set and lifted between steps, so it too is part of the deterministic run.
      sim.partition(List.of("sender"), List.of("echo"));
      sim.send("test", "sender", "go");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("sender").output())
          .containsExactly("retrying 1", "retrying 1", "retrying 1", "gave up 1");
      // Retries fire on the virtual clock, exactly 100 ms apart.
      List<Long> wakeUps =
          sim.log().messages().stream()
              .filter(m -> m.from().equals("procsim"))
              .map(
                  m ->
                      sim.log().events().stream()
                          .filter(e -> e instanceof LogEvent.Delivered d && d.messageId() == m.id())
                          .findFirst()
                          .orElseThrow()
                          .nanos())
              .toList();
      assertThat(wakeUps).containsExactly(100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
      sim.heal();
      sim.send("test", "sender", "go");
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("sender").output()).endsWith("acked 2");
      assertThat(sim.log().messages())
          .filteredOn(m -> m.to().equals("echo"))
          .extracting(Message::fate)
          .containsExactly(Fate.DROPPED, Fate.DROPPED, Fate.DROPPED, Fate.DROPPED, Fate.DELIVERED);
      return sim.log().logicalEntries();
    }
  }

  @Test
  void retriesOnTimersUnderAPartitionAreReproducible() {
    assertThat(retriesUnderAPartition(9)).isEqualTo(retriesUnderAPartition(9));
  }
}
