package dev.procsim.maelstrom;

import dev.procsim.check.ConsistencyModel;
import dev.procsim.maelstrom.internal.run.RunDirectory;
import dev.procsim.maelstrom.internal.run.RunSettings;
import dev.procsim.maelstrom.internal.run.Runner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a Maelstrom node, unchanged, under one of Maelstrom's workloads inside procsim, and judges
 * the history with {@code sim-check}. Defaults are Maelstrom's: 5 nodes, 60 s, 5 operations per
 * second, one client per node, no latency, no nemesis, a 10 s nemesis interval, a 10 s recovery
 * before final reads. Added: a seed, a stepped run on the virtual clock (the same seed gives the
 * same history and verdict), and procsim's faults (loss, duplication, more partition shapes, {@code
 * kill}, {@code pause}). Each run leaves a directory with its results ({@link #builder()}'s {@code
 * store}).
 *
 * <pre>{@code
 * MaelstromResult result = MaelstromRun.builder()
 *     .workload("broadcast")
 *     .bin("python3", "broadcast.py")
 *     .nodeCount(5)
 *     .timeLimit(Duration.ofSeconds(10))
 *     .rate(10)
 *     .latency(Duration.ofMillis(10))
 *     .nemesis("partition")
 *     .seed(42)
 *     .stepped()
 *     .run();
 * result.verdict();
 * }</pre>
 */
public final class MaelstromRun {
  private MaelstromRun() {}

  /** A builder with Maelstrom's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects a run's settings; {@link #run()} runs it. */
  public static final class Builder {
    private String workload;
    private List<String> command = List.of();
    private int nodeCount = 5;
    private Duration timeLimit = Duration.ofSeconds(60);
    private double rate = 5;
    private String concurrency = "1n";
    private Duration latency = Duration.ZERO;
    private String latencyDistribution = "constant";
    private double loss;
    private double duplication;
    private final Set<String> nemesis = new LinkedHashSet<>();
    private Duration nemesisInterval = Duration.ofSeconds(10);
    private String topology = "grid";
    private int keyCount = 8;
    private ConsistencyModel consistency = ConsistencyModel.STRICT_SERIALIZABLE;
    private Double availability;
    private Path store = RunDirectory.DEFAULT_ROOT;
    private Long seed;
    private boolean stepped;
    private Duration recovery = Duration.ofSeconds(10);
    private boolean logStderr;
    private Path replay;
    private Duration shrink;

    private Builder() {}

    /** Maelstrom's workload name: echo, unique-ids, broadcast, g-set, g-counter, ... */
    public Builder workload(String name) {
      this.workload = Objects.requireNonNull(name, "workload");
      return this;
    }

    /** The node's command and arguments, as Maelstrom's {@code --bin} and what follows it. */
    public Builder bin(String... command) {
      this.command = List.copyOf(Arrays.asList(command));
      return this;
    }

    /** How many nodes, {@code n0} to {@code n<count-1>}. */
    public Builder nodeCount(int count) {
      this.nodeCount = count;
      return this;
    }

    /** How long clients send operations. */
    public Builder timeLimit(Duration limit) {
      this.timeLimit = Objects.requireNonNull(limit, "timeLimit");
      return this;
    }

    /** Operations per second, all clients together. */
    public Builder rate(double operationsPerSecond) {
      this.rate = operationsPerSecond;
      return this;
    }

    /** How many clients (default: one per node). */
    public Builder concurrency(int clients) {
      this.concurrency = Integer.toString(clients);
      return this;
    }

    /**
     * How many clients, as Maelstrom's {@code --concurrency}: a number ({@code "10"}) or a multiple
     * of the node count ({@code "2n"}); {@code "1n"} by default.
     */
    public Builder concurrency(String clients) {
      this.concurrency = Objects.requireNonNull(clients, "concurrency");
      return this;
    }

    /** The mean latency of messages between nodes. */
    public Builder latency(Duration mean) {
      this.latency = Objects.requireNonNull(mean, "latency");
      return this;
    }

    /** The latency's distribution: constant, uniform or exponential. */
    public Builder latencyDistribution(String distribution) {
      this.latencyDistribution = Objects.requireNonNull(distribution, "distribution");
      return this;
    }

