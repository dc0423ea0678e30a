package dev.procsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker gives Porcupine's verdict on every history whose verdict {@code VERDICTS.tsv} lists,
 * and reads every history there. Skips, saying so, where the shared data is absent.
 */
class PorcupineVerdictsTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private static Path data() {
    Optional<Path> data = SharedData.porcupine();
    assumeTrue(data.isPresent(), SharedData.ABSENT);
    return data.get();
  }

  @Test
  void everyListedHistoryGetsPorcupinesVerdict() throws IOException {
    Path data = data();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String line : Files.readAllLines(data.resolve("VERDICTS.tsv"))) {
      String[] fields = line.split("\t");
      if (fields.length != 2 || fields[0].equals("history")) {
        continue;
      }
      Path file = data.resolve(fields[0]);
      Verdict expected = Boolean.parseBoolean(fields[1]) ? Verdict.VALID : Verdict.INVALID;
      CheckResult result =
          fields[0].startsWith("kv/")
              ? Linearizability.check(Models.kv(), JepsenEdn.read(file), LIMIT)
              : Linearizability.check(Models.casRegister(), JepsenLog.read(file), LIMIT);
      checked++;
      if (result.verdict() != expected) {
        wrong.add(fields[0] + ": expected " + expected + ", got " + result);
      }
    }
    assertThat(checked).as("histories with a listed verdict").isGreaterThan(50);
    assertThat(wrong).as("histories whose verdict is not Porcupine's").isEmpty();
  }

  @Test
  void everyHistoryThereCanBeRead() throws IOException {
    Path data = data();
    List<Path> files;
    try (Stream<Path> all = Files.walk(data)) {
      files =
          all.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt")).toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      History history =
          file.getParent().getFileName().toString().equals("kv")
              ? JepsenEdn.read(file)
              : JepsenLog.read(file);
      if (!file.getFileName().toString().equals("etcd_095.log")) { // the cluster never started
        assertThat(history.size()).as("operations in %s", file.getFileName()).isPositive();
      }
    }
  }
}
