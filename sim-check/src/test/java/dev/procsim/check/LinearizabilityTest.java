package dev.procsim.check;

import static dev.procsim.check.Operation.info;
import static dev.procsim.check.Operation.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizabilityTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static CheckResult register(Operation... ops) {
    return Linearizability.check(Models.register(), History.of(List.of(ops)), LIMIT);
  }

  private static CheckResult cas(Operation... ops) {
    return Linearizability.check(Models.casRegister(), History.of(List.of(ops)), LIMIT);
  }

  @Test
  void aReadOfTheLastWriteIsLinearizable() {
    CheckResult result = register(ok(0, "write", 1L, null, 0, 10), ok(1, "read", null, 1L, 20, 30));
    assertThat(result.verdict()).isEqualTo(Verdict.VALID);
    assertThat(result.explanation()).startsWith("linearizable: 2 operations");
  }

  @Test
  void concurrentWritesMayTakeEffectInEitherOrder() {
    Operation first = ok(0, "write", 1L, null, 0, 50);
    Operation second = ok(1, "write", 2L, null, 10, 40);
    assertThat(register(first, second, ok(2, "read", null, 1L, 60, 70)).verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(register(first, second, ok(2, "read", null, 2L, 60, 70)).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aReadOfAValueNoOrderCanGiveIsInvalidAndTheExplanationSaysWhy() {
    CheckResult result =
        register(
            ok(0, "write", 1L, null, 0, 50),
            ok(1, "write", 2L, null, 10, 40),
            ok(4, "read", null, 3L, 60, 70));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .startsWith(
            "not linearizable: the longest linearizable order found places 2 of 3 operations:"
                + " write 1 by process 0 at [0, 50], then write 2 by process 1 at [10, 40]; after"
                + " it the register holds 2;")
        .contains("read -> 3 by process 4 at [60, 70] must take effect by its completion")
        .contains("read -> 3 by process 4 at [60, 70]: cannot happen here");
  }

  @Test
  void aStaleReadAfterANewerWriteCompletedIsInvalid() {
    CheckResult result =
        register(
            ok(0, "write", 1L, null, 0, 10),
            ok(0, "write", 2L, null, 20, 30),
            ok(1, "read", null, 1L, 40, 50));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation()).contains("the register holds 2");
  }

  @Test
  void aReadConcurrentWithAWriteMaySeeEitherValue() {
    Operation write = ok(0, "write", 2L, null, 20, 60);
    Operation before = ok(0, "write", 1L, null, 0, 10);
    assertThat(register(before, write, ok(1, "read", null, 1L, 30, 40)).verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(register(before, write, ok(1, "read", null, 2L, 30, 40)).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void anOperationOfUnknownOutcomeMayTakeEffectLaterOrNever() {
    Operation maybe = info(0, "write", 5L, 0);
    assertThat(register(maybe, ok(1, "read", null, 5L, 100, 110)).verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(register(maybe, ok(1, "read", null, null, 100, 110)).verdict())
        .as("never took effect")
        .isEqualTo(Verdict.VALID);
    assertThat(
            register(maybe, ok(1, "read", null, 5L, 100, 110), ok(1, "read", null, null, 120, 130))
                .verdict())
        .as("once seen, it took effect")
        .isEqualTo(Verdict.INVALID);
    assertThat(register(ok(1, "read", null, 5L, 0, 10), info(0, "write", 5L, 20)).verdict())
        .as("not before its invocation")
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void aFailedOperationNeverHappened() {
    Operation failed = new Operation(0, "write", 7L, null, 0, 10, Outcome.FAIL);
    assertThat(register(failed, ok(1, "read", null, null, 20, 30)).verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(register(failed, ok(1, "read", null, 7L, 20, 30)).verdict())
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void compareAndSetSwapsOnlyFromItsExpectedValue() {
    Operation write = ok(0, "write", 1L, null, 0, 10);
    assertThat(
            cas(write, ok(1, "cas", List.of(1L, 2L), true, 20, 30), ok(2, "read", null, 2L, 40, 50))
                .verdict())
        .isEqualTo(Verdict.VALID);
    assertThat(cas(write, ok(1, "cas", List.of(3L, 2L), true, 20, 30)).verdict())
        .as("a swap from a value the register never held")
        .isEqualTo(Verdict.INVALID);
    assertThat(cas(write, ok(1, "cas", List.of(3L, 2L), false, 20, 30)).verdict())
        .as("a cas that found another value")
        .isEqualTo(Verdict.VALID);
    assertThat(
            cas(write, info(1, "cas", List.of(1L, 2L), 20), ok(2, "read", null, 2L, 40, 50))
                .verdict())
        .as("an unknown cas that took effect swapped, since the register held 1")
        .isEqualTo(Verdict.VALID);
    assertThat(cas(ok(1, "read", null, null, 0, 10)).verdict())
        .as("empty at first")
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aKeyValueStoreIsCheckedKeyByKeyAndTheFailingKeyIsNamed() {
    History history =
        History.of(
            List.of(
                ok(0, "put", List.of("x", "a"), null, 0, 10),
                ok(1, "append", List.of("y", "b"), null, 0, 10),
                ok(0, "append", List.of("x", "c"), null, 20, 30),
                ok(1, "get", List.of("y"), "b", 20, 30),
                ok(2, "get", List.of("x"), "a", 40, 50),
                ok(2, "get", List.of("z"), "", 60, 70)));
    CheckResult result = Linearizability.check(Models.kv(), history, LIMIT);
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .startsWith("not linearizable (part x)")
        .contains("the key holds \"ac\"");
    History fixed =
        History.of(
            List.of(
                ok(0, "put", List.of("x", "a"), null, 0, 10),
                ok(0, "append", List.of("x", "c"), null, 20, 30),
                ok(2, "get", List.of("x"), "ac", 40, 50)));
    assertThat(Linearizability.check(Models.kv(), fixed, LIMIT).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aSetReadSeesEveryAddThatCompletedBeforeIt() {
    Operation addOne = ok(0, "add", 1L, null, 0, 10);
    Operation addTwo = ok(1, "add", 2L, null, 5, 50);
    assertThat(
            Linearizability.check(
                    Models.set(),
                    History.of(List.of(addOne, addTwo, ok(2, "read", null, List.of(1L), 20, 30))),
                    LIMIT)
                .verdict())
        .as("the concurrent add may come after the read")
        .isEqualTo(Verdict.VALID);
    CheckResult lost =
        Linearizability.check(
            Models.set(),
            History.of(List.of(addOne, addTwo, ok(2, "read", null, List.of(2L), 60, 70))),
            LIMIT);
    assertThat(lost.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(lost.explanation()).contains("the set holds [1, 2]");
  }

  @Test
  void aSearchThatDoesNotFinishInTimeIsUnknown() {
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      ops.add(ok(0, "write", (long) i, null, 2L * i, 2L * i + 1));
    }
    CheckResult result = Linearizability.check(Models.register(), History.of(ops), Duration.ZERO);
    assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(result.explanation())
        .isEqualTo("no decision within the time limit of 0 s on 5,000 operations");
  }

  @Test
  void manyConcurrentOperationsAreDecidedWithinTheLimit() {
    // 12 processes writing and reading at once, over and over: a search without its cache would
    // explore orders beyond counting.
    List<Operation> ops = new ArrayList<>();
    long value = 0;
    for (int round = 0; round < 50; round++) {
      long start = round * 100L;
      for (int p = 0; p < 6; p++) {
        ops.add(ok(p, "write", value + p, null, start, start + 90));
      }
      for (int p = 6; p < 12; p++) {
        ops.add(ok(p, "read", null, value + (p - 6), start + 5, start + 95));
      }
      value += 6;
    }
    assertThat(Linearizability.check(Models.register(), History.of(ops), LIMIT).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aModelThatDoesNotKnowAnOperationSaysSo() {
    assertThatThrownBy(() -> register(ok(0, "cas", List.of(1L, 2L), true, 0, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the register takes read and write, not cas [1, 2] -> true by process 0 at [0, 10]");
  }
}
