package dev.procsim.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MaelstromRunTest {
  private static final String ECHO = "../sim-examples/maelstrom/python/echo.py";

  @Test
  void anEchoNodeIsValidAndEveryEchoIsAcknowledged() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(2)
            .timeLimit(Duration.ofSeconds(2))
            .rate(20)
            .seed(7)
            .run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    assertThat(result.operations().get("echo").get(Outcome.OK)).isGreaterThan(5);
    assertThat(result.availability()).isEqualTo(1.0);
    assertThat(result.network().all().messages()).isGreaterThan(2L * result.history().size());
    assertThat(result.rerun()).contains(".seed(7L)").doesNotContain(".stepped()");
    assertThat(result.rerunCommand())
        .isEqualTo(
            "bin/procsim test -w echo --bin python3 "
                + ECHO
                + " --node-count 2 --time-limit 2 --rate 20 --seed 7");
  }

  @Test
  void aWrongEchoIsInvalidWithTheEchoThatCameBackChanged() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", "../sim-examples/maelstrom/python/wrong_echo.py")
            .nodeCount(1)
            .timeLimit(Duration.ofSeconds(5))
            .rate(10)
            .stepped()
            .seed(3)
            .run();

    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.explanation()).contains("came back different").contains("!\"");
  }

  @Test
  void aSteppedRunRepeatsItsHistoryExactly() {
    MaelstromRun.Builder run =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(5))
            .rate(20)
            .latency(Duration.ofMillis(5))
            .latencyDistribution("exponential")
            .seed(11)
            .stepped();

    MaelstromResult first = run.run();
    MaelstromResult second = run.run();

    assertThat(first.verdict()).isEqualTo(Verdict.VALID);
    assertThat(first.history().size()).isGreaterThan(20);
    assertThat(second.history()).isEqualTo(first.history());
  }

  @Test
  void aNodeThatDiesAtOnceFailsTheHandshakeNamedWithWhatItPrinted() {
    assertThatThrownBy(
            () ->
                MaelstromRun.builder()
                    .workload("echo")
                    .bin("sh", "-c", "echo 'no such thing' >&2; exit 3")
                    .nodeCount(1)
                    .timeLimit(Duration.ofSeconds(1))
                    .run())
        .isInstanceOf(MaelstromException.class)
        .hasMessageContaining("init handshake failed")
        .hasMessageContaining("n0 exited with code 3")
        .hasMessageContaining("no such thing");
  }

  @Test
  void anUnknownWorkloadIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> MaelstromRun.builder().workload("lin-kvv").bin("true").run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no workload \"lin-kvv\"")
        .hasMessageContaining("lin-kv");
  }
}
