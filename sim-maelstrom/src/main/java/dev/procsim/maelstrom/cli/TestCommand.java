package dev.procsim.maelstrom.cli;

import dev.procsim.check.ConsistencyModel;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromException;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.internal.run.RunDirectory;
import dev.procsim.maelstrom.internal.run.RunSettings;
import dev.procsim.maelstrom.internal.run.Runner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procsim test}: Maelstrom's {@code maelstrom test}, with its flag names, meanings and
 * defaults, plus procsim's seed, stepped runs and faults. Shows a progress bar while it runs and a
 * one-screen summary at the end, the verdict on the last line; exits 0 when valid, 1 invalid, 2
 * unknown (as Maelstrom), 254 for bad arguments and 255 when the test could not run.
 *
 * <pre>{@code
 * bin/procsim test -w broadcast --bin python3 broadcast.py --node-count 5 --time-limit 20 \
 *     --rate 10 --nemesis partition --seed 42 --stepped
 * }</pre>
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a Maelstrom node, unchanged, under one of Maelstrom's workloads, and checks the"
          + " history. Flags and defaults are Maelstrom's; --seed, --stepped, --loss,"
          + " --duplication and more nemesis faults are procsim's.",
      "Exit code: 0 valid, 1 invalid, 2 unknown, 254 bad arguments, 255 the test could not run"
          + " (a node that does not start or answer init)."
    },
    footer = {
      "",
      "Workloads: echo, unique-ids, broadcast, g-set, g-counter, pn-counter, kafka, lin-kv,"
          + " txn-list-append.",
      "Example: bin/procsim test -w echo --bin python3 echo.py --node-count 3 --time-limit 10"
    })
public final class TestCommand implements Callable<Integer> {
  /** Exit codes, as Maelstrom's. */
  static final int VALID = 0;

  static final int INVALID = 1;
  static final int UNKNOWN = 2;
  static final int BAD_ARGUMENTS = 254;
  static final int CRASHED = 255;

  @Option(
      names = {"-w", "--workload"},
      paramLabel = "NAME",
      description = "The workload (default: ${DEFAULT-VALUE}).")
  private String workload = "lin-kv";

  @Option(
      names = "--bin",
      arity = "1..*",
      paramLabel = "COMMAND",
      required = true,
      description =
          "The node's binary and its arguments, e.g. --bin python3 node.py (arguments that start"
              + " with - go after --).")
  private List<String> bin;

  @Parameters(paramLabel = "ARG", description = "More arguments for the node's binary.")
  private List<String> arguments = new ArrayList<>();

