package dev.procsim.check.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.CheckResult;
import dev.procsim.check.HistoryRecorder;
import dev.procsim.check.Linearizability;
import dev.procsim.check.Models;
import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example: a history recorded by the test's own clients, then checked. */
class CheckingAHistoryTest {
  @Test
  void aStaleReadIsFoundAndExplained() {
    HistoryRecorder recorder = new HistoryRecorder();
    recorder.invoke(0, "write", 1L);
    recorder.complete(0, Outcome.OK, null);
    recorder.invoke(0, "cas", List.of(1L, 2L));
    recorder.complete(0, Outcome.OK, true);
    recorder.invoke(1, "read", null);
    recorder.complete(1, Outcome.OK, 1L); // stale: the cas had already completed

    CheckResult result =
        Linearizability.check(Models.casRegister(), recorder.history(), Duration.ofSeconds(10));

    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation())
        .contains("after it the register holds 2")
        .contains("read -> 1 by process 1");
  }
}
