package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Seeds;
import dev.procsim.core.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Sweeps in parallel inside one JVM, for a time budget, with progress and a summary. */
class SweepSummariesTest {
  static final Queue<Long> SEEN = new ConcurrentLinkedQueue<>();
  static volatile CyclicBarrier pairs;

  private static EngineExecutionResults run(
      Class<?> testClass, Path reports, String... parameters) {
    SEEN.clear();
    var kit =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(testClass))
            .configurationParameter("procsim.reports", reports.toString())
            .configurationParameter("procsim.regressions", "off");
    for (int i = 0; i < parameters.length; i += 2) {
      kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
    }
    return kit.execute();
  }

  private static final String[] PARALLEL = {
    "junit.jupiter.execution.parallel.enabled", "true",
    "junit.jupiter.execution.parallel.mode.default", "concurrent",
    "junit.jupiter.execution.parallel.config.strategy", "fixed",
    "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"
  };

  @Component(name = "echo", command = "cat")
  static class HalfFail {
    @SimulationTest(seed = 5, runs = 8, echo = false)
    void sweep(Simulator sim) {
      SEEN.add(sim.seed());
      if (Math.floorMod(sim.seed(), 2) == 0) {
        throw new AssertionError("expected an odd seed, got one ending in " + sim.seed() % 10);
      }
    }
  }

  @Test
  void aSweepSummaryCountsSeedsAndGroupsFailuresBySignature(@TempDir Path reports)
      throws Exception {
    List<Long> seeds = IntStream.range(0, 8).mapToObj(i -> Seeds.nth(5, i)).toList();
    long even = seeds.stream().filter(s -> Math.floorMod(s, 2) == 0).count();
    run(HalfFail.class, reports).testEvents().assertStatistics(s -> s.started(8).failed(even));

    Path file = reports.resolve("sweeps/" + HalfFail.class.getName() + ".sweep.json");
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"format\": \"procsim-sweep/1\"")
        .contains("\"test\": \"" + HalfFail.class.getName() + "#sweep\"")
        .contains("\"seeds\": 8,")
        .contains("\"failed\": " + even + ",")
        .contains("\"passed\": " + (8 - even) + ",");
    if (even > 0) {
      // The last digit varies from seed to seed; the signature masks it, so they are one group.
      assertThat(json)
          .contains("{\"signature\": \"expected an odd seed, got one ending in N\", \"example\": ")
          .contains("\"count\": " + even + ",");
    }
    for (long seed : seeds) {
      assertThat(json).contains("{\"seed\": " + seed + ", \"outcome\": ");
    }
  }

  @Component(name = "echo", command = "cat")
  static class MeetInPairs {
    @SimulationTest(seed = 9, runs = 4, echo = false)
    void sweep(Simulator sim) throws Exception {
      SEEN.add(sim.seed());
      // Passes only when another seed of this sweep runs at the same time.
      pairs.await(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void seedsRunInParallelInOneJvmWhenJUnitRunsTestsInParallel(@TempDir Path reports) {
    pairs = new CyclicBarrier(2);
    run(MeetInPairs.class, reports, PARALLEL)
        .testEvents()
        .assertStatistics(s -> s.started(4).succeeded(4).failed(0));
    assertThat(SEEN).hasSize(4).doesNotHaveDuplicates();
  }

  @Component(name = "echo", command = "cat")
  static class DeterministicPairs {
    @SimulationTest(seed = 3, runs = 3, stepped = true, checkDeterminism = true, echo = false)
    void sweep(Simulator sim) {
      sim.send("test", "echo", "hello " + sim.seed());
      sim.log().awaitMessage(m -> m.fate().isFinal(), Duration.ofSeconds(30));
    }
  }

  @Test
  void theDeterminismCheckPassesWhenJUnitRunsTheSeedsInParallel(@TempDir Path reports) {
    run(DeterministicPairs.class, reports, PARALLEL)
        .testEvents()
        .assertStatistics(s -> s.started(6).succeeded(6).failed(0));
  }

  @Component(name = "echo", command = "cat")
  static class ForFourSeconds {
    @SimulationTest(seed = 1, time = "4s", echo = false) // two seeds at least, under load too
    void sweep(Simulator sim) {
      SEEN.add(sim.seed());
    }
  }

  @Test
  void aTimeBudgetRunsSeedsUntilItIsSpentAndPrintsProgress(@TempDir Path reports) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      run(ForFourSeconds.class, reports, "procsim.progress", "1ms")
          .testEvents()
          .assertStatistics(s -> s.failed(0));
    } finally {
      System.setOut(original);
    }
    int ran = SEEN.size();
    assertThat(ran).isGreaterThan(1);
    assertThat(List.copyOf(SEEN))
        .isEqualTo(IntStream.range(0, ran).mapToObj(i -> Seeds.nth(1, i)).toList());
    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("procsim sweep ForFourSeconds.sweep(): 2 seeds done, 0 failed, ")
        .contains(" of 4.0 s left")
        .contains("procsim sweep ForFourSeconds.sweep(): " + ran + " seeds in ");
    assertThat(
            Files.readString(
                reports.resolve("sweeps/" + ForFourSeconds.class.getName() + ".sweep.json")))
        .contains("\"seeds\": " + ran + ",");
  }

  @Component(name = "echo", command = "cat")
  static class BadBudget {
    @SimulationTest(time = "ten minutes", echo = false)
    void sweep(Simulator sim) {}
  }

  @Test
  void aTimeBudgetThatIsNotADurationIsAClearError(@TempDir Path reports) {
    run(BadBudget.class, reports)
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(
                    m ->
                        m.contains("@SimulationTest(time = \"ten minutes\") is not a time budget")
                            && m.contains("\"10m\""))));
  }
}
