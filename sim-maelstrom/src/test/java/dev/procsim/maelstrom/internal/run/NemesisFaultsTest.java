package dev.procsim.maelstrom.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.maelstrom.internal.run.NemesisFaults.Cut;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The partition shapes and victims of a Maelstrom run's nemesis, among nodes only. */
class NemesisFaultsTest {
  private static final List<String> FIVE = List.of("n0", "n1", "n2", "n3", "n4");

  private static Set<String> reach(String from, List<Cut> cuts, List<String> nodes) {
    Set<String> reached = new HashSet<>(nodes);
    cuts.stream().filter(c -> c.from().equals(from)).forEach(c -> reached.remove(c.to()));
    return reached;
  }

  @Test
  void oneCutsOneNodeOffBothWays() {
    List<Cut> cuts = NemesisFaults.partition("one", FIVE, new Random(1));

    assertThat(cuts).hasSize(8);
    long isolated = FIVE.stream().filter(n -> reach(n, cuts, FIVE).size() == 1).count();
    assertThat(isolated).isEqualTo(1);
  }

  @Test
  void majorityMakesTwoHalvesThatCannotTalk() {
    List<Cut> cuts = NemesisFaults.partition("majority", FIVE, new Random(2));

    assertThat(cuts).hasSize(2 * 2 * 3);
    assertThat(FIVE.stream().map(n -> reach(n, cuts, FIVE).size()).sorted().toList())
        .containsExactly(2, 2, 3, 3, 3);
  }

  @Test
  void minorityThirdCutsFewerThanAThirdAndNothingAmongThree() {
    List<String> seven = IntStream.range(0, 7).mapToObj(i -> "n" + i).toList();

    List<Cut> cuts = NemesisFaults.partition("minority-third", seven, new Random(3));

    assertThat(cuts).hasSize(2 * 2 * 5);
    assertThat(NemesisFaults.partition("minority-third", List.of("n0", "n1", "n2"), new Random(3)))
        .isEmpty();
  }

  @Test
  void majoritiesRingLetsEveryNodeSeeAMajorityButNoTwoTheSame() {
    List<Cut> cuts = NemesisFaults.partition("majorities-ring", FIVE, new Random(4));

    Set<Set<String>> views = new HashSet<>();
    for (String node : FIVE) {
      Set<String> view = reach(node, cuts, FIVE);
      assertThat(view).hasSize(3);
      views.add(view);
    }
    assertThat(views).hasSize(5);
  }

  @Test
  void aBridgeReachesBothHalvesThatCannotReachEachOther() {
    List<Cut> cuts = NemesisFaults.partition("bridge", FIVE, new Random(5));

    List<Integer> sizes = FIVE.stream().map(n -> reach(n, cuts, FIVE).size()).sorted().toList();
    assertThat(sizes).containsExactly(3, 3, 3, 3, 5);
  }

  @Test
  void oneWayCutsOneDirectionOnly() {
    List<Cut> cuts = NemesisFaults.partition("one-way", FIVE, new Random(6));

    assertThat(cuts).hasSize(2 * 3);
    for (Cut cut : cuts) {
      assertThat(cuts).doesNotContain(new Cut(cut.to(), cut.from()));
    }
  }

  @Test
  void theSameSeedCutsTheSameLinks() {
    assertThat(NemesisFaults.partition("majority", FIVE, new Random(7)))
        .isEqualTo(NemesisFaults.partition("majority", FIVE, new Random(7)));
  }

  @Test
  void partitionPicksAmongMaelstromsShapesAndAShapedNameAlwaysItsOwn() {
    Set<String> picked = new HashSet<>();
    Random random = new Random(8);
    for (int i = 0; i < 100; i++) {
      picked.add(NemesisFaults.shape("partition", random));
    }
    assertThat(picked).containsExactlyInAnyOrderElementsOf(NemesisFaults.MAELSTROM_SHAPES);
    assertThat(NemesisFaults.shape("partition-bridge", random)).isEqualTo("bridge");
  }

  @Test
  void victimsAreOneAMinorityAMajorityOrAllInNodeOrder() {
    Set<Integer> sizes = new HashSet<>();
    Random random = new Random(9);
    for (int i = 0; i < 100; i++) {
      List<String> victims = NemesisFaults.victims(FIVE, random);
      assertThat(victims).isSorted().isSubsetOf(FIVE).doesNotHaveDuplicates();
      sizes.add(victims.size());
    }
    assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3, 5);
  }
}
