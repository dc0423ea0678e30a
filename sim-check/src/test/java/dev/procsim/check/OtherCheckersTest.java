package dev.procsim.check;

import static dev.procsim.check.Operation.info;
import static dev.procsim.check.Operation.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OtherCheckersTest {
  private static History history(Operation... ops) {
    return History.of(List.of(ops));
  }

  @Test
  void uniqueIdsPassWhenAllDifferAndNameEveryDuplicate() {
    assertThat(
            UniqueIds.check(
                    history(
                        ok(0, "generate", null, "n1-1", 0, 5),
                        ok(1, "generate", null, "n2-1", 0, 5),
                        info(2, "generate", null, 3)))
                .explanation())
        .isEqualTo("all 2 ids generated are different");
    CheckResult twice =
        UniqueIds.check(
            history(
                ok(0, "generate", null, 7L, 0, 5),
                ok(1, "generate", null, 8L, 1, 6),
                ok(2, "generate", null, 7L, 10, 15)));
    assertThat(twice.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(twice.explanation())
        .isEqualTo(
            "1 id was returned more than once, of 3 generated:\n"
                + "  7 (2 times: by process 0 at [0, 5]; by process 2 at [10, 15])");
  }

  @Test
  void aFinalCounterReadMustBeTheAcknowledgedSumPlusSomeOfTheUnknownAdds() {
    Operation one = ok(0, "add", 1L, null, 0, 10);
    Operation five = ok(1, "add", 5L, null, 0, 10);
    Operation maybeTen = info(2, "add", 10L, 5);
    assertThat(
            Counters.check(history(one, five, maybeTen, ok(3, "read", null, 16L, 20, 30)))
                .verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(
            Counters.check(history(one, five, maybeTen, ok(3, "read", null, 6L, 20, 30))).verdict())
        .as("the unknown add did not happen")
        .isEqualTo(Verdict.VALID);
    CheckResult between =
        Counters.check(history(one, five, maybeTen, ok(3, "read", null, 11L, 20, 30)));
    assertThat(between.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(between.explanation())
        .isEqualTo(
            "final read -> 11 by process 3 at [20, 30]: the acknowledged adds sum to 6, and no"
                + " subset of the 1 adds of unknown outcome (together between 0 and 10) makes up"
                + " the difference of 5");
    assertThat(Counters.check(history(one, ok(3, "read", null, 2L, 20, 30))).explanation())
        .endsWith("no add's outcome is unknown, so every final read must be 1");
  }

  @Test
  void aPnCounterTakesNegativeDeltasAndReadsBeforeTheLastAddAreNotFinal() {
    History history =
        history(
            ok(0, "add", 5L, null, 0, 10),
            ok(1, "read", null, 99L, 2, 8), // not final: an add was still running
            ok(0, "add", -3L, null, 20, 30),
            info(1, "add", -1L, 25),
            ok(2, "read", null, 1L, 40, 50));
    assertThat(Counters.check(history).verdict()).isEqualTo(Verdict.VALID);
    assertThat(Counters.check(history(ok(0, "add", 5L, null, 0, 10))).verdict())
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aSetElementIsStableLostOrNeverRead() {
    History fine =
        history(
            ok(0, "add", 1L, null, 0, 10),
            ok(0, "add", 2L, null, 20, 30),
            ok(1, "read", null, List.of(1L), 25, 28), // 2 not yet known: no miss
            ok(1, "read", null, List.of(1L, 2L), 40, 50),
            info(2, "add", 3L, 45));
    CheckResult result = SetFull.check(fine);
    assertThat(result.verdict()).isEqualTo(Verdict.VALID);
    assertThat(result.explanation())
        .isEqualTo(
            "0 of 3 elements lost (2 stable, 1 never read); stable after p50 28 ns, p95 30 ns, max 30 ns");

    History lossy =
        history(
            ok(0, "add", 1L, null, 0, 10),
            ok(0, "add", 2L, null, 20, 30),
            ok(1, "read", null, List.of(1L, 2L), 40, 50),
            ok(1, "read", null, List.of(1L), 60, 70));
    CheckResult lost = SetFull.check(lossy);
    assertThat(lost.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(lost.explanation())
        .startsWith("1 of 2 elements lost (1 stable, 0 never read)")
        .endsWith(
            "  2, added by add 2 by process 0 at [20, 30], missed by read -> [1] by process 1 at"
                + " [60, 70]");
  }

  @Test
  void anAcknowledgedElementNoReadAfterwardsSawIsLost() {
    CheckResult lost =
        SetFull.check(
            history(ok(0, "add", 9L, null, 0, 10), ok(1, "read", null, List.of(), 20, 30)));
    assertThat(lost.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(SetFull.check(history(ok(0, "add", 9L, null, 0, 10))).verdict())
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aDrainedQueueGaveBackEveryAcknowledgedValueOnce() {
    History fine =
        history(
            ok(0, "enqueue", 1L, null, 0, 10),
            info(1, "enqueue", 2L, 5),
            ok(2, "dequeue", null, 2L, 20, 30),
            ok(2, "dequeue", null, 1L, 40, 50),
            ok(2, "dequeue", null, null, 60, 70));
    assertThat(TotalQueue.check(fine).explanation())
        .isEqualTo("0 lost, 0 duplicated, 0 unexpected of 2 enqueued (1 recovered)");
    CheckResult broken =
        TotalQueue.check(
            history(
                ok(0, "enqueue", 1L, null, 0, 10),
                ok(0, "enqueue", 2L, null, 20, 30),
                ok(2, "dequeue", null, 2L, 40, 50),
                ok(2, "dequeue", null, 2L, 60, 70),
                ok(2, "dequeue", null, 9L, 80, 90)));
    assertThat(broken.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(broken.explanation())
        .isEqualTo(
            "1 lost, 1 duplicated, 1 unexpected of 2 enqueued (0 recovered):\n"
                + "  lost 1 (enqueue 1 by process 0 at [0, 10])\n"
                + "  duplicated 2 (2 times)\n"
                + "  unexpected 9 (dequeue -> 9 by process 2 at [80, 90])");
  }

  @Test
  void readsThatAreNotCollectionsAreAClearError() {
    assertThatThrownBy(() -> SetFull.check(history(ok(1, "read", null, 3L, 20, 30))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a set's read returns a collection of elements: read -> 3 by process 1 at [20, 30]");
  }
}
