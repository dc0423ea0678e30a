package dev.procsim.maelstrom.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast's topologies, as Maelstrom builds them. */
class TopologiesTest {
  private static final List<String> FIVE = List.of("n0", "n1", "n2", "n3", "n4");

  @Test
  void aGridOfFiveIsTwoRowsOfThree() {
    Map<String, List<String>> grid = Topologies.of("grid", FIVE);

    assertThat(grid.get("n0")).containsExactlyInAnyOrder("n1", "n3");
    assertThat(grid.get("n1")).containsExactlyInAnyOrder("n0", "n2", "n4");
    assertThat(grid.get("n2")).containsExactlyInAnyOrder("n1");
    assertThat(grid.get("n3")).containsExactlyInAnyOrder("n0", "n4");
    assertThat(grid.get("n4")).containsExactlyInAnyOrder("n1", "n3");
  }

  @Test
  void aLineAndATree() {
    assertThat(Topologies.of("line", FIVE).get("n2")).containsExactly("n1", "n3");
    assertThat(Topologies.of("line", FIVE).get("n4")).containsExactly("n3");
    Map<String, List<String>> tree = Topologies.of("tree2", FIVE);
    assertThat(tree.get("n0")).containsExactly("n1", "n2");
    assertThat(tree.get("n1")).containsExactly("n0", "n3", "n4");
    assertThat(tree.get("n4")).containsExactly("n1");
  }

  @Test
  void totalLinksEveryoneAndEveryLinkGoesBothWays() {
    for (String name : Topologies.NAMES) {
      Map<String, List<String>> topology = Topologies.of(name, FIVE);
      topology.forEach(
          (node, neighbours) ->
              neighbours.forEach(n -> assertThat(topology.get(n)).as(name).contains(node)));
    }
    assertThat(Topologies.of("total", FIVE).get("n3")).hasSize(4);
  }

  @Test
  void anUnknownTopologyIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> Topologies.of("ring", FIVE))
        .hasMessageContaining("no topology \"ring\"")
        .hasMessageContaining("tree3");
  }
}
