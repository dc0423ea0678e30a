package dev.procsim.maelstrom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.procsim.junit.internal.SeedResult;
import dev.procsim.junit.internal.SweepSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** procsim sweep-report: summaries of shards merged, and what does not add up said. */
class SweepReportCommandTest {
  private static final String TEST = "com.example.LeaderTest#elects";
  private static final String NASTY = "expected \"a\"\\ but was\ttab \u0001 é 😀 \uD800 lone";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Procsim.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private void write(String job, String shard, SeedResult... results) throws Exception {
    Path file =
        dir.resolve(job)
            .resolve("target/procsim/sweeps")
            .resolve("com.example.LeaderTest.elects.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        new SweepSummary(
                TEST, "LeaderTest.elects()", shard, Duration.ofSeconds(3), List.of(results))
            .json());
  }

  private static SeedResult passed(long seed, long millis) {
    return new SeedResult(seed, SeedResult.Outcome.PASSED, millis, null);
  }

  private static SeedResult failed(long seed, String why) {
    return new SeedResult(seed, SeedResult.Outcome.FAILED, 10, why);
  }

  @Test
  void twoShardsMergeIntoOneSummaryWithTheirFailuresGroupedByKind() throws Exception {
    write("job-1", "1/2", passed(1, 100), failed(3, "expected 3 leaders but was 4"));
    write(
        "job-2",
        "2/2",
        passed(2, 900),
        failed(4, "expected 5 leaders but was 2"),
        failed(6, NASTY));
    Path merged = dir.resolve("merged");

    int code =
        run(
            "sweep-report",
            "-o",
            merged.toString(),
            dir.resolve("job-1").toString(),
            dir.resolve("job-2").toString());

    assertThat(code).as(printed() + err).isEqualTo(1);
    assertThat(printed())
        .startsWith("procsim sweep LeaderTest.elects(): 5 seeds in 3.0 s: 2 passed, 3 failed\n")
        .contains("  failures, 2 kinds:\n    2 × expected 3 leaders but was 4  (seeds 3, 4)\n")
        .contains("  slowest: seed 2 (900 ms), seed 1 (100 ms), ")
        .contains("  merged from 2 summaries: shards 1/2, 2/2\n")
        .doesNotContain("INCOMPLETE");
    JsonNode json =
        new ObjectMapper().readTree(merged.resolve(TEST.replace('#', '.') + ".json").toFile());
    assertThat(json.path("seeds").asInt()).isEqualTo(5);
    assertThat(json.path("failed").asInt()).isEqualTo(3);
    assertThat(json.path("shard").isNull()).isTrue();
    // Every text survives the trip through the summary's JSON and Jackson, escapes and all.
    assertThat(json.path("failures").get(1).path("example").asText()).isEqualTo(NASTY);
    assertThat(SweepSummaryReader.read(merged.resolve(TEST.replace('#', '.') + ".json")).results())
        .extracting(SeedResult::seed)
        .containsExactly(1L, 3L, 2L, 4L, 6L);
  }

  @Test
  void allPassedExitsZeroAndAMergeIsNotReadAgain() throws Exception {
    write("job-1", "1/2", passed(1, 5));
    write("job-2", "2/2", passed(2, 5));
    Path merged = dir.resolve("merged");
    assertThat(run("sweep-report", "-o", merged.toString(), dir.toString())).isZero();
    out.reset();
    // The merged file lies under the directory read now: it is left out, not counted twice.
    assertThat(run("sweep-report", "-o", merged.toString(), dir.toString())).isZero();
    assertThat(printed()).contains(": 2 seeds in ").contains("merged from 2 summaries");
  }

  @Test
  void aSeedThatFailedInEitherOfTwoSummariesCountsAsFailed() throws Exception {
    write("job-1", "1/2", passed(1, 5), passed(7, 5));
    write("job-2", "2/2", passed(2, 5), failed(7, "expected 3 but was 4"));
    int code = run("sweep-report", "-o", dir.resolve("merged").toString(), dir.toString());
    assertThat(code).as("a failure wins over an incomplete sweep").isEqualTo(1);
    assertThat(printed())
        .contains(": 3 seeds in ")
        .contains("2 passed, 1 failed")
        .contains("INCOMPLETE: 1 seed ran in more than one summary, counted once: 7");
  }

  @Test
  void anOutputDirectoryItCannotWriteIsExitCodeTwoWithTheReason() throws Exception {
    write("job-1", "1/1", passed(1, 5));
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "not a directory");
    assertThat(run("sweep-report", "-o", blocked.toString(), dir.resolve("job-1").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("procsim sweep-report: ")
        .contains("a-file");
  }

  @Test
  void aMissingShardAndASeedRunTwiceAreSaid() throws Exception {
    write("job-1", "1/3", passed(1, 5), passed(4, 5));
    write("job-3", "3/3", passed(3, 5), passed(4, 5));
    int code = run("sweep-report", "-o", dir.resolve("merged").toString(), dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(printed())
        .contains("procsim sweep LeaderTest.elects(): 3 seeds in ")
        .contains("  INCOMPLETE: shard 2/3 is missing: the sweep is not complete")
        .contains("  INCOMPLETE: 1 seed ran in more than one summary, counted once: 4");
  }

  @Test
  void aBrokenSummaryIsNamedWithItsLineAndTheRestIsMerged() throws Exception {
    write("job-1", "1/2", passed(1, 5));
    write("job-2", "2/2", passed(2, 5));
    Path broken = dir.resolve("job-2/target/procsim/sweeps/com.example.Other.test.json");
    Files.writeString(
        broken,
        "{\n  \"format\": \"procsim-sweep/1\",\n  \"test\": \"x\",\n  \"results\": [\n    {\"seed\": 1,,}\n");
    Files.writeString(dir.resolve("job-2/unrelated.json"), "{\"name\": \"not a summary\"}");
    Files.writeString(dir.resolve("job-2/tsconfig.json"), "{ // comments are not JSON\n}");
    int code = run("sweep-report", "-o", dir.resolve("merged").toString(), dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(printed())
        .contains("procsim sweep LeaderTest.elects(): 2 seeds in ")
        .contains("UNREADABLE, left out: " + broken + ", line 5: not valid JSON: ")
        .doesNotContain("unrelated.json")
        .doesNotContain("tsconfig.json");
  }

  @Test
  void noSummaryAtAllIsAClearError() throws Exception {
    assertThat(run("sweep-report", dir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("procsim sweep-report: " + dir.resolve("nowhere") + ": no such file or directory")
        .contains("no sweep summary found in");
  }

  @Test
  void withoutACommandItSaysWhichThereAre() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("name a command: procsim test -w <workload> --bin <node> ...")
        .contains("procsim sweep-report <dirs...>, or procsim --help");
  }
}
