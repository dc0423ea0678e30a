package dev.procsim.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.LogEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTailTest {

  private final List<LogEvent> log = new ArrayList<>();

  private long nextSeq() {
    return log.size() + 1;
  }

  private void output(String component, String line) {
    log.add(new LogEvent.Output(nextSeq(), nextSeq() * 1_000_000, component, line));
  }

  /** A timer: the request, its delivery, the wake-up and its delivery. */
  private void timer(String component) {
    long id = nextSeq();
    log.add(new LogEvent.Sent(nextSeq(), 0, id, component, "procsim", "after 10ms tick"));
    log.add(new LogEvent.Delivered(nextSeq(), 0, id, component, "procsim"));
    log.add(new LogEvent.Sent(nextSeq(), 0, id + 1, "procsim", component, "tick"));
    log.add(new LogEvent.Delivered(nextSeq(), 0, id + 1, "procsim", component));
  }

  @Test
  void foldsRunsOfTimerTrafficAndCountsOnlyTheUsefulEntries() {
    output("n1", "starting");
    for (int i = 0; i < 30; i++) {
      timer("n1");
    }
    output("n1", "elected");
    output("n1", "serving");

    String tail = LogTail.render(log, 2);

    assertThat(tail)
        .isEqualTo(
            "  ... 121 earlier entries\n"
                + LogTail.entry(log.get(121), "n1: elected")
                + "\n"
                + LogTail.entry(log.get(122), "n1: serving"));
    String wider = LogTail.render(log, 3);
    assertThat(wider.lines())
        .containsExactly(
            LogTail.entry(log.get(0), "n1: starting"),
            "  ... 120 timer entries (requests to procsim and their wake-ups) ...",
            LogTail.entry(log.get(121), "n1: elected"),
            LogTail.entry(log.get(122), "n1: serving"));
  }

  @Test
  void aSingleTimerEntryIsShownAsItIs() {
    output("n1", "a");
    log.add(new LogEvent.Sent(nextSeq(), 0, 9, "n1", "procsim", "after 10ms tick"));
    output("n1", "b");

    assertThat(LogTail.render(log, 10)).contains("send #9 n1 -> procsim").doesNotContain("timer");
  }

  @Test
  void anExitRightAfterItsStderrLinesDoesNotRepeatThem() {
    log.add(new LogEvent.ErrorOutput(1, 0, "f2", "Traceback (most recent call last):"));
    log.add(new LogEvent.ErrorOutput(2, 0, "f2", "ValueError: bad"));
    log.add(
        new LogEvent.ProcessExited(
            3, 0, "f2", 77, 1, List.of("Traceback (most recent call last):", "ValueError: bad")));

    String tail = LogTail.render(log, 10);

    assertThat(tail).containsOnlyOnce("ValueError: bad");
    assertThat(tail.lines().toList().get(2))
        .endsWith("exited f2 (pid 77) with code 1 (its last stderr lines are above)");
  }

  @Test
  void anExitWhoseStderrLinesAreNotShownKeepsThem() {
    log.add(new LogEvent.ErrorOutput(1, 0, "f2", "ValueError: bad"));
    log.add(new LogEvent.ProcessExited(2, 0, "f2", 77, 1, List.of("ValueError: bad")));

    // The stderr line is outside a tail of one entry: the exit must say it itself.
    assertThat(LogTail.render(log, 1)).contains("last stderr lines:\n    ValueError: bad");
  }

  @Test
  void anEmptyLogSaysSo() {
    assertThat(LogTail.render(List.of(), 40)).isEqualTo("  (no entries)");
  }
}
