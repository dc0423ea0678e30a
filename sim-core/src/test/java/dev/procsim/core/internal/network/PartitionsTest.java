package dev.procsim.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.PartitionShape;
import dev.procsim.core.internal.seed.SeededRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionsTest {
  private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

  private static List<String> nodes(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
  }

  private static Set<String> visibleFrom(String node, List<String> all, Map<Link, String> blocked) {
    Set<String> seen = new HashSet<>();
    for (String other : all) {
      if (!blocked.containsKey(new Link(node, other))) {
        seen.add(other);
      }
    }
    return seen;
  }

  @Test
  void sidesBlockEveryCrossingLinkInBothDirectionsAndTheRestFormASide() {
    Partitions.Plan plan = Partitions.ofSides(List.of(List.of("n1", "n2"), List.of("n3")), FIVE);
    assertThat(plan.description()).isEqualTo("[n1, n2] | [n3] | [n4, n5]");
    assertThat(plan.blocked())
        .containsKeys(new Link("n1", "n3"), new Link("n3", "n1"), new Link("n4", "n3"));
    assertThat(plan.blocked()).doesNotContainKeys(new Link("n1", "n2"), new Link("n4", "n5"));
    assertThat(plan.blocked()).hasSize(2 * (2 * 1 + 2 * 2 + 1 * 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 5, 6, 9})
  void isolateOneLeavesExactlyOneNodeAlone(int n) {
    List<String> all = nodes(n);
    Map<Link, String> blocked =
        Partitions.ofShape(PartitionShape.ISOLATE_ONE, all, new SeededRandom(n)).blocked();
    long alone = all.stream().filter(a -> visibleFrom(a, all, blocked).size() == 1).count();
    assertThat(alone).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 7, 10})
  void randomHalvesSplitIntoTwoHalves(int n) {
    List<String> all = nodes(n);
    Map<Link, String> blocked =
        Partitions.ofShape(PartitionShape.RANDOM_HALVES, all, new SeededRandom(n)).blocked();
    Set<Set<String>> groups = new HashSet<>();
    all.forEach(a -> groups.add(visibleFrom(a, all, blocked)));
    assertThat(groups).hasSize(2).allSatisfy(g -> assertThat(g.size()).isBetween(n / 2, n - n / 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 7, 9})
  void majoritiesRingGivesEveryNodeADifferentMajority(int n) {
    List<String> all = nodes(n);
    Map<Link, String> blocked =
        Partitions.ofShape(PartitionShape.MAJORITIES_RING, all, new SeededRandom(n)).blocked();
    Set<Set<String>> views = new HashSet<>();
    for (String a : all) {
      Set<String> view = visibleFrom(a, all, blocked);
      assertThat(view.size()).as("view of %s", a).isGreaterThan(n / 2);
      views.add(view);
      for (String b : view) {
        assertThat(visibleFrom(b, all, blocked)).contains(a);
      }
    }
    assertThat(views).hasSize(n);
  }

  @Test
  void aBridgeNodeSeesBothHalvesThatCannotSeeEachOther() {
    Map<Link, String> blocked =
        Partitions.ofShape(PartitionShape.BRIDGE, FIVE, new SeededRandom(3)).blocked();
    List<String> seesAll =
        FIVE.stream().filter(a -> visibleFrom(a, FIVE, blocked).size() == 5).toList();
    assertThat(seesAll).hasSize(1);
    for (String a : FIVE) {
      if (!seesAll.contains(a)) {
        assertThat(visibleFrom(a, FIVE, blocked)).hasSize(3);
      }
    }
  }
}
