package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.Fate;
import dev.procsim.core.LinkFaults;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Network;
import dev.procsim.core.PartitionShape;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.NemesisFaults;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's fault examples, on five gossip nodes that flood a rumour to each other. */
@Component(name = "n1", command = {"python3", "nodes/gossip.py"}, acks = true)
@Component(name = "n2", command = {"python3", "nodes/gossip.py"}, acks = true)
@Component(name = "n3", command = {"python3", "nodes/gossip.py"}, acks = true)
@Component(name = "n4", command = {"python3", "nodes/gossip.py"}, acks = true)
@Component(name = "n5", command = {"python3", "nodes/gossip.py"}, acks = true)
class FaultsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  @Test
  void network() {
    Network net = Network.builder()
        .latency(Duration.ofMillis(1), Duration.ofMillis(20))   // uniform; or fixed, or exponentialLatency(mean)
        .loss(0.1)                                               // probability that a copy is lost
        .duplication(0.05)                                       // probability that a message travels twice
        .link("n1", "n2", LinkFaults.none().withLoss(0.5))       // one direction, instead of the defaults
        .build();
    Simulator.Builder builder = Simulator.builder().seed(42);
    NODES.forEach(n -> builder.component(n, "python3", "nodes/gossip.py"));
    Simulator sim = builder.network(net).build().start();
    try (sim) {
      sim.send("test", "n1", "rumour x");              // the test's own messages are not faulted
      awaitHeard(sim, "x", NODES);                     // with seed 42 no node misses it
      sim.network(Network.reliable());                 // change it while running (logged)
      assertThat(sim.log().events()).anyMatch(e -> e instanceof LogEvent.FaultInjected f
          && f.describe().contains("network"));
    }
  }

  @SimulationTest(stepped = true)
  void partitions(Simulator sim) {
    sim.partition(List.of("n1", "n2"), List.of("n3", "n4", "n5"));   // sides cannot talk, either way
    heardAfterQuiet(sim, "n1", "x", "n1", "n2");
    sim.partition(List.of("n1"));                  // components on no side form one more side: n1 is isolated
    heardAfterQuiet(sim, "n2", "y", "n2", "n3", "n4", "n5");
    String what = sim.partition(PartitionShape.MAJORITIES_RING);  // or ISOLATE_ONE, RANDOM_HALVES, BRIDGE
    assertThat(what).contains("n1");
    sim.cut("n1", "n2");                           // one way: n1 -> n2 is down, n2 -> n1 still works
    sim.heal();                                    // everything up again
    heardAfterQuiet(sim, "n1", "z", "n1", "n2", "n3", "n4", "n5");
  }

  @SimulationTest
  void processFaults(Simulator sim) {
    ComponentHandle n1 = sim.component("n1");
    n1.crash();     // SIGKILL to the whole tree, no warning; messages to it: UNDELIVERABLE "n1 is down: it was crashed"
    assertThat(awaitFate(sim, sim.send("test", "n1", "rumour lost"))).isEqualTo(Fate.UNDELIVERABLE);
    n1.restart();   // a fresh process: same name, command and environment, new pid
    n1.pause();     // SIGSTOP to the tree; messages to it wait...
    Message m = sim.send("test", "n1", "rumour later");
    assertThat(sim.log().message(m.id()).fate()).isEqualTo(Fate.IN_FLIGHT);
    n1.resume();    // ...and are delivered after SIGCONT
    awaitHeard(sim, "later", NODES);
    assertThat(n1.output()).doesNotContain("heard lost");
  }

  @Test
  void nemesis() {
    Simulator.Builder builder = Simulator.builder();
    NODES.forEach(n -> builder.component(n, "python3", "nodes/gossip.py"));
    Simulator sim = builder
        .nemesis(Nemesis.builder()
            .interval(Duration.ofMillis(200), Duration.ofSeconds(2))
            .faults(Nemesis.Fault.PARTITION, Nemesis.Fault.CRASH_RESTART, Nemesis.Fault.PAUSE)
            .targets("n2", "n3")                  // who may be crashed or paused; everyone by default
            .build())
        .build().start();
    try (sim) {
      sim.log().awaitEvent("the nemesis's first fault", e -> e instanceof LogEvent.FaultInjected f
          && f.describe().contains("nemesis"), TIMEOUT);
      sim.healAll();   // the liveness phase: stops the nemesis, heals partitions, resumes, restarts crashed components
      sim.send("test", "n1", "rumour after the storm");
      awaitHeard(sim, "after the storm", NODES);
    }
  }

  @SimulationTest(runs = 3)
  @NetworkFaults(latency = "1ms..20ms", loss = 0.3, duplication = 0.05)
  @NemesisFaults(interval = "200ms..2s",
      faults = {Nemesis.Fault.PARTITION, Nemesis.Fault.CRASH_RESTART, Nemesis.Fault.PAUSE})
  void annotations(Simulator sim) {
    for (int i = 0; i < 20; i++) {
      sim.send("test", "n1", "rumour " + i);   // the test's own messages arrive, whatever the faults
    }
    sim.log().awaitMessage("all 20 delivered", m -> m.from().equals("test") && m.body().equals("rumour 19")
        && m.fate() != Fate.IN_FLIGHT, TIMEOUT);
    sim.healAll();
    assertThat(sim.log().messages()).filteredOn(m -> m.from().equals("test")).allMatch(m -> m.fate() != Fate.DROPPED);
  }

  private static void heardAfterQuiet(Simulator sim, String to, String rumour, String... hearers) {
    sim.send("test", to, "rumour " + rumour);
    sim.awaitQuiescence(TIMEOUT);
    for (String node : NODES) {
      boolean heard = sim.component(node).output().contains("heard " + rumour);
      assertThat(heard).as("%s heard %s", node, rumour).isEqualTo(List.of(hearers).contains(node));
    }
  }

  private static void awaitHeard(Simulator sim, String rumour, List<String> nodes) {
    for (String node : nodes) {
      sim.log().awaitEvent(node + " heard " + rumour, e -> e instanceof LogEvent.Output o
          && o.component().equals(node) && o.line().equals("heard " + rumour), TIMEOUT);
    }
  }

  private static Fate awaitFate(Simulator sim, Message sent) {
    return sim.log().awaitMessage("the fate of #" + sent.id(), m -> m.id() == sent.id() && m.fate() != Fate.IN_FLIGHT,
        TIMEOUT).fate();
  }
}
