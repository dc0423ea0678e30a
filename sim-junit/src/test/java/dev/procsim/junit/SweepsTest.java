package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Seeds;
import dev.procsim.core.Simulator;
import dev.procsim.junit.internal.RegressionFile;
import dev.procsim.junit.internal.SweepShard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Sweeps split into shards, and the seeds that failed remembered and tried first. */
class SweepsTest {
  /** The seeds the inner tests ran with, in the order they ran. */
  static final Queue<Long> SEEN = new ConcurrentLinkedQueue<>();

  private static EngineExecutionResults run(Class<?> testClass, String... parameters) {
    SEEN.clear();
    var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
    for (int i = 0; i < parameters.length; i += 2) {
      kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
    }
    return kit.execute();
  }

  @Component(name = "echo", command = "cat")
  static class Sweep20 {
    @SimulationTest(seed = 7, runs = 20, echo = false)
    void sweep(Simulator sim) {
      SEEN.add(sim.seed());
    }
  }

  @Test
  void twoShardsCoverA20SeedSweepExactlyOnce(@TempDir Path regressions) {
    List<Long> first = runShard("1/2", regressions);
    List<Long> second = runShard("2/2", regressions);

    List<Long> sweep = LongStream.range(0, 20).mapToObj(i -> Seeds.nth(7, (int) i)).toList();
    assertThat(first).hasSize(10).doesNotContainAnyElementsOf(second);
    List<Long> both = new ArrayList<>(first);
    both.addAll(second);
    assertThat(both).containsExactlyInAnyOrderElementsOf(sweep);
  }

  private static List<Long> runShard(String shard, Path regressions) {
    run(Sweep20.class, "procsim.shard", shard, "procsim.regressions", regressions.toString())
        .testEvents()
        .assertStatistics(s -> s.succeeded(10).failed(0));
    return new ArrayList<>(SEEN);
  }

  @Test
  void anyNumberOfShardsTakesEverySeedOnce() {
    for (int size = 0; size <= 30; size++) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        all.add(i);
      }
      for (int count = 1; count <= 7; count++) {
        List<Integer> taken = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
          taken.addAll(new SweepShard(index, count).select(all));
        }
        assertThat(taken)
            .as("%d seeds in %d shards", size, count)
            .containsExactlyInAnyOrderElementsOf(all);
      }
    }
  }

  @Test
  void aShardThatIsNotKOfNIsAClearError() {
    for (String bad : List.of("3/2", "0/2", "two", "1/0")) {
      assertThatThrownBy(() -> SweepShard.parse(Optional.of(bad)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("procsim.shard")
          .hasMessageContaining("K/N");
    }
  }

  @Component(name = "echo", command = "cat")
  static class OneSeed {
    @SimulationTest(seed = 3, echo = false)
    void once(Simulator sim) {
      SEEN.add(sim.seed());
    }
  }

  @Test
  void aShardWithNoneOfATestsSeedsRunsItZeroTimesWithoutFailing(@TempDir Path reports)
      throws Exception {
    EngineExecutionResults second =
        run(
            OneSeed.class,
            "procsim.shard",
            "2/2",
            "procsim.regressions",
            "off",
            "procsim.reports",
            reports.toString());
    second.containerEvents().assertStatistics(s -> s.failed(0));
    second.testEvents().assertStatistics(s -> s.started(0));
    // Its empty summary is written all the same: a merge of the shards then misses none.
    assertThat(
            Files.readString(
                reports.resolve("sweeps/" + OneSeed.class.getName() + ".once-shard-2-2.json")))
        .contains("\"seeds\": 0,")
        .contains("\"shard\": \"2/2\"");
    run(OneSeed.class, "procsim.shard", "1/2", "procsim.regressions", "off")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    assertThat(SEEN).containsExactly(3L);
  }

  @Component(name = "echo", command = "cat")
  static class RandomSweep {
    @SimulationTest(runs = 4, echo = false)
    void sweep(Simulator sim) {
      SEEN.add(sim.seed());
    }
  }

  @Test
  void shardingARandomSweepSaysHowToFixItsSeed(@TempDir Path regressions) {
    run(RandomSweep.class, "procsim.shard", "1/2", "procsim.regressions", regressions.toString())
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("needs the same seeds in every shard")),
                    message(m -> m.contains("procsim.sweepSeed")))));
    // With a sweep seed, both shards agree on the seeds.
    run(
            RandomSweep.class,
            "procsim.shard",
            "1/2",
            "procsim.sweepSeed",
            "5",
            "procsim.regressions",
            regressions.toString())
        .testEvents()
        .assertStatistics(s -> s.succeeded(2));
    assertThat(SEEN).containsExactly(Seeds.nth(5, 0), Seeds.nth(5, 2));
  }

  @Component(name = "echo", command = "cat")
  static class FailsOnItsThirdSeed {
    @SimulationTest(seed = 11, runs = 3, echo = false)
    void sweep(Simulator sim) {
      SEEN.add(sim.seed());
      assertThat(sim.seed()).as("the unlucky seed").isNotEqualTo(Seeds.nth(11, 2));
    }
  }

  @Test
  void aFailingSeedIsRememberedAndTriedFirstNextTime(@TempDir Path regressions) throws Exception {
    long unlucky = Seeds.nth(11, 2);
    run(FailsOnItsThirdSeed.class, "procsim.regressions", regressions.toString())
        .testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(1));
    Path file = regressions.resolve(FailsOnItsThirdSeed.class.getName()).resolve("sweep.seeds");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).startsWith("# Seeds that made FailsOnItsThirdSeed.sweep() fail.");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("seed "))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("seed " + unlucky + "  # seed " + unlucky + ": [the unlucky seed]");

    EngineExecutionResults again =
        run(FailsOnItsThirdSeed.class, "procsim.regressions", regressions.toString());
    assertThat(SEEN).first().isEqualTo(unlucky); // tried first
    assertThat(SEEN).hasSize(3); // and not run twice
    again.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(Files.readAllLines(file)).filteredOn(l -> l.startsWith("seed ")).hasSize(1);
  }

  @Test
  void aMalformedRegressionFileNamesItsFileAndLine(@TempDir Path regressions) throws Exception {
    Path file = regressions.resolve(Sweep20.class.getName()).resolve("sweep.seeds");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# comment\nseed 3\nseed three\n");
    run(Sweep20.class, "procsim.regressions", regressions.toString())
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains(
                                file + " line 3: \"seed three\" is not a regression seed")))));
  }

  @Test
  void byDefaultTheFilesAreUnderTestResources() throws Exception {
    var method = Sweep20.class.getDeclaredMethod("sweep", Simulator.class);
    assertThat(RegressionFile.of(Optional.empty(), Sweep20.class, method).orElseThrow().path())
        .isEqualTo(Path.of("src/test/resources/procsim", Sweep20.class.getName(), "sweep.seeds"));
    assertThat(RegressionFile.of(Optional.of("off"), Sweep20.class, method)).isEmpty();
  }

  @Test
  void offRemembersNothing() {
    for (int round = 0; round < 2; round++) {
      run(FailsOnItsThirdSeed.class, "procsim.regressions", "off")
          .testEvents()
          .assertStatistics(s -> s.failed(1));
    }
    // Had the first round's failure been remembered, the second would have begun with it.
    assertThat(SEEN).containsExactly(Seeds.nth(11, 0), Seeds.nth(11, 1), Seeds.nth(11, 2));
  }
}
