package dev.procsim.maelstrom.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.HistoryJson;
import dev.procsim.core.Component;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Where a Maelstrom run leaves what it found, as Maelstrom's {@code store/} does: a directory per
 * run, {@code <root>/<workload>/<yyyyMMdd'T'HHmmss.SSS>/}, holding
 *
 * <ul>
 *   <li>{@code results.json}: the verdict, the explanation, the statistics, the seed and the two
 *       rerun recipes;
 *   <li>{@code history.jsonl}: every client operation, one JSON object per line ({@link
 *       HistoryJson}, readable back by sim-check);
 *   <li>{@code log.jsonl}: the message log, one entry per line in its order (sends with their
 *       bodies, deliveries, drops, faults, process starts and exits, protocol errors);
 *   <li>{@code node-logs/<node>.log}: each node's stderr;
 *   <li>{@code report.html}: the run's picture (a space-time diagram, the operations under it);
 *   <li>{@code schedule.json}, for a stepped run: its decisions, to replay ({@link
 *       MaelstromSchedule}); {@code shrunk-schedule.json} when it was shrunk ({@link RunShrinker}).
 * </ul>
 *
 * and points {@code <root>/latest} at it (a symbolic link, where the file system has them).
 *
 * <pre>{@code
 * Path dir = RunDirectory.create(Path.of("target/procsim/maelstrom"), "echo");
 * RunDirectory.write(dir, result, sim, nodes, checked);
 * }</pre>
 */
public final class RunDirectory {
  /** The default root, relative to the working directory. */
  public static final Path DEFAULT_ROOT = Path.of("target", "procsim", "maelstrom");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private RunDirectory() {}

  /**
   * Creates a new, empty directory for a run of {@code workload} under {@code root}; a second run
   * in the same millisecond gets a suffix.
   */
  public static Path create(Path root, String workload) {
    Path parent = root.resolve(workload);
    String stamp = LocalDateTime.now().format(STAMP);
    try {
      Files.createDirectories(parent);
      for (int attempt = 0; ; attempt++) {
        Path dir = parent.resolve(attempt == 0 ? stamp : stamp + "-" + attempt);
        try {
          return Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          // another run of the same millisecond: try the next suffix
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory under " + parent, e);
    }
  }

  /** Writes the run's files into {@code dir} and points {@code latest} beside it at it. */
  public static void write(
      Path dir, MaelstromResult result, Simulator sim, List<String> nodes, CheckResult checked) {
    try {
      Files.writeString(dir.resolve("results.json"), results(result), StandardCharsets.UTF_8);
      HistoryJson.write(result.history(), dir.resolve("history.jsonl"));
      writeLog(dir.resolve("log.jsonl"), sim.log().events());
      Path logs = Files.createDirectories(dir.resolve("node-logs"));
      for (String node : nodes) {
        Component component = sim.component(node);
        Files.write(logs.resolve(node + ".log"), component.errors(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's results into " + dir, e);
    }
    try {
      RunReportMaker.write(dir.resolve("report.html"), result, checked, sim);
    } catch (RuntimeException e) {
      // The results stand without their picture; say why it is missing.
      System.err.println("procsim: could not write " + dir.resolve("report.html") + ": " + e);
    }
    pointLatest(dir);
  }

  private static String results(MaelstromResult result) {
    ObjectNode json = Json.object();
    json.put("workload", result.workload());
    json.put("verdict", result.verdict().name());
    json.put("valid", result.isValid());
    json.put("explanation", result.explanation());
    json.put("seed", result.seed());
    json.put("rerun-command", result.rerunCommand());
    json.put("rerun-java", result.rerun());
    json.put("simulated-seconds", result.simulatedTime().toNanos() / 1e9);
    ObjectNode operations = json.putObject("operations");
    result
        .operations()
        .forEach(
            (function, outcomes) -> {
              ObjectNode counts = operations.putObject(function);
              outcomes.forEach((outcome, n) -> counts.put(outcome.name().toLowerCase(), n));
            });
    json.put("availability", result.availability());
    ObjectNode latencies = json.putObject("latency-ms");
    result.latencies().forEach((q, d) -> latencies.put(q, d.toNanos() / 1e6));
    MaelstromResult.NetworkStats net = result.network();
    ObjectNode network = json.putObject("net");
    traffic(network.putObject("all"), net.all()).put("msgs-per-op", net.messagesPerOperation());
    traffic(network.putObject("clients"), net.clients());
    traffic(network.putObject("servers"), net.servers())
        .put("msgs-per-op", net.serverMessagesPerOperation());
    json.set("faults", Json.tree(result.faults()));
    json.set("bad-replies", Json.tree(result.badReplies()));
    try {
      return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode traffic(ObjectNode json, MaelstromResult.Traffic traffic) {
    return json.put("send-count", traffic.sent())
        .put("recv-count", traffic.received())
        .put("msg-count", traffic.messages());
  }

  private static void writeLog(Path file, List<LogEvent> events) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LogEvent event : events) {
        out.write(Json.write(entry(event)));
        out.write('\n');
      }
    }
  }

  /** One log entry as JSON: its kind, sequence, time in ms, and its fields. */
  static JsonNode entry(LogEvent event) {
    ObjectNode json = Json.object();
    json.put("kind", event.getClass().getSimpleName());
    ObjectNode fields = Json.MAPPER.valueToTree(event);
    fields.remove("nanos");
    json.put("seq", event.seq());
    json.put("ms", Math.round(event.nanos() / 1e3) / 1e3); // to the microsecond
    fields.remove("seq");
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      json.set(field.getKey(), field.getValue());
    }
    return json;
  }

  /** Points {@code latest}, two levels up, at {@code dir}. */
  static void pointLatest(Path dir) {
    Path latest = dir.getParent().getParent().resolve("latest");
    try {
      Files.deleteIfExists(latest);
      Files.createSymbolicLink(latest, latest.getParent().relativize(dir));
    } catch (IOException | UnsupportedOperationException e) {
      // Only a convenience: the run's own directory is what its result names.
    }
  }
}
