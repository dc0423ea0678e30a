package dev.procsim.maelstrom;

import dev.procsim.check.History;
import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import dev.procsim.core.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Maelstrom run found: the verdict and why, the seed and how to run it again, the history,
 * and Maelstrom's statistics (operations by function and outcome, availability, latencies, network
 * traffic), and where its files are.
 *
 * <pre>{@code
 * MaelstromResult result = MaelstromRun.builder().workload("echo").bin("python3", "echo.py").run();
 * if (!result.isValid()) {
 *   throw new AssertionError(result.summary());
 * }
 * }</pre>
 *
 * @param workload the workload's name
 * @param verdict valid, invalid or unknown
 * @param explanation why: the checker's reasons, then any other part that failed (an operation that
 *     never succeeded, too little availability, replies that broke the workload's schema)
 * @param seed the run's seed
 * @param stepped whether the run was on the virtual clock (then the seed repeats it exactly)
 * @param rerun the Java builder calls that run it again
 * @param rerunCommand the {@code bin/procsim test} line that runs it again
 * @param history every client operation
 * @param operations how many operations ended how, by function
 * @param latencies quantiles of the successful operations' latency: p50, p95, p99 and max
 * @param network message counts, as Maelstrom's {@code :net} statistics
 * @param badReplies replies that broke the workload's schema (each also makes the run invalid)
 * @param faults what the nemesis did, one line per fault started, its time counted from the
 *     clients' start (as the time limit and the schedule count it)
 * @param simulatedTime how long the run took in simulation time (virtual when stepped)
 * @param directory where {@code results.json}, the history and the log were written, if anywhere
 * @param shrunk what shrinking the failing run found, when it was asked for ({@code
 *     MaelstromRun.Builder.shrink})
 */
