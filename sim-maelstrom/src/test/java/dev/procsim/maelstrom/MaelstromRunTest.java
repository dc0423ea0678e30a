package dev.procsim.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import java.nio.file.Files;
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
            "bin/procsim test -w echo --node-count 2 --time-limit 2 --rate 20 --seed 7 --bin python3 "
                + ECHO);
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

  @Test
  void linesAMaelstromNodeMustNotWriteAreProtocolErrorsNamingItAndTheRunGoesOn() throws Exception {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", "src/test/resources/nodes/chatty_echo.py")
            .nodeCount(1)
            .timeLimit(Duration.ofSeconds(3))
            .rate(10)
            .seed(2)
            .stepped()
            .run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    String log = Files.readString(result.directory().orElseThrow().resolve("log.jsonl"));
    assertThat(log)
        .contains("\"kind\":\"ProtocolError\",\"seq\"")
        .contains("\"component\":\"n0\",\"line\":\"echoing Please echo")
        .contains("not JSON")
        .contains("no \\\"dest\\\" string")
        .contains("\"to\":\"n9\"");
  }

  @Test
  void aKilledNodeStartsAgainAndIsInitializedAgain() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(10))
            .rate(20)
            .nemesis("kill")
            .nemesisInterval(Duration.ofSeconds(2))
            .seed(6)
            .stepped()
            .run();

    assertThat(result.faults()).anyMatch(fault -> fault.contains("kill"));
    long inits = result.history().size() > 0 ? countInits(result.directory().orElseThrow()) : 0;
    assertThat(inits).isGreaterThan(3);
    assertThat(result.operations().get("echo").get(Outcome.OK)).isGreaterThan(50);
  }

  @Test
  void aPausedNodeAnswersOnlyOnceResumedAndTheRunStaysValid() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(10))
            .rate(20)
            .nemesis("pause")
            .nemesisInterval(Duration.ofSeconds(2))
            .seed(8)
            .stepped()
            .run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    assertThat(result.faults()).anyMatch(fault -> fault.contains("pause"));
    assertThat(result.latencies().get("max")).isGreaterThan(Duration.ofMillis(100));
  }

  private static long countInits(java.nio.file.Path dir) {
    try (var lines = Files.lines(dir.resolve("log.jsonl"))) {
      return lines
          .filter(l -> l.contains("\"kind\":\"Sent\"") && l.contains("\\\"type\\\":\\\"init\\\""))
          .count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aNodeThatAnswersInitWithSomethingElseIsNamed() {
    assertThatThrownBy(
            () ->
                MaelstromRun.builder()
                    .workload("echo")
                    .bin(
                        "python3",
                        "-c",
                        "import json,sys\n"
                            + "m=json.loads(sys.stdin.readline())\n"
                            + "print(json.dumps({'src':'n0','dest':m['src'],'body':{'type':'hello',"
                            + "'in_reply_to':m['body']['msg_id']}}),flush=True)\n"
                            + "sys.stdin.read()")
                    .nodeCount(1)
                    .timeLimit(Duration.ofSeconds(1))
                    .run())
        .isInstanceOf(MaelstromException.class)
        .hasMessageContaining("n0 answered init with hello, not init_ok");
  }
}
