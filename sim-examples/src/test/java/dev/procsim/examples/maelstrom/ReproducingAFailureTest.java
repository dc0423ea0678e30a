package dev.procsim.examples.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What Maelstrom cannot do (its issue #44: a broadcast that ignores partitions passes or fails by
 * luck): a naive broadcast fails under partitions in real time, the seed it prints fails again when
 * the run is repeated stepped, and a stepped run repeats its history exactly.
 */
class ReproducingAFailureTest {
  private static MaelstromRun.Builder naiveBroadcast() {
    return MaelstromRun.builder()
        .workload("broadcast")
        .bin("python3", "maelstrom/python/naive_broadcast.py")
        .nodeCount(5)
        .timeLimit(Duration.ofSeconds(4))
        .rate(20)
        .latency(Duration.ofMillis(5))
        .nemesis("partition-majority")
        .nemesisInterval(Duration.ofMillis(500))
        .recovery(Duration.ofSeconds(1))
        .seed(17);
  }

  @Test
  void theSeedOfAFailureFailsAgainSteppedAndTheSteppedRunRepeatsExactly() {
    MaelstromResult realTime = naiveBroadcast().run();
    assertThat(realTime.verdict()).as(realTime.summary()).isEqualTo(Verdict.INVALID);
    assertThat(realTime.summary()).contains("seed 17, real time").contains("--seed 17");

    MaelstromResult stepped = naiveBroadcast().stepped().run();
    MaelstromResult again = naiveBroadcast().stepped().run();

    assertThat(stepped.verdict()).as(stepped.summary()).isEqualTo(Verdict.INVALID);
    assertThat(stepped.explanation()).contains("lost");
    assertThat(again.history()).isEqualTo(stepped.history());
    assertThat(again.explanation()).isEqualTo(stepped.explanation());
    assertThat(again.faults()).isEqualTo(stepped.faults());
  }
}
