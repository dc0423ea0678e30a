package com.example.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Maelstrom nodes through procsim's Java API, as a project of one's own uses it. */
class MaelstromApiTest {
  /** The nodes of procsim's repository, which this project sits in. */
  static final String NODES = "../../sim-examples/maelstrom/python/";

  @Test
  void anEchoNodeIsValid() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", NODES + "echo.py")
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(3))
            .rate(20)
            .run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    assertThat(result.history().size()).isGreaterThan(20);
  }

  @Test
  void aNaiveBroadcastFailsUnderPartitionsAndItsSeedFailsAgainStepped() {
    MaelstromRun.Builder run =
        MaelstromRun.builder()
            .workload("broadcast")
            .bin("python3", NODES + "naive_broadcast.py")
            .nodeCount(5)
            .timeLimit(Duration.ofSeconds(4))
            .rate(20)
            .nemesis("partition")
            .nemesisInterval(Duration.ofMillis(500))
            .recovery(Duration.ofSeconds(1))
            .seed(23);

    MaelstromResult realTime = run.run();
    MaelstromResult stepped = run.stepped().run();

    assertThat(realTime.verdict()).as(realTime.summary()).isEqualTo(Verdict.INVALID);
    assertThat(stepped.verdict()).as(stepped.summary()).isEqualTo(Verdict.INVALID);
    assertThat(stepped.summary()).contains("seed 23, stepped").contains("--seed 23 --stepped");
  }
}