  @Option(
      names = "--node-count",
      paramLabel = "N",
      description = "Nodes n0 to n<N-1> (default: ${DEFAULT-VALUE}).")
  private int nodeCount = 5;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      description = "How long clients send operations (default: ${DEFAULT-VALUE}).")
  private double timeLimit = 60;

  @Option(
      names = "--rate",
      paramLabel = "OPS",
      description = "Operations per second, all clients together (default: ${DEFAULT-VALUE}).")
  private double rate = 5;

  @Option(
      names = "--concurrency",
      paramLabel = "N|Nn",
      description = "Clients: a number, or Nn for N per node (default: ${DEFAULT-VALUE}).")
  private String concurrency = "1n";

  @Option(
      names = "--latency",
      paramLabel = "MILLIS",
      description =
          "Mean latency between nodes, and between nodes and services (default: ${DEFAULT-VALUE}).")
  private long latency;

  @Option(
      names = "--latency-dist",
      paramLabel = "DIST",
      description = "constant, uniform or exponential (default: ${DEFAULT-VALUE}).")
  private String latencyDist = "constant";

  @Option(
      names = "--nemesis",
      paramLabel = "FAULTS",
      split = ",",
      description =
          "Faults, comma-separated: partition (Maelstrom's), partition-one,"
              + " partition-minority-third, partition-majority, partition-majorities-ring,"
              + " partition-bridge, partition-one-way, kill, pause.")
  private List<String> nemesis = new ArrayList<>();

  @Option(
      names = "--nemesis-interval",
      paramLabel = "SECONDS",
      description = "Mean time between two steps of one kind of fault (default: ${DEFAULT-VALUE}).")
  private double nemesisInterval = 10;

  @Option(
      names = "--topology",
      paramLabel = "NAME",
      description =
          "Broadcast's topology: grid, line, tree2, tree3, tree4, total (default: ${DEFAULT-VALUE}).")
  private String topology = "grid";

  @Option(
      names = "--availability",
      paramLabel = "total|SHARE",
      description =
          "The share of operations that must succeed: total, or 0 to 1 (default: not checked).")
  private String availability;

  @Option(
      names = "--key-count",
      paramLabel = "N",
      description = "Keys of lin-kv, kafka and txn-list-append (default: ${DEFAULT-VALUE}).")
  private int keyCount = 8;

  @Option(
      names = "--consistency-models",
      paramLabel = "MODELS",
      split = ",",
      description =
          "For txn-list-append: read-committed, serializable, strict-serializable; with several,"
              + " the strongest is checked (default: strict-serializable).")
  private List<String> consistencyModels = new ArrayList<>();

  @Option(names = "--log-stderr", description = "Echo the nodes' stderr to the console.")
  private boolean logStderr;

  @Option(
      names = "--test-count",
      paramLabel = "N",
      description =
          "Run the test N times, seeds one apart; stop at the first that is not valid (default: ${DEFAULT-VALUE}).")
  private int testCount = 1;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "procsim: the seed of every choice (default: a fresh one, always printed).")
  private Long seed;

  @Option(
      names = "--stepped",
      description =
          "procsim: run on the virtual clock, one message at a time; a seed then repeats the run exactly.")
  private boolean stepped;

  @Option(
      names = "--shrink",
      paramLabel = "SECONDS",
      description =
          "procsim: when a stepped run is not valid, spend up to this long finding the smallest"
              + " schedule that fails the same way (fewer faults and operations, no delays,"
              + " stopping earlier); prints it and the line that replays it.")
  private Double shrink;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "procsim: replay a stepped run's schedule (schedule.json or shrunk-schedule.json in its"
              + " directory) instead of drawing faults and operations; the other flags must be the"
              + " run's.")
  private Path replay;

  @Option(
      names = "--loss",
      paramLabel = "P",
      description =
          "procsim: probability that a message between nodes is lost (default: ${DEFAULT-VALUE}).")
  private double loss;

  @Option(
      names = "--duplication",
      paramLabel = "P",
      description =
          "procsim: probability that a message between nodes is duplicated (default: ${DEFAULT-VALUE}).")
  private double duplication;

  @Option(
      names = "--recovery",
      paramLabel = "SECONDS",
      description = "Quiet time before the final reads (default: ${DEFAULT-VALUE}).")
  private double recovery = 10;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "Where each run's directory goes (default: ${DEFAULT-VALUE}).")
  private Path store = RunDirectory.DEFAULT_ROOT;

  @Option(names = "--no-progress", description = "No progress bar.")
  private boolean noProgress;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli does this. */
  public TestCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunSettings settings;
    try {
      settings = settings(seed);
      new Runner(settings); // an unknown workload or topology fails here, before anything runs
    } catch (IllegalArgumentException e) {
      err.println("procsim test: " + e.getMessage());
      err.println("See bin/procsim test --help.");
      return BAD_ARGUMENTS;
    }
    int code = VALID;
    for (int run = 0; run < testCount && code == VALID; run++) {
      if (run > 0) {
        // A replay repeats its schedule's seed; otherwise the seeds are one apart.
        settings = settings(seed == null || replay != null ? seed : seed + run);
        out.println();
      }
      if (testCount > 1) {
        out.println("test " + (run + 1) + " of " + testCount);
      }
      code = runOnce(settings, out, err);
    }
    return code;
  }

  private int runOnce(RunSettings settings, PrintWriter out, PrintWriter err) {
    Runner runner = new Runner(settings);
    MaelstromResult result;
    try (ProgressBar bar = ProgressBar.start(runner::status, err, !noProgress)) {
      result = runner.run();
    } catch (MaelstromException e) {
      err.println("procsim test: " + e.getMessage());
      return CRASHED;
    }
    out.print(Summary.of(result));
    out.flush();
    return exitCode(result.verdict());
  }

  private RunSettings settings(Long runSeed) {
    List<String> command = new ArrayList<>(bin);
    command.addAll(arguments);
    Set<String> faults = new LinkedHashSet<>();
    nemesis.stream().map(String::trim).filter(f -> !f.isEmpty()).forEach(faults::add);
    return new RunSettings(
        workload,
        command,
        nodeCount,
        seconds(timeLimit, "--time-limit"),
        rate,
        RunSettings.concurrency(concurrency, nodeCount),
        Duration.ofMillis(requireNotNegative(latency, "--latency")),
        latencyDist,
        loss,
        duplication,
        faults,
        seconds(nemesisInterval, "--nemesis-interval"),
        topology,
        keyCount,
        consistency(),
        availability == null ? null : RunSettings.availability(availability),
        runSeed,
        stepped,
        seconds(recovery, "--recovery"),
        logStderr,
        store,
        replay == null ? null : RunSettings.Replay.of(replay),
        shrink == null ? null : seconds(shrink, "--shrink"));
  }

  private ConsistencyModel consistency() {
    ConsistencyModel strongest = null;
    for (String name : consistencyModels) {
      ConsistencyModel model;
      try {
        model = ConsistencyModel.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "no consistency model \""
                + name
                + "\"; there are read-committed, serializable, strict-serializable");
      }
      if (strongest == null || model.ordinal() > strongest.ordinal()) {
        strongest = model;
      }
    }
    return strongest == null ? ConsistencyModel.STRICT_SERIALIZABLE : strongest;
  }

  private static long requireNotNegative(long value, String flag) {
    if (value < 0) {
      throw new IllegalArgumentException(flag + " must not be negative: " + value);
    }
    return value;
  }

  private static Duration seconds(double value, String flag) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(flag + " must be a number of seconds, not " + value);
    }
    return Duration.ofNanos(Math.round(value * 1e9));
  }

  /** Exit code of a verdict, as Maelstrom's. */
  static int exitCode(Verdict verdict) {
    return switch (verdict) {
      case VALID -> VALID;
      case INVALID -> INVALID;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
