package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimAwait;
import dev.procsim.junit.SimulationTest;
import java.util.List;

/**
 * Example 4: gossip among five Python nodes. A rumour started at one node reaches all of them; the
 * test checks it on the message log, not only on what the nodes print.
 */
@Component(
    name = "n1",
    command = {"python3", "nodes/gossip.py"})
@Component(
    name = "n2",
    command = {"python3", "nodes/gossip.py"})
@Component(
    name = "n3",
    command = {"python3", "nodes/gossip.py"})
@Component(
    name = "n4",
    command = {"python3", "nodes/gossip.py"})
@Component(
    name = "n5",
    command = {"python3", "nodes/gossip.py"})
class GossipTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  @SimulationTest
  void aRumourStartedAtOneNodeReachesAll(Simulator sim) {
    sim.send("test", "n1", "rumour the cake is a lie");

    SimAwait.awaitWhileAlive(sim)
        .untilAsserted(
            () -> {
              for (String node : NODES) {
                assertThat(sim.log()).hasOutput(node, "heard the cake is a lie");
              }
            });

    for (String node : NODES) {
      assertThat(sim.log()).hasDeliveredTo(node, "rumour the cake is a lie");
    }
    // Flooding: the injected message, then each node tells the four others exactly once.
    SimAwait.awaitWhileAlive(sim)
        .untilAsserted(() -> assertThat(sim.log()).hasMessageCount(1 + NODES.size() * 4));
    SimAwait.awaitWhileAlive(sim)
        .untilAsserted(() -> assertThat(sim.log()).hasOnlyDeliveredMessages());
    for (String from : NODES) {
      for (String to : NODES) {
        if (!from.equals(to)) {
          assertThat(sim.log()).hasDeliveredCount(from, to, 1);
        }
      }
    }
  }
}
