package dev.procsim.maelstrom.internal.run;

import dev.procsim.check.ConsistencyModel;
import dev.procsim.maelstrom.internal.workload.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Everything a Maelstrom run is made of, as {@code MaelstromRun.Builder} collects it and the
 * command line parses it. The defaults are Maelstrom's ({@link #defaults()}).
 *
 * <pre>{@code
 * new Runner(settings).run();
 * }</pre>
 *
 * @param workload Maelstrom's workload name
 * @param command the node's command and arguments
 * @param nodeCount nodes {@code n0 ... n<count-1>}
 * @param timeLimit how long clients send operations (simulation time)
 * @param rate operations per second, all clients together (0: the clients stay idle)
 * @param concurrency the number of clients
 * @param latency the mean latency of a message between nodes (and between nodes and services)
 * @param latencyDistribution constant, uniform or exponential
 * @param loss probability that a message between nodes is lost (procsim's)
 * @param duplication probability that a message between nodes is duplicated (procsim's)
 * @param nemesis faults, by the names of {@link NemesisFaults#NAMES}
 * @param nemesisInterval the mean time between two actions of one kind of fault
 * @param topology broadcast's topology
 * @param keyCount keys of lin-kv, kafka and txn-list-append
 * @param consistency txn-list-append's model
 * @param availability the share of operations that must succeed, from 0 to 1, or null for none
 * @param seed the seed, or null for a fresh one
 * @param stepped whether the run is on the virtual clock
 * @param recovery the quiet time before a converging workload's final operations
 * @param logStderr whether the nodes' stderr is echoed to the console
 * @param store where run directories go, or null to write none
 * @param replay a schedule to replay instead of drawing faults and operations from the seed, or
 *     null; a replay is stepped and has the schedule's seed
 * @param shrink how long a failing stepped run may spend shrinking its schedule, or null for no
 *     shrinking
 */
public record RunSettings(
    String workload,
    List<String> command,
    int nodeCount,
    Duration timeLimit,
    double rate,
    int concurrency,
    Duration latency,
    String latencyDistribution,
    double loss,
    double duplication,
    Set<String> nemesis,
    Duration nemesisInterval,
    String topology,
    int keyCount,
    ConsistencyModel consistency,
    Double availability,
    Long seed,
    boolean stepped,
    Duration recovery,
    boolean logStderr,
    Path store,
    Replay replay,
    Duration shrink) {
  /** The latency distributions, as Maelstrom's {@code --latency-dist} names them. */
  public static final List<String> DISTRIBUTIONS = List.of("constant", "uniform", "exponential");

  /** Maelstrom's defaults (5 nodes, 60 s, 5 ops/s, one client per node, ...), for {@code echo}. */
  public static RunSettings defaults() {
    return new RunSettings(
        "echo",
        List.of("true"),
        5,
        Duration.ofSeconds(60),
        5,
        5,
        Duration.ZERO,
        "constant",
        0,
        0,
        Set.of(),
        Duration.ofSeconds(10),
        "grid",
        8,
        ConsistencyModel.STRICT_SERIALIZABLE,
        null,
        null,
        false,
        Duration.ofSeconds(10),
        false,
        RunDirectory.DEFAULT_ROOT,
        null,
        null);
  }

  /**
   * A schedule to replay and the file it came from (null when it was made in memory, as a shrink
   * makes its candidates).
   *
   * @param schedule the schedule
   * @param file where it was read from, or null
   */
  public record Replay(MaelstromSchedule schedule, Path file) {
    /** Checks the schedule. */
    public Replay {
      Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * Reads the schedule in {@code file}; an {@link IllegalArgumentException} names what is wrong.
     */
    public static Replay of(Path file) {
      try {
        return new Replay(MaelstromSchedule.read(file), file);
      } catch (java.io.UncheckedIOException e) {
        String why =
            e.getCause() instanceof java.nio.file.NoSuchFileException
                ? "there is no such file"
                : e.getCause().toString();
        throw new IllegalArgumentException("cannot read the schedule " + file + ": " + why, e);
      }
    }
  }

  /** Checks every value, with a message that names it. */
  public RunSettings {
    if (workload == null) {
      throw new IllegalArgumentException(
          "no workload: name one of Maelstrom's: " + String.join(", ", Workloads.NAMES));
    }
    command = List.copyOf(command);
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "no node command: give the node's binary and its arguments, as Maelstrom's --bin");
    }
    if (nodeCount < 1) {
      throw new IllegalArgumentException("the node count must be at least 1, not " + nodeCount);
    }
    requirePositive(timeLimit, "time limit");
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "the rate must be 0 or more operations per second, not " + rate);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException(
          "the concurrency must be at least 1 client, not " + concurrency);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("the latency must not be negative: " + latency);
    }
    if (!DISTRIBUTIONS.contains(latencyDistribution)) {
      throw new IllegalArgumentException(
          "no latency distribution \""
              + latencyDistribution
              + "\"; there are "
              + String.join(", ", DISTRIBUTIONS));
    }
    requireProbability(loss, "loss");
    requireProbability(duplication, "duplication");
    nemesis = Set.copyOf(nemesis);
    for (String fault : nemesis) {
      if (!NemesisFaults.NAMES.contains(fault)) {
        throw new IllegalArgumentException(
            "no nemesis fault \""
                + fault
                + "\"; there are "
                + String.join(", ", NemesisFaults.NAMES));
      }
    }
    requirePositive(nemesisInterval, "nemesis interval");
    Objects.requireNonNull(topology, "topology");
    if (keyCount < 1) {
      throw new IllegalArgumentException("the key count must be at least 1, not " + keyCount);
    }
    Objects.requireNonNull(consistency, "consistency");
    if (availability != null && !(availability >= 0 && availability <= 1)) {
      throw new IllegalArgumentException(
          "the availability must be between 0 and 1 (or total), not " + availability);
    }
    if (recovery.isNegative()) {
      throw new IllegalArgumentException("the recovery time must not be negative: " + recovery);
    }
    if (replay != null) {
      long scheduled = replay.schedule().network().seed();
      if (seed != null && seed != scheduled) {
        throw new IllegalArgumentException(
            "the seed "
                + seed
                + " is not the seed of the schedule to replay ("
                + scheduled
                + "): give no seed with a replay, or that one");
      }
      seed = scheduled;
      stepped = true;
      String mismatch = replay.schedule().shape().mismatch(workload, nodeCount, concurrency);
      if (!mismatch.isEmpty()) {
        throw new IllegalArgumentException(
            "the schedule to replay"
                + (replay.file() == null ? "" : " (" + replay.file() + ")")
                + " is of another run: "
                + mismatch
                + "; give the flags of the run that wrote it");
      }
    }
    if (shrink != null) {
      requirePositive(shrink, "shrinking time budget");
    }
  }

  /**
   * These settings replaying {@code replay} (a shrink's candidate) for {@code limit}, not
   * shrinking, their run directory under {@code storeIn} (null: none).
   */
  RunSettings replaying(Replay replay, Duration limit, Path storeIn) {
    return new RunSettings(
        workload,
        command,
        nodeCount,
        limit,
        rate,
        concurrency,
        latency,
        latencyDistribution,
        loss,
        duplication,
        nemesis,
        nemesisInterval,
        topology,
        keyCount,
        consistency,
        availability,
        null,
        true,
        recovery,
        false,
        storeIn,
        replay,
        null);
  }

  /**
   * A client count written as Maelstrom writes it: a number ({@code 10}) or a multiple of the node
   * count ({@code 2n}).
   *
   * @throws IllegalArgumentException for anything else, saying what is expected
   */
  public static int concurrency(String text, int nodeCount) {
    String trimmed = text.trim();
    try {
      if (trimmed.endsWith("n")) {
        return Math.multiplyExact(
            Integer.parseInt(trimmed.substring(0, trimmed.length() - 1)), nodeCount);
      }
      return Integer.parseInt(trimmed);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "the concurrency \""
              + text
              + "\" is neither a number of clients (10) nor a multiple of the node count (2n)");
    }
  }

  /**
   * Maelstrom's availability option: {@code total} (every operation must succeed) or a share from 0
   * to 1.
   */
  public static double availability(String text) {
    if (text.trim().equals("total")) {
      return 1.0;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the availability \"" + text + "\" is neither total nor a share from 0 to 1 (0.99)");
    }
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive: " + duration);
    }
  }

  private static void requireProbability(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "the " + what + " probability must be in [0, 1], not " + p);
    }
  }

  /** The node names, {@code n0} to {@code n<count-1>}. */
  public List<String> nodes() {
    return IntStream.range(0, nodeCount).mapToObj(i -> "n" + i).toList();
  }

  /** The client names, {@code c0} to {@code c<concurrency-1>}. */
  public List<String> clients() {
    return IntStream.range(0, concurrency).mapToObj(i -> "c" + i).toList();
  }
}