    /** Probability that a message between nodes is lost (procsim's). */
    public Builder loss(double probability) {
      this.loss = probability;
      return this;
    }

    /** Probability that a message between nodes is duplicated (procsim's). */
    public Builder duplication(double probability) {
      this.duplication = probability;
      return this;
    }

    /**
     * Faults to inject, by name or comma-separated: Maelstrom's {@code partition}; procsim's {@code
     * partition-one}, {@code partition-minority-third}, {@code partition-majority}, {@code
     * partition-majorities-ring}, {@code partition-bridge}, {@code partition-one-way}, {@code kill}
     * and {@code pause}. Only nodes are struck, never clients or services.
     */
    public Builder nemesis(String... faults) {
      for (String fault : faults) {
        for (String name : fault.split("\\s*,\\s*")) {
          if (!name.isBlank()) {
            nemesis.add(name.trim());
          }
        }
      }
      return this;
    }

    /** The mean time between two steps of one kind of fault (a start, then its end). */
    public Builder nemesisInterval(Duration interval) {
      this.nemesisInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Broadcast's topology: grid, line, tree2, tree3, tree4 or total. */
    public Builder topology(String name) {
      this.topology = Objects.requireNonNull(name, "topology");
      return this;
    }

    /** Keys of lin-kv, kafka and txn-list-append. */
    public Builder keyCount(int keys) {
      this.keyCount = keys;
      return this;
    }

    /** The model txn-list-append is checked against. */
    public Builder consistency(ConsistencyModel model) {
      this.consistency = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The seed of every choice: faults, operations, latencies. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The share of operations that must succeed for a valid run, from 0 to 1, or {@code "total"}
     * for all of them, as Maelstrom's {@code --availability}; not checked by default.
     */
    public Builder availability(String share) {
      this.availability = RunSettings.availability(Objects.requireNonNull(share, "availability"));
      return this;
    }

    /**
     * Where run directories go ({@code <store>/<workload>/<time>/}, with {@code results.json}, the
     * history, the log and the nodes' stderr); {@code target/procsim/maelstrom} by default, null
     * for none.
     */
    public Builder store(Path directory) {
      this.store = directory;
      return this;
    }

    /** On the virtual clock: a seed then repeats the run exactly. */
    public Builder stepped() {
      this.stepped = true;
      return this;
    }

    /** The quiet time before a converging workload's final operations (Maelstrom: 10 s). */
    public Builder recovery(Duration quiet) {
      this.recovery = Objects.requireNonNull(quiet, "recovery");
      return this;
    }

    /** Echoes the nodes' stderr to the console, as Maelstrom's {@code --log-stderr}. */
    public Builder logStderr(boolean enabled) {
      this.logStderr = enabled;
      return this;
    }

    /**
     * Replays the schedule a stepped run wrote ({@code schedule.json} in its directory, or a shrunk
     * one): the network's decisions, the nemesis's faults at their times and the clients'
     * operations, instead of drawing them from the seed. The run is stepped and has the schedule's
     * seed; the other settings must be those of the run that wrote it.
     */
    public Builder replay(Path schedule) {
      this.replay = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * When a stepped run is not valid, shrinks it for at most {@code budget}: runs it again with
     * fewer faults and client operations (delta debugging), without its delays, and stopping
     * earlier, keeping each smaller schedule that fails the same way (the same verdict and the same
     * parts of the explanation, numbers aside). The result's {@link MaelstromResult#shrunk()} says
     * what was left and the line that replays it.
     */
    public Builder shrink(Duration budget) {
      this.shrink = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /**
     * Runs the test and returns its judged result.
     *
     * @throws IllegalArgumentException for a setting that cannot be, naming it
     * @throws MaelstromException when the nodes cannot be started or initialized
     */
    public MaelstromResult run() {
      return new Runner(settings()).run();
    }

    /** The settings, checked. */
    RunSettings settings() {
      return new RunSettings(
          workload,
          command,
          nodeCount,
          timeLimit,
          rate,
          RunSettings.concurrency(concurrency, nodeCount),
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
          seed,
          stepped,
          recovery,
          logStderr,
          store,
          replay == null ? null : RunSettings.Replay.of(replay),
          shrink);
    }
  }
}
