package dev.procsim.maelstrom.cli;

import dev.procsim.junit.internal.SweepMerge;
import dev.procsim.junit.internal.SweepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procsim sweep-report <dirs...>}: finds the sweep summaries under each directory (as CI
 * jobs leave them, at any depth), merges those of each test into one, prints it, and writes it.
 *
 * <pre>{@code
 * bin/procsim sweep-report shard-1/target/procsim shard-2/target/procsim
 * }</pre>
 */
@Command(
    name = "sweep-report",
    mixinStandardHelpOptions = true,
    description = {
      "Merges the summaries of a sweep's shards (target/procsim/sweeps/*.json, one per test and"
          + " shard) into one per test: seeds run, passed, failed, failures by kind, slowest seeds.",
      "Says when a shard is missing or a seed ran twice.",
      "Exit code: 0 every seed passed and the summaries are complete; 1 some seed failed (whatever"
          + " else); 2 no seed failed but the summaries are incomplete or unreadable, or the command"
          + " could not run (bad arguments, an output directory it cannot write)."
    })
public final class SweepReportCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Directories (searched at any depth) or summary files to merge.")
  private List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Where the merged summaries go, one JSON file per test (default: ${DEFAULT-VALUE}).")
  private Path output = Path.of("target/procsim/sweeps-merged");

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli does this. */
  public SweepReportCommand() {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return report(spec.commandLine().getOut(), err);
    } catch (IOException | UncheckedIOException e) {
      err.println("procsim sweep-report: " + e.getMessage());
      return 2;
    }
  }

  private int report(PrintWriter out, PrintWriter err) throws IOException {
    List<String> unreadable = new ArrayList<>();
    List<SweepSummary> summaries = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        unreadable.add(input + ": no such file or directory");
        continue;
      }
      for (Path file : jsonFiles(input)) {
        try {
          summaries.add(SweepSummaryReader.read(file));
        } catch (SweepSummaryReader.NotASummary other) {
          // Some other JSON beside the summaries (a CI artifact holds more): not ours to judge.
        } catch (IOException e) {
          unreadable.add(e.getMessage());
        }
      }
    }
    if (summaries.isEmpty()) {
      unreadable.forEach(problem -> err.println("procsim sweep-report: " + problem));
      err.println(
          "procsim sweep-report: no sweep summary found in "
              + inputs
              + " (a sweep writes target/procsim/sweeps/<test>.json when it ends)");
      return 2;
    }
    List<SweepMerge> merges = SweepMerge.of(summaries);
    boolean failed = false;
    boolean incomplete = !unreadable.isEmpty();
    Files.createDirectories(output);
    for (SweepMerge merge : merges) {
      SweepSummary merged = merge.summary();
      Path file = output.resolve(merged.test().replace('#', '.') + ".json");
      Files.writeString(file, merged.json(), StandardCharsets.UTF_8);
      if (merge != merges.get(0)) {
        out.println();
      }
      out.println(merge.text());
      out.println("  merged summary: " + file);
      failed |= merged.count(dev.procsim.junit.internal.SeedResult.Outcome.FAILED) > 0;
      incomplete |= !merge.isComplete();
    }
    for (String problem : unreadable) {
      out.println("UNREADABLE, left out: " + problem);
    }
    return failed ? 1 : incomplete ? 2 : 0;
  }

  /** The JSON files under {@code input}, at any depth, but not in the output directory. */
  private List<Path> jsonFiles(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    Path merged = output.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(input)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.toAbsolutePath().normalize().startsWith(merged))
          .sorted()
          .toList();
    }
  }
}
