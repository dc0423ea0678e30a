package dev.procsim.bench;

import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.JepsenEdn;
import dev.procsim.check.JepsenLog;
import dev.procsim.check.Linearizability;
import dev.procsim.check.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The linearizability checker on Porcupine's test histories: every history checked once to warm the
 * JVM up, then once timed; one line per history ({@code <file> <verdict> <milliseconds>}), the
 * totals, the slowest, and the heap the largest took. The histories are read from {@code
 * ../shared/data} (or the folder given as the first argument); without them it says so and does
 * nothing.
 *
 * <pre>{@code
 * mvn -q -Pbench-check -DskipTests package
 * java -cp ... dev.procsim.bench.CheckerBenchmark /path/to/porcupine
 * }</pre>
 */
public final class CheckerBenchmark {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private record Timed(String file, CheckResult result, double millis) {}

  private CheckerBenchmark() {}

  /** Runs it; the first argument, if any, is the folder of the histories. */
  public static void main(String[] args) throws IOException {
    Optional<Path> data = args.length > 0 ? Optional.of(Path.of(args[0])) : sharedData();
    if (data.isEmpty() || !Files.isDirectory(data.get())) {
      System.out.println(
          "checker benchmark skipped: no Porcupine histories (../shared/data/porcupine from the"
              + " repository's root, or a folder given as the argument)");
      return;
    }
    Map<String, String> expected = verdicts(data.get().resolve("VERDICTS.tsv"));
    Map<String, History> histories = read(data.get());
    for (Map.Entry<String, History> history : histories.entrySet()) {
      check(history.getKey(), history.getValue()); // warm-up
    }
    List<Timed> timed = new ArrayList<>();
    for (Map.Entry<String, History> history : histories.entrySet()) {
      long t0 = System.nanoTime();
      CheckResult result = check(history.getKey(), history.getValue());
      timed.add(new Timed(history.getKey(), result, (System.nanoTime() - t0) / 1e6));
    }
    System.out.printf(
        Locale.ROOT,
        "procsim linearizability checker: %d cores, Java %s, heap at most %d MB%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    double etcd = 0;
    double kv = 0;
    int mismatches = 0;
    Timed slowest = null;
    for (Timed t : timed) {
      String listed = expected.get(t.file());
      String mark = "";
      if (listed != null) {
        boolean same = listed.equals("true") == t.result().isValid();
        mark = same ? "" : "   <- Porcupine says " + (listed.equals("true") ? "VALID" : "INVALID");
        mismatches += same ? 0 : 1;
      }
      System.out.printf(
          Locale.ROOT, "%-22s %-8s %9.2f ms%s%n", t.file(), t.result().verdict(), t.millis(), mark);
      if (t.file().startsWith("jepsen/")) {
        etcd += t.millis();
      } else {
        kv += t.millis();
      }
      if (slowest == null || t.millis() > slowest.millis()) {
        slowest = t;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%ntotal: %,.0f ms for %d etcd histories, %,.0f ms for %d kv histories; slowest %s (%,.1f"
            + " ms); %d verdicts unlike Porcupine's listed ones%n",
        etcd,
        timed.stream().filter(t -> t.file().startsWith("jepsen/")).count(),
        kv,
        timed.stream().filter(t -> t.file().startsWith("kv/")).count(),
        slowest == null ? "-" : slowest.file(),
        slowest == null ? 0 : slowest.millis(),
        mismatches);
  }

  private static CheckResult check(String file, History history) {
    return file.startsWith("kv/")
        ? Linearizability.check(Models.kv(), history, LIMIT)
        : Linearizability.check(Models.casRegister(), history, LIMIT);
  }

  private static Map<String, History> read(Path data) throws IOException {
    Map<String, History> histories = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(data.resolve("jepsen"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        histories.put("jepsen/" + file.getFileName(), JepsenLog.read(file));
      }
    }
    try (Stream<Path> files = Files.list(data.resolve("kv"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        histories.put("kv/" + file.getFileName(), JepsenEdn.read(file));
      }
    }
    return histories;
  }

  private static Map<String, String> verdicts(Path file) throws IOException {
    Map<String, String> verdicts = new HashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.split("\t");
        if (fields.length == 2) {
          verdicts.put(fields[0], fields[1]);
        }
      }
    }
    return verdicts;
  }

  /** {@code ../shared/data/porcupine} from the root of the repository this runs in. */
  private static Optional<Path> sharedData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".ci")) && Files.exists(dir.resolve("pom.xml"))) {
        return Optional.of(dir.resolveSibling("shared").resolve("data").resolve("porcupine"));
      }
    }
    return Optional.empty();
  }
}
