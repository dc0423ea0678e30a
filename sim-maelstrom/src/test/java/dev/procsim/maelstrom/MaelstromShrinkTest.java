package dev.procsim.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.check.HistoryJson;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.internal.run.MaelstromSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stepped Maelstrom run's schedule: it replays the run exactly from its file, and a failing run
 * shrinks to the faults and operations it needs, each one of them needed.
 */
class MaelstromShrinkTest {
  private static final String NAIVE_BROADCAST =
      "../sim-examples/maelstrom/python/naive_broadcast.py";
  private static final String ECHO = "../sim-examples/maelstrom/python/echo.py";

  @TempDir Path store;

  /** The naive broadcast (no retries) on 3 nodes, losing a message in ten between them. */
  private MaelstromRun.Builder lossyBroadcast() {
    return MaelstromRun.builder()
        .workload("broadcast")
        .bin("python3", NAIVE_BROADCAST)
        .nodeCount(3)
        .timeLimit(Duration.ofSeconds(5))
        .rate(10)
        .loss(0.1)
        .stepped()
        .seed(7)
        .store(store);
  }

  @Test
  void aSteppedRunReplaysExactlyFromItsScheduleFile() throws Exception {
    MaelstromResult first =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(2)
            .timeLimit(Duration.ofSeconds(3))
            .rate(10)
            .latency(Duration.ofMillis(20))
            .latencyDistribution("exponential")
            .loss(0.2)
            .stepped()
            .seed(21)
            .store(store)
            .run();
    Path schedule = first.directory().orElseThrow().resolve("schedule.json");
    assertThat(schedule).exists();

    MaelstromResult again =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", ECHO)
            .nodeCount(2)
            .timeLimit(Duration.ofSeconds(3))
            .rate(10)
            .latency(Duration.ofMillis(20))
            .latencyDistribution("exponential")
            .loss(0.2)
            .replay(schedule)
            .store(store)
            .run();

    assertThat(again.seed()).isEqualTo(21);
    assertThat(again.history().size()).isGreaterThan(10);
    assertThat(historyText(again)).isEqualTo(historyText(first));
    assertThat(again.rerunCommand()).contains("--replay " + schedule);
  }

  @Test
  void aFailingRunShrinksToALossAndTheBroadcastsItNeedsEachOneNeeded() throws Exception {
    MaelstromResult result = lossyBroadcast().shrink(Duration.ofMinutes(3)).run();

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.INVALID);
    MaelstromResult.Shrunk shrunk = result.shrunk().orElseThrow();
    Path file = shrunk.schedule().orElseThrow();
    MaelstromSchedule original =
        MaelstromSchedule.read(result.directory().orElseThrow().resolve("schedule.json"));
    MaelstromSchedule smallest = MaelstromSchedule.read(file);
    assertThat(shrunk.outcome())
        .startsWith("shrunk " + original.faultCount() + " faults and ")
        .contains(" to " + smallest.faultCount() + " fault");
    assertThat(original.faultCount()).isGreaterThan(smallest.faultCount());
    assertThat(original.operations().size()).isGreaterThan(smallest.operations().size());
    assertThat(smallest.faultCount()).isBetween(1, 2);
    assertThat(smallest.operations()).isNotEmpty();
    assertThat(result.summary()).contains(shrunk.outcome()).contains("replay it: bin/procsim test");
    assertThat(shrunk.replayCommand()).contains("--replay " + file);
    assertThat(shrunk.directory().orElseThrow().resolve("report.html")).exists();

    // It replays from its file, and fails the same way.
    MaelstromResult replayed = lossyBroadcast().replay(file).timeLimit(limitOf(shrunk)).run();
    assertThat(replayed.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(masked(firstLine(replayed))).isEqualTo(masked(firstLine(result)));

    // Each fault and operation left is needed: without any one of them, the run does not fail so.
    List<Object> units = smallest.units();
    for (Object unit : units) {
      List<Object> others = new ArrayList<>(units);
      others.remove(unit);
      Path without = store.resolve("without-" + units.indexOf(unit) + ".json");
      smallest.keeping(others).write(without);
      MaelstromResult less = lossyBroadcast().replay(without).timeLimit(limitOf(shrunk)).run();
      assertThat(less.isValid() || !masked(firstLine(less)).equals(masked(firstLine(result))))
          .as("without %s: %s", unit, less.summary())
          .isTrue();
    }
  }

