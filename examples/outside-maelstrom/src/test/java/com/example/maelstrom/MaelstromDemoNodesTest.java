package com.example.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Maelstrom's own demo nodes (its repository's {@code demo/js}), unchanged, under the workloads
 * they were written for: each valid, as under Maelstrom. They are Maelstrom's code, so they are not
 * part of this project: point {@code -Dmaelstrom.demo=<maelstrom>/demo/js} (or the environment
 * variable {@code MAELSTROM_DEMO}) at a copy; without one these tests are skipped, saying so.
 */
class MaelstromDemoNodesTest {
  private static Optional<Path> demo() {
    String dir = System.getProperty("maelstrom.demo", System.getenv("MAELSTROM_DEMO"));
    return Optional.ofNullable(dir).filter(d -> !d.isBlank()).map(Path::of);
  }

  /**
   * Each node under its workload; stepped where the node only answers messages, in real time where
   * it has timers of its own (the g-set replicates every few hundred milliseconds with {@code
   * setInterval}, which a run on the virtual clock does not follow).
   */
  @ParameterizedTest(name = "{1} under {0}, stepped: {2}")
  @CsvSource({
    "echo, echo.js, true",
    "broadcast, gossip.js, true",
    "g-set, crdt_gset.js, false",
    "txn-list-append, single_key_txn.js, true"
  })
  void aDemoNodeIsValidUnderItsWorkload(String workload, String node, boolean stepped) {
    Optional<Path> demo = demo();
    assumeTrue(
        demo.isPresent(),
        "Maelstrom's demo nodes are not here: set -Dmaelstrom.demo=<maelstrom>/demo/js to run them");
    Path file = demo.get().resolve(node);
    // Named, yet missing: a wrong path is the user's mistake to hear about, not a reason to skip.
    assertThat(file).as("Maelstrom's demo node, in the directory -Dmaelstrom.demo names").isRegularFile();

    MaelstromRun.Builder run =
        MaelstromRun.builder()
            .workload(workload)
            .bin("node", file.toString())
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(5))
            .rate(10)
            .recovery(Duration.ofSeconds(2))
            .seed(5);
    MaelstromResult result = stepped ? run.stepped().run() : run.run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.VALID);
    assertThat(result.history().size()).isGreaterThan(10);
  }
}
