package dev.procsim.check;

import static dev.procsim.check.Operation.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffsetLogTest {
  private static Operation send(int process, String key, long message, long offset, long at) {
    return ok(process, "send", List.of(key, message), offset, at, at + 5);
  }

  private static Operation poll(int process, Map<String, List<List<Long>>> got, long at) {
    return ok(process, "poll", null, got, at, at + 5);
  }

  private static Operation committed(int process, Map<String, Long> offsets, long at) {
    return ok(process, "list_committed", null, offsets, at, at + 5);
  }

  @Test
  void aLogWhoseSendsArePolledInOrderIsValid() {
    History history =
        History.of(
            List.of(
                send(0, "k", 100, 0, 0),
                send(0, "k", 101, 1, 10),
                poll(1, Map.of("k", List.of(List.of(0L, 100L), List.of(1L, 101L))), 20),
                ok(1, "commit", Map.of("k", 1L), null, 30, 35),
                committed(2, Map.of("k", 1L), 40),
                committed(2, Map.of("k", 1L), 50)));
    CheckResult result = OffsetLog.check(history);
    assertThat(result.verdict()).isEqualTo(Verdict.VALID);
    assertThat(result.explanation()).isEqualTo("2 acknowledged sends, 1 keys: no offset problem");
  }

  @Test
  void anOffsetWithTwoMessagesAndAMessageAtTwoOffsetsAreFound() {
    CheckResult result =
        OffsetLog.check(
            History.of(
                List.of(
                    send(0, "k", 100, 0, 0),
                    send(1, "k", 200, 0, 0),
                    send(2, "k", 300, 1, 10),
                    poll(3, Map.of("k", List.of(List.of(2L, 300L))), 20))));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .startsWith("5 problems:") // and three lost writes: the poll skipped offsets 0 and 1
        .contains("offset 0 of key k holds both 100 and 200")
        .contains("duplicate: 300 of key k is at offsets 1 and 2");
  }

  @Test
  void anAcknowledgedSendSkippedByPollsIsALostWrite() {
    CheckResult result =
        OffsetLog.check(
            History.of(
                List.of(
                    send(0, "k", 100, 0, 0),
                    send(0, "k", 101, 1, 10),
                    poll(1, Map.of("k", List.of(List.of(1L, 101L))), 20))));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .contains(
            "lost write: send [k, 100] -> 0 by process 0 at [0, 5] was never polled, though offset"
                + " 1 of key k was");
  }

  @Test
  void pollsThatGoBackAndCommittedOffsetsThatGoBackAreFound() {
    CheckResult result =
        OffsetLog.check(
            History.of(
                List.of(
                    send(0, "k", 100, 0, 0),
                    send(0, "k", 101, 1, 10),
                    poll(1, Map.of("k", List.of(List.of(1L, 101L), List.of(0L, 100L))), 20),
                    poll(2, Map.of("k", List.of(List.of(1L, 101L))), 30),
                    poll(2, Map.of("k", List.of(List.of(0L, 100L))), 40),
                    committed(3, Map.of("k", 1L), 50),
                    committed(3, Map.of("k", 0L), 60))));
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .contains("offsets of key k do not rise (1 then 0)")
        .contains("key k went back from offset 1 to 0 for process 2")
        .contains("the committed offset of key k went back from 1");
  }
}