  @Test
  void partitionsKillsAndPausesReplayExactlyFromTheFile() throws Exception {
    MaelstromRun.Builder run =
        MaelstromRun.builder()
            .workload("broadcast")
            .bin("python3", "../sim-examples/maelstrom/python/broadcast.py")
            .nodeCount(3)
            .timeLimit(Duration.ofSeconds(6))
            .rate(10)
            .latency(Duration.ofMillis(10))
            .nemesis("partition", "kill", "pause")
            .nemesisInterval(Duration.ofMillis(700))
            .recovery(Duration.ofSeconds(2))
            .store(store);
    MaelstromResult first = run.seed(12).stepped().run();
    Path file = first.directory().orElseThrow().resolve("schedule.json");
    MaelstromSchedule schedule = MaelstromSchedule.read(file);
    assertThat(schedule.faults())
        .extracting(MaelstromSchedule.Fault::kind)
        .contains("partition", "kill", "pause");

    MaelstromResult again = run.replay(file).run();

    assertThat(again.faults()).isEqualTo(first.faults());
    assertThat(again.verdict()).isEqualTo(first.verdict());
    assertThat(historyText(again)).isEqualTo(historyText(first));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a fault of an unknown kind | \"faults\": [{\"kind\": \"flood\", \"what\": \"x\", \"from\": 1, \"to\": -1, \"cuts\": [], \"victims\": []}] | faults[0]: no fault kind \"flood\"",
        "a victim that is no node | \"faults\": [{\"kind\": \"kill\", \"what\": \"x\", \"from\": 1, \"to\": -1, \"cuts\": [], \"victims\": [\"n9\"]}] | faults[0]: \"n9\" is not one of the nodes n0 to n2",
        "a cut that is not a pair | \"faults\": [{\"kind\": \"partition\", \"what\": \"x\", \"from\": 1, \"to\": 5, \"cuts\": [\"n0\"], \"victims\": []}] | faults[0]: a cut is [from, to], not \"n0\"",
        "a fault lifted before it came | \"faults\": [{\"kind\": \"pause\", \"what\": \"x\", \"from\": 9, \"to\": 5, \"cuts\": [], \"victims\": [\"n1\"]}] | faults[0]: lifted at 5 ns, before it came at 9 ns",
        "a time that is no number | \"operations\": [{\"client\": 0, \"at\": \"soon\", \"f\": \"read\", \"body\": {\"type\": \"read\"}}] | operations[0]: \"at\" must be nanoseconds",
        "a client that is not there | \"operations\": [{\"client\": 7, \"at\": 1, \"f\": \"read\", \"body\": {\"type\": \"read\"}}] | operations[0]: \"client\" must be a client's number, 0 to 2, not 7",
        "a request without a type | \"operations\": [{\"client\": 0, \"at\": 1, \"f\": \"read\", \"body\": {}}] | operations[0]: \"body\" must be a request",
        "faults that are no list | \"faults\": {\"kind\": \"kill\"} | \"faults\" must be an array"
      })
  void aMalformedScheduleIsRefusedNamingTheFileAndTheEntry(
      String what, String entry, String message) throws Exception {
    String faults = entry.startsWith("\"faults\"") ? entry : "\"faults\": []";
    String operations = entry.startsWith("\"operations\"") ? entry : "\"operations\": []";
    Path file = store.resolve("malformed.json");
    Files.writeString(
        file,
        "{\"format\": \"procsim-maelstrom-schedule/1\", \"workload\": \"broadcast\", \"nodes\": 3,"
            + " \"clients\": 3, \"network\": \"# procsim schedule 1\\nseed 7\\n\", "
            + faults
            + ", "
            + operations
            + "}");

    assertThatThrownBy(() -> lossyBroadcast().replay(file).run())
        .as(what)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(message);
  }

  @Test
  void aScheduleOfAnotherRunIsRefused() throws Exception {
    MaelstromResult first = lossyBroadcast().timeLimit(Duration.ofSeconds(1)).run();
    Path schedule = first.directory().orElseThrow().resolve("schedule.json");

    assertThatThrownBy(() -> lossyBroadcast().nodeCount(4).replay(schedule).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is of another run: 3 nodes, not 4");
  }

  @Test
  void aRealTimeRunSaysItCannotBeShrunk() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin("python3", "../sim-examples/maelstrom/python/wrong_echo.py")
            .nodeCount(1)
            .timeLimit(Duration.ofSeconds(1))
            .rate(10)
            .seed(3)
            .store(null)
            .shrink(Duration.ofSeconds(30))
            .run();

    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.shrunk().orElseThrow().outcome())
        .startsWith("not shrunk: only a stepped run has a schedule to shrink (--stepped");
  }

  @Test
  void aScheduleThatIsNotOneIsRefusedNamingTheFile() throws Exception {
    Path notJson = store.resolve("broken.json");
    Files.writeString(notJson, "{\"format\": \"procsim-maelstrom-schedule/1\", ");
    Path other = store.resolve("other.json");
    Files.writeString(other, "{\"format\": \"something else\"}");

    assertThatThrownBy(() -> lossyBroadcast().replay(notJson).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notJson.toString());
    assertThatThrownBy(() -> lossyBroadcast().replay(other).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(other.toString())
        .hasMessageContaining("not a Maelstrom run's schedule");
    assertThatThrownBy(() -> lossyBroadcast().replay(store.resolve("missing.json")).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void aReplayWithAnotherSeedIsRefused() throws Exception {
    MaelstromResult first = lossyBroadcast().timeLimit(Duration.ofSeconds(1)).run();
    Path schedule = first.directory().orElseThrow().resolve("schedule.json");

    assertThatThrownBy(() -> lossyBroadcast().seed(8).replay(schedule).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the seed 8 is not the seed of the schedule to replay (7)");
  }

  private static Duration limitOf(MaelstromResult.Shrunk shrunk) {
    String command = shrunk.replayCommand();
    String seconds = command.replaceAll(".*--time-limit (\\S+).*", "$1");
    return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
  }

  private static String masked(String text) {
    return text.replaceAll("\\d+", "N");
  }

  private static String firstLine(MaelstromResult result) {
    return result.explanation().lines().findFirst().orElse("");
  }

  private static String historyText(MaelstromResult result) throws Exception {
    Path file = Files.createTempFile("history", ".jsonl");
    try {
      HistoryJson.write(result.history(), file);
      return Files.readString(file);
    } finally {
      Files.delete(file);
    }
  }
}
