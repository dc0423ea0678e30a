package dev.procsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListAppendTest {
  private static List<Object> append(String key, long value) {
    return List.of("append", key, value);
  }

  private static List<Object> read(String key, Long... values) {
    return Arrays.asList("r", key, List.of(values));
  }

  /** A transaction that completed; its input is its output with the reads' values blanked. */
  @SafeVarargs
  private static Operation txn(int process, long invoked, long completed, List<Object>... micro) {
    List<Object> input = new ArrayList<>();
    for (List<Object> op : micro) {
      input.add(op.get(0).equals("r") ? Arrays.asList("r", op.get(1), null) : op);
    }
    return Operation.ok(process, "txn", input, List.of((Object[]) micro), invoked, completed);
  }

  private static CheckResult check(ConsistencyModel model, Operation... txns) {
    return ListAppend.check(History.of(List.of(txns)), model);
  }

  @Test
  void aSerialHistoryIsStrictSerializable() {
    CheckResult result =
        check(
            ConsistencyModel.STRICT_SERIALIZABLE,
            txn(0, 0, 10, append("x", 1), append("y", 1)),
            txn(1, 20, 30, read("x", 1L), append("x", 2)),
            txn(2, 40, 50, read("x", 1L, 2L), read("y", 1L)));
    assertThat(result.verdict()).isEqualTo(Verdict.VALID);
    assertThat(result.explanation())
        .isEqualTo("3 transactions: no anomaly STRICT_SERIALIZABLE forbids");
  }

  @Test
  void writeCyclesAreG0() {
    CheckResult result =
        check(
            ConsistencyModel.READ_COMMITTED,
            txn(0, 0, 10, append("x", 1), append("y", 1)),
            txn(1, 0, 10, append("x", 2), append("y", 2)),
            txn(2, 20, 30, read("x", 1L, 2L), read("y", 2L, 1L)));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .startsWith("G0 (forbidden by READ_COMMITTED), 1 case:")
        .contains("-[ww on x: appended 1, then 2]->")
        .contains("-[ww on y: appended 2, then 1]->");
  }

  @Test
  void eachReadingTheOthersWriteIsG1c() {
    CheckResult result =
        check(
            ConsistencyModel.READ_COMMITTED,
            txn(0, 0, 10, append("x", 1), read("y", 1L)),
            txn(1, 0, 10, append("y", 1), read("x", 1L)));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation()).startsWith("G1c (forbidden by READ_COMMITTED)");
  }

  @Test
  void readSkewIsGSingleForbiddenBySerializabilityOnly() {
    Operation[] history = {
      txn(0, 0, 10, read("x"), read("y", 1L)),
      txn(1, 0, 10, append("x", 1), append("y", 1)),
      txn(2, 20, 30, read("x", 1L))
    };
    CheckResult serializable = check(ConsistencyModel.SERIALIZABLE, history);
    assertThat(serializable.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(serializable.explanation())
        .startsWith("G-single (forbidden by SERIALIZABLE), 1 case:")
        .contains("-[rw on x: read [], without 1]->")
        .contains("-[wr on y: appended 1, which the read saw last]->");
    CheckResult readCommitted = check(ConsistencyModel.READ_COMMITTED, history);
    assertThat(readCommitted.verdict()).isEqualTo(Verdict.VALID);
    assertThat(readCommitted.explanation()).endsWith("(allowed ones found: G-single)");
  }

  @Test
  void writeSkewIsG2() {
    CheckResult result =
        check(
            ConsistencyModel.SERIALIZABLE,
            txn(0, 0, 10, read("x"), append("y", 1)),
            txn(1, 0, 10, read("y"), append("x", 1)),
            txn(2, 20, 30, read("x", 1L), read("y", 1L)));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation()).startsWith("G2 (forbidden by SERIALIZABLE)");
  }

  @Test
  void readingAFailedOrAnIntermediateAppendIsG1aOrG1b() {
    Operation failed = new Operation(0, "txn", List.of(append("x", 1)), null, 0, 10, Outcome.FAIL);
    CheckResult aborted =
        check(ConsistencyModel.READ_COMMITTED, failed, txn(1, 20, 30, read("x", 1L)));
    assertThat(aborted.explanation())
        .startsWith("G1a (forbidden by READ_COMMITTED), 1 case:")
        .contains("read 1 of key x, appended by T0 (process 0, [0, 10]), which failed");
    CheckResult intermediate =
        check(
            ConsistencyModel.READ_COMMITTED,
            txn(0, 0, 10, append("x", 1), append("x", 2)),
            txn(1, 0, 10, read("x", 1L)),
            txn(2, 20, 30, read("x", 1L, 2L)));
    assertThat(intermediate.explanation())
        .startsWith("G1b (forbidden by READ_COMMITTED)")
        .contains("ending in the middle of T0 (process 0, [0, 10])'s appends [1, 2]");
  }

  @Test
  void aStaleReadAfterTheWriteCompletedBreaksStrictSerializabilityOnly() {
    Operation[] history = {
      txn(0, 0, 10, append("x", 1)), txn(1, 20, 30, read("x")), txn(2, 40, 50, read("x", 1L))
    };
    assertThat(check(ConsistencyModel.SERIALIZABLE, history).verdict()).isEqualTo(Verdict.VALID);
    CheckResult strict = check(ConsistencyModel.STRICT_SERIALIZABLE, history);
    assertThat(strict.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(strict.explanation())
        .startsWith("G-single-realtime (forbidden by STRICT_SERIALIZABLE)")
        .contains("rt: completed at 10, before the invocation at 20");
  }

  @Test
  void readsThatAreNotPrefixesOfOneAnotherAreAnIncompatibleOrder() {
    CheckResult result =
        check(
            ConsistencyModel.READ_COMMITTED,
            txn(0, 0, 10, append("x", 1)),
            txn(1, 0, 10, append("x", 2)),
            txn(2, 20, 30, read("x", 1L, 2L)),
            txn(3, 20, 30, read("x", 2L)));
    assertThat(result.explanation())
        .startsWith("incompatible-order (forbidden by READ_COMMITTED)")
        .contains("key x: [2] read by T3 (process 3, [20, 30]) is not a prefix of [1, 2]");
  }

  @Test
  void anAppendOfTheSameValueTwiceIsAClearError() {
    assertThatThrownBy(
            () ->
                check(
                    ConsistencyModel.SERIALIZABLE,
                    txn(0, 0, 10, append("x", 1)),
                    txn(1, 0, 10, append("x", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("list-append needs unique values per key: 1 is appended to x");
  }
}
