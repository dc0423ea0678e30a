package dev.procsim.maelstrom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** procsim test: Maelstrom's flags, its exit codes, a summary with the verdict last. */
class TestCommandTest {
  private static final String NODES = "../sim-examples/maelstrom/python/";

  @TempDir Path store;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--store", store.toString(), "--no-progress"));
    return Procsim.run(
        all.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<String> lines() {
    return printed().lines().filter(line -> !line.isBlank()).toList();
  }

  @Test
  void aValidRunExitsZeroWithTheVerdictFirstAndLast() throws Exception {
    int code =
        run(
            "test",
            "-w",
            "echo",
            "--bin",
            "python3",
            NODES + "echo.py",
            "--node-count",
            "2",
            "--time-limit",
            "3",
            "--rate",
            "20",
            "--seed",
            "5",
            "--stepped");

    assertThat(code).as(errors()).isZero();
    assertThat(lines().get(0)).isEqualTo("echo: VALID");
    assertThat(lines().get(lines().size() - 1)).isEqualTo("VALID: everything looks good");
    assertThat(printed())
        .contains("seed 5 (stepped: repeats exactly)")
        .contains(
            "bin/procsim test -w echo --node-count 2 --time-limit 3 --rate 20 --seed 5 --stepped"
                + " --bin python3 "
                + NODES
                + "echo.py")
        .contains("availability     100.0 %");
    try (var dirs = Files.list(store.resolve("echo"))) {
      Path dir = dirs.findFirst().orElseThrow();
      assertThat(dir.resolve("results.json")).content().contains("\"verdict\" : \"VALID\"");
      assertThat(dir.resolve("history.jsonl")).isNotEmptyFile();
      assertThat(dir.resolve("log.jsonl")).content().contains("\"kind\":\"Sent\"");
      assertThat(dir.resolve("node-logs").resolve("n1.log")).exists();
    }
    assertThat(store.resolve("latest")).isSymbolicLink();
  }

  @Test
  void anInvalidRunExitsOne() {
    int code =
        run(
            "test",
            "-w",
            "echo",
            "--bin",
            "python3",
            NODES + "wrong_echo.py",
            "--node-count",
            "1",
            "--time-limit",
            "3",
            "--rate",
            "10",
            "--seed",
            "5",
            "--stepped");

    assertThat(code).isEqualTo(1);
    assertThat(lines().get(0)).isEqualTo("echo: INVALID");
    assertThat(lines().get(lines().size() - 1)).isEqualTo("INVALID: analysis invalid");
  }

  @Test
  void aNodeThatDiesAtOnceExits255NamingIt() {
    int code =
        run(
            "test",
            "-w",
            "echo",
            "--bin",
            "sh",
            "-c",
            "echo broken >&2; exit 4",
            "--node-count",
            "1",
            "--time-limit",
            "1");

    assertThat(code).isEqualTo(255);
    assertThat(errors()).contains("init handshake failed").contains("n0 exited with code 4");
  }

  @Test
  void badArgumentsExit254WithWhatIsWrong() {
    assertThat(run("test", "-w", "echoo", "--bin", "true")).isEqualTo(254);
    assertThat(errors()).contains("no workload \"echoo\"").contains("unique-ids");

    err.reset();
    assertThat(run("test", "-w", "echo", "--bin", "true", "--concurrency", "two")).isEqualTo(254);
    assertThat(errors()).contains("the concurrency \"two\"");

    err.reset();
    assertThat(run("test", "-w", "echo", "--bin", "true", "--nemesis", "earthquake"))
        .isEqualTo(254);
    assertThat(errors()).contains("no nemesis fault \"earthquake\"").contains("partition-bridge");

    err.reset();
    assertThat(run("test", "-w", "echo", "--rate", "fast")).isEqualTo(254);
    assertThat(errors()).contains("--rate");

    err.reset();
    Path missing = store.resolve("no-such-schedule.json");
    assertThat(run("test", "-w", "echo", "--bin", "true", "--replay", missing.toString()))
        .isEqualTo(254);
    assertThat(errors()).contains("cannot read the schedule " + missing);

    err.reset();
    assertThat(run("test", "-w", "echo", "--bin", "true", "--shrink", "-1")).isEqualTo(254);
    assertThat(errors()).contains("--shrink must be a number of seconds");
  }

  @Test
  void aFailingSteppedRunShrinksAndPrintsTheLineThatReplaysIt() {
    int code =
        run(
            "test",
            "-w",
            "broadcast",
            "--bin",
            "python3",
            NODES + "naive_broadcast.py",
            "--node-count",
            "3",
            "--time-limit",
            "5",
            "--rate",
            "10",
            "--loss",
            "0.1",
            "--seed",
            "7",
            "--stepped",
            "--shrink",
            "180");

    assertThat(code).as(printed()).isEqualTo(1);
    List<String> lines = lines();
    assertThat(lines)
        .anyMatch(line -> line.matches("shrunk \\d+ faults and \\d+ operations to .*"));
    String replay =
        lines.stream().filter(line -> line.startsWith("replay it: ")).findFirst().orElseThrow();
    assertThat(replay).contains("--replay " + store).contains("shrunk-schedule.json");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("INVALID: analysis invalid");

    // The line replays it: the same verdict, from the file.
    out.reset();
    List<String> words =
        new ArrayList<>(List.of(replay.substring("replay it: bin/procsim ".length()).split(" ")));
    assertThat(run(words.toArray(String[]::new))).as(printed()).isEqualTo(1);
  }

  @Test
  void argumentsAfterTheBinaryAreTheNodesOwn() {
    int code =
        run(
            "test",
            "-w",
            "echo",
            "--node-count",
            "1",
            "--time-limit",
            "2",
            "--rate",
            "5",
            "--seed",
            "1",
            "--stepped",
            "--bin",
            "python3",
            NODES + "echo.py",
            "--",
            "--ignored");

    assertThat(code).as(errors()).isZero();
    assertThat(printed()).contains("--bin python3 " + NODES + "echo.py -- --ignored");
  }

  @Test
  void helpListsMaelstromsFlagsAndTheExitCodes() {
    Procsim.run(
        new String[] {"test", "--help"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(printed())
        .contains("--node-count", "--time-limit", "--rate", "--concurrency", "--latency-dist")
        .contains("--nemesis-interval", "--availability", "--topology", "--log-stderr")
        .contains("--seed", "--stepped")
        .contains("0 valid, 1 invalid, 2 unknown");
  }
}