public record MaelstromResult(
    String workload,
    Verdict verdict,
    String explanation,
    long seed,
    boolean stepped,
    String rerun,
    String rerunCommand,
    History history,
    Map<String, Map<Outcome, Long>> operations,
    Map<String, Duration> latencies,
    NetworkStats network,
    List<String> badReplies,
    List<String> faults,
    Duration simulatedTime,
    Optional<Path> directory,
    Optional<Shrunk> shrunk) {
  /** Checks for nulls and copies the collections. */
  public MaelstromResult {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(rerun, "rerun");
    Objects.requireNonNull(rerunCommand, "rerunCommand");
    Objects.requireNonNull(history, "history");
    operations = Map.copyOf(operations);
    latencies = Map.copyOf(latencies);
    Objects.requireNonNull(network, "network");
    badReplies = List.copyOf(badReplies);
    faults = List.copyOf(faults);
    Objects.requireNonNull(simulatedTime, "simulatedTime");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(shrunk, "shrunk");
  }

  /**
   * What shrinking a failing stepped run found: the smallest schedule that still failed the same
   * way, what is left in it, and how to replay it.
   *
   * <pre>{@code
   * result.shrunk().ifPresent(s -> System.out.println(s.summary()));
   * // shrunk 14 faults and 212 operations to 1 fault and 2 operations in 37 runs (48 s); ...
   * }</pre>
   *
   * @param outcome the first line: what it shrank from and to, in how many runs and how long; or
   *     why it could not
   * @param kept the faults and operations left, in words (the first few)
   * @param runs how many runs the shrinking made
   * @param schedule the shrunk schedule's file ({@code shrunk-schedule.json}), or the failing run's
   *     own when it did not shrink
   * @param directory the run directory of the shrunk schedule's replay, with its report
   * @param replayCommand the {@code bin/procsim test} line that replays it, or empty
   */
  public record Shrunk(
      String outcome,
      List<String> kept,
      int runs,
      Optional<Path> schedule,
      Optional<Path> directory,
      String replayCommand) {
    /** Checks for nulls and copies the list. */
    public Shrunk {
      Objects.requireNonNull(outcome, "outcome");
      kept = List.copyOf(kept);
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(replayCommand, "replayCommand");
    }

    /** For a person: the outcome, what is left, the line that replays it, where its files are. */
    public String summary() {
      StringBuilder text = new StringBuilder(outcome);
      if (!kept.isEmpty()) {
        text.append(": ").append(String.join("; ", kept));
      }
      if (!replayCommand.isEmpty()) {
        text.append("\nreplay it: ").append(replayCommand);
      } else {
        schedule.ifPresent(file -> text.append("\nits schedule: ").append(file));
      }
      directory.ifPresent(dir -> text.append("\nthe shrunk run: ").append(dir));
      return text.toString();
    }
  }

  /** The same result, written into {@code dir}. */
  public MaelstromResult withDirectory(Path dir) {
    return with(Optional.of(dir), shrunk);
  }

  /** The same result, with what shrinking it found. */
  public MaelstromResult withShrunk(Shrunk found) {
    return with(directory, Optional.of(found));
  }

  private MaelstromResult with(Optional<Path> newDirectory, Optional<Shrunk> newShrunk) {
    return new MaelstromResult(
        workload,
        verdict,
        explanation,
        seed,
        stepped,
        rerun,
        rerunCommand,
        history,
        operations,
        latencies,
        network,
        badReplies,
        faults,
        simulatedTime,
        newDirectory,
        newShrunk);
  }

  /** The share of operations that succeeded, from 0 to 1 (1 when there were none). */
  public double availability() {
    long all = history.size();
    long ok = history.operations().stream().filter(op -> op.outcome() == Outcome.OK).count();
    return all == 0 ? 1 : (double) ok / all;
  }

  /** Whether the verdict is valid. */
  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  /**
   * For a person, the verdict first: what was found, the seed and the line that runs it again, and
   * where the files are.
   */
  public String summary() {
    StringBuilder text =
        new StringBuilder(workload).append(": ").append(verdict).append(": ").append(explanation);
    text.append("\nseed ").append(seed).append(stepped ? ", stepped" : ", real time");
    text.append("; run it again: ").append(rerunCommand);
    if (!stepped) {
      text.append(
          "\n(a real-time run repeats its operations and faults, not their timing; add --stepped"
              + " for a run that repeats exactly)");
    }
    text.append("\nJava: ").append(rerun);
    directory.ifPresent(dir -> text.append("\nresults: ").append(dir));
    shrunk.ifPresent(found -> text.append('\n').append(found.summary()));
    return text.toString();
  }

  /** The statistics as a few lines: operations, availability, latencies, messages, faults. */
  public String statistics() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(Locale.ROOT, "%-16s %8s %8s %8s%n", "operations", "ok", "fail", "info"));
    operations.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "%-16s %8d %8d %8d%n",
                        e.getKey(),
                        e.getValue().getOrDefault(Outcome.OK, 0L),
                        e.getValue().getOrDefault(Outcome.FAIL, 0L),
                        e.getValue().getOrDefault(Outcome.INFO, 0L))));
    text.append(
        String.format(
            Locale.ROOT,
            "availability     %.1f %% of operations succeeded%n",
            100 * availability()));
    if (!latencies.isEmpty()) {
      text.append("latency (ok)    ");
      for (String q : List.of("p50", "p95", "p99", "max")) {
        Duration d = latencies.get(q);
        if (d != null) {
          text.append(' ').append(q).append(' ').append(Durations.format(d)).append(',');
        }
      }
      text.setLength(text.length() - 1);
      text.append('\n');
    }
    text.append(
        String.format(
            Locale.ROOT,
            "messages         %d in all (%.2f per operation), %d between servers (%.2f per"
                + " operation)%n",
            network.all().messages(),
            network.messagesPerOperation(),
            network.servers().messages(),
            network.serverMessagesPerOperation()));
    text.append("simulated time   ").append(Durations.format(simulatedTime)).append('\n');
    if (!faults.isEmpty()) {
      text.append("faults           ").append(faults.size()).append(", from the clients' start: ");
      text.append(String.join("; ", faults.subList(0, Math.min(6, faults.size()))));
      if (faults.size() > 6) {
        text.append("; ...");
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * The run's messages as Maelstrom counts them: all of them; those to or from a client
   * (Maelstrom's clients and procsim's controller, which sends {@code init}); and those between
   * servers (node to node, node to service). Timers are not messages; a copy made by the network is
   * one more receipt of the same message.
   *
   * @param all every message
   * @param clients messages to or from a client
   * @param servers the rest: between nodes, and between nodes and services
   * @param operations client operations (final ones included), for the per-operation figures
   */
  public record NetworkStats(Traffic all, Traffic clients, Traffic servers, long operations) {
    /** Checks for nulls. */
    public NetworkStats {
      Objects.requireNonNull(all, "all");
      Objects.requireNonNull(clients, "clients");
      Objects.requireNonNull(servers, "servers");
    }

    /** Messages per operation, all traffic (Maelstrom's {@code :all :msgs-per-op}). */
    public double messagesPerOperation() {
      return operations == 0 ? 0 : (double) all.messages() / operations;
    }

    /** Messages between servers per operation (Maelstrom's {@code :servers :msgs-per-op}). */
    public double serverMessagesPerOperation() {
      return operations == 0 ? 0 : (double) servers.messages() / operations;
    }
  }

  /**
   * Counts of one kind of traffic.
   *
   * @param sent sends
   * @param received deliveries (a duplicate made by the network is one more)
   * @param messages distinct messages
   */
  public record Traffic(long sent, long received, long messages) {}
}
