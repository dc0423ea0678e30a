package dev.procsim.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procsim.check.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * @MaelstromTest: the run before the method, the result injected, a wrong verdict a failure.
 */
class MaelstromTestExtensionTest {
  private static final String NODES = "../sim-examples/maelstrom/python/";
  private static final AtomicReference<MaelstromResult> SEEN = new AtomicReference<>();

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static Throwable failure(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .findFirst()
        .orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .orElseThrow()
        .getThrowable()
        .orElseThrow();
  }

  static class ValidEcho {
    @MaelstromTest(
        workload = "echo",
        bin = {"python3", NODES + "echo.py"},
        nodeCount = 2,
        timeLimit = "2s",
        rate = 10,
        seed = 3,
        stepped = true)
    void echoes(MaelstromResult result) {
      SEEN.set(result);
    }
  }

  @Test
  void aValidRunPassesWithItsResultInjectedAndItsSeedReported() {
    EngineExecutionResults results = run(ValidEcho.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(SEEN.get().verdict()).isEqualTo(Verdict.VALID);
    assertThat(SEEN.get().seed()).isEqualTo(3);
    List<String> entries =
        results.testEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().toString())
            .toList();
    assertThat(entries).anyMatch(e -> e.contains("procsim.seed=3"));
  }

  static class LossyNaiveBroadcast {
    @MaelstromTest(
        workload = "broadcast",
        bin = {"python3", NODES + "naive_broadcast.py"},
        nodeCount = 3,
        timeLimit = "5s",
        rate = 10,
        loss = 0.1,
        seed = 7,
        stepped = true,
        shrink = "3m")
    void broadcasts(MaelstromResult result) {}
  }

  @Test
  void aFailingRunWithAShrinkingBudgetNamesWhatItNeedsAndTheLineThatReplaysIt() {
    EngineExecutionResults results = run(LossyNaiveBroadcast.class);

    results.testEvents().assertStatistics(stats -> stats.failed(1));
    assertThat(failure(results).getMessage())
        .contains("but it was broadcast: INVALID")
        .containsPattern(
            "shrunk \\d+ faults and \\d+ operations to \\d+ faults? and \\d+ operations? in")
        .contains("replay it: bin/procsim test -w broadcast")
        .contains("shrunk-schedule.json");
    List<String> entries =
        results.testEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().toString())
            .toList();
    assertThat(entries)
        .anyMatch(e -> e.contains("procsim.schedule=") && e.contains("shrunk-schedule.json"));
  }

  static class WrongEcho {
    static boolean ran;

    @MaelstromTest(
        workload = "echo",
        bin = {"python3", NODES + "wrong_echo.py"},
        nodeCount = 1,
        timeLimit = "3s",
        rate = 10,
        seed = 4,
        stepped = true)
    void echoes(MaelstromResult result) {
      ran = true;
    }
  }

  @Test
  void anInvalidRunFailsTheTestWithWhyTheSeedAndHowToRunItAgain() {
    Throwable failure = failure(run(WrongEcho.class));

    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected a VALID run, but it was echo: INVALID:")
        .hasMessageContaining("came back different")
        .hasMessageContaining("seed 4, stepped")
        .hasMessageContaining("bin/procsim test -w echo")
        .hasMessageContaining("MaelstromRun.builder()")
        .hasMessageContaining("-Dtest='WrongEcho#echoes' -Dprocsim.seed=4");
    assertThat(WrongEcho.ran).as("the method does not run").isFalse();
  }

  static class ExpectedBug {
    @MaelstromTest(
        workload = "echo",
        bin = {"python3", NODES + "wrong_echo.py"},
        nodeCount = 1,
        timeLimit = "3s",
        rate = 10,
        seed = 4,
        stepped = true,
        expect = Verdict.INVALID)
    void theBugIsCaught(MaelstromResult result) {
      assertThat(result.explanation()).contains("came back different");
    }
  }

  @Test
  void aTestMayExpectAnInvalidRun() {
    run(ExpectedBug.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
  }

  static class Misconfigured {
    @MaelstromTest(
        workload = "echo",
        bin = {"python3", "echo.py"},
        timeLimit = "soon")
    void never(MaelstromResult result) {}
  }

  @Test
  void aWrongSettingIsAConfigurationErrorNamingTheTest() {
    Throwable failure = failure(run(Misconfigured.class));

    assertThat(failure)
        .hasMessageContaining("Misconfigured.never: @MaelstromTest")
        .hasMessageContaining("\"soon\" is not a duration");
  }
}
