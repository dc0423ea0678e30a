package dev.procsim.maelstrom.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.ConsistencyModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lines that run a Maelstrom run again: only what differs from the defaults, quoted. */
class RecipeTest {
  private static RunSettings settings(
      String workload, List<String> command, int nodes, Set<String> nemesis, boolean stepped) {
    RunSettings d = RunSettings.defaults();
    return new RunSettings(
        workload,
        command,
        nodes,
        Duration.ofMillis(2500),
        d.rate(),
        nodes,
        Duration.ofMillis(20),
        "exponential",
        0.1,
        0,
        nemesis,
        d.nemesisInterval(),
        d.topology(),
        d.keyCount(),
        ConsistencyModel.SERIALIZABLE,
        1.0,
        null,
        stepped,
        d.recovery(),
        false,
        null,
        null,
        null);
  }

  @Test
  void theCommandLineHasTheSeedAndOnlyWhatDiffersFromMaelstromsDefaults() {
    Recipe recipe =
        new Recipe(
            settings("broadcast", List.of("python3", "b.py"), 5, Set.of("partition", "kill"), true),
            42);

    assertThat(recipe.commandLine())
        .isEqualTo(
            "bin/procsim test -w broadcast --time-limit 2.5 --latency 20"
                + " --latency-dist exponential --loss 0.1 --nemesis kill,partition"
                + " --consistency-models serializable --availability total --seed 42 --stepped"
                + " --bin python3 b.py");
  }

  @Test
  void nodeArgumentsThatLookLikeFlagsGoAfterADoubleDash() {
    Recipe recipe =
        new Recipe(settings("echo", List.of("python3", "-u", "e.py"), 5, Set.of(), false), 1);

    assertThat(recipe.commandLine()).endsWith("--seed 1 --bin python3 -- -u e.py");
  }

  @Test
  void javaRepeatsTheSameSettings() {
    Recipe recipe =
        new Recipe(settings("echo", List.of("node", "echo.js"), 3, Set.of(), false), -7);

    assertThat(recipe.java())
        .isEqualTo(
            "MaelstromRun.builder().workload(\"echo\").bin(\"node\", \"echo.js\").nodeCount(3)"
                + ".timeLimit(Duration.ofMillis(2500)).latency(Duration.ofMillis(20))"
                + ".latencyDistribution(\"exponential\").loss(0.1)"
                + ".consistency(ConsistencyModel.SERIALIZABLE).availability(\"total\")"
                + ".seed(-7L).run()");
  }

  @Test
  void wordsThatAreNotPlainAreQuotedForTheShell() {
    assertThat(Recipe.shellQuote("node.py")).isEqualTo("node.py");
    assertThat(Recipe.shellQuote("my node.py")).isEqualTo("'my node.py'");
    assertThat(Recipe.shellQuote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Recipe.shellQuote("")).isEqualTo("''");
  }

  @Test
  void concurrencyAndAvailabilityAreReadAsMaelstromWritesThem() {
    assertThat(RunSettings.concurrency("2n", 5)).isEqualTo(10);
    assertThat(RunSettings.concurrency("7", 5)).isEqualTo(7);
    assertThat(RunSettings.availability("total")).isEqualTo(1.0);
    assertThat(RunSettings.availability("0.99")).isEqualTo(0.99);
  }
}
