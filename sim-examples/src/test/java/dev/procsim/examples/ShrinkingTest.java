package dev.procsim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Schedule;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.NemesisFaults;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimulationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A failing run shrunk to the faults that break it: the naive counter of {@link
 * CounterUnderFaultsTest} loses 28 increments with seed 42 and fails; shrinking finds that one lost
 * increment is enough, and its schedule replays the failure. A naive relay along a chain, under
 * loss and partitions, shrinks likewise to what cut the rumour off.
 */
class ShrinkingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern REPLAY = Pattern.compile("-Dprocsim\\.replay=(\\S+)");
  private static final Pattern REPORT = Pattern.compile("(?m)^report: (\\S+)$");

  @TempDir Path reports;

  private String failureOf(Class<?> testClass, String... parameters) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(testClass))
            .configurationParameter("procsim.reports", reports.toString())
            .configurationParameter("procsim.regressions", "off");
    for (int i = 0; i < parameters.length; i += 2) {
      kit.configurationParameter(parameters[i], parameters[i + 1]);
    }
    return kit.execute().testEvents().failed().stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError(testClass.getSimpleName() + " did not fail"))
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow()
        .getMessage();
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
    return matcher.group(1);
  }

  /** The naive counter of CounterUnderFaultsTest, stepped, shrunk when it fails. */
  static class NaiveCounter {
    @SimulationTest(seed = 42, stepped = true, echo = false, shrink = "3m")
    @NetworkFaults(loss = 0.2)
    @Component(
        name = "client",
        command = {"python3", "nodes/counter_client.py", "100", "counter"})
    @Component(
        name = "counter",
        command = {"python3", "nodes/counter.py"})
    void everyIncrementCounts(Simulator sim) {
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("sent 100"), WAIT);
      sim.awaitQuiescence(WAIT);
      List<String> totals = sim.component("counter").output();
      int total =
          totals.isEmpty() ? 0 : Integer.parseInt(totals.get(totals.size() - 1).split(" ")[1]);
      assertThat(total).as("the counter's total").isEqualTo(100);
    }
  }

  @Test
  void theNaiveCounterShrinksToTheOneLostIncrementItNeedsAndItsScheduleReplaysTheFailure()
      throws Exception {
    String failure = failureOf(NaiveCounter.class);

    assertThat(failure)
        .startsWith("seed 42: [the counter's total]")
        .containsPattern("shrunk 28 faults to 1 in \\d+ runs \\(")
        .containsPattern("drop client -> counter #\\d+");
    Path shrunk = Path.of(group(REPLAY, failure));
    Schedule schedule = Schedule.read(shrunk);
    assertThat(schedule.faults()).hasSize(1);
    assertThat(Files.readString(shrunk))
        .startsWith("# NaiveCounter.everyIncrementCounts(), seed 42: shrunk 28 faults to 1");
    assertThat(Path.of(group(REPORT, failure))).exists();

    String replayed = failureOf(NaiveCounter.class, "procsim.replay", shrunk.toString());
    assertThat(replayed)
        .startsWith("seed 42: [the counter's total]")
        .contains("expected: 100")
        .contains("but was: 99");
  }

  /** Thirty rumours along a chain of five naive relays, under latency, loss and partitions. */
  static class NaiveChain {
    @SimulationTest(seed = 5, stepped = true, echo = false, shrink = "3m")
    @NetworkFaults(latency = "1ms..3ms", loss = 0.15)
    @NemesisFaults(interval = "2ms..6ms", faults = Nemesis.Fault.PARTITION)
    @Component(
        name = "n1",
        command = {"python3", "nodes/relay_once.py"})
    @Component(
        name = "n2",
        command = {"python3", "nodes/relay_once.py"})
    @Component(
        name = "n3",
        command = {"python3", "nodes/relay_once.py"})
    @Component(
        name = "n4",
        command = {"python3", "nodes/relay_once.py"})
    @Component(
        name = "n5",
        command = {"python3", "nodes/relay_once.py"})
    void everyNodeHearsEveryRumour(Simulator sim) {
      for (int i = 0; i < 30; i++) {
        sim.send("test", "n1", "rumour " + i);
      }
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("n5").output()).as("what n5 heard").hasSize(30);
    }
  }

  @Test
  void theNaiveChainShrinksToAFaultOrTwo() throws Exception {
    String failure = failureOf(NaiveChain.class);

    assertThat(failure).startsWith("seed 5: [what n5 heard]");
    Matcher shrunk = Pattern.compile("shrunk (\\d+) faults to (\\d+)\\b").matcher(failure);
    assertThat(shrunk.find()).as(failure).isTrue();
    assertThat(Integer.parseInt(shrunk.group(1))).as("faults in the failing run").isGreaterThan(5);
    assertThat(Integer.parseInt(shrunk.group(2))).as("faults it needs").isBetween(1, 2);
    Schedule schedule = Schedule.read(Path.of(group(REPLAY, failure)));
    assertThat(schedule.faults()).hasSizeBetween(1, 2);
    assertThat(failureOf(NaiveChain.class, "procsim.replay", group(REPLAY, failure)))
        .startsWith("seed 5: [what n5 heard]");
  }
}
