package dev.procsim.core;

import dev.procsim.core.internal.assembly.Assembly;
import dev.procsim.core.internal.assembly.ComponentDeclaration;
import dev.procsim.core.internal.assembly.Lifecycle;
import dev.procsim.core.internal.assembly.SimulationConfig;
import dev.procsim.core.internal.assembly.SimulationDraft;
import dev.procsim.core.internal.process.ProcessTree;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A simulated distributed system whose components are OS processes (or Java objects: {@link Node}).
 * A process sends by writing a line to stdout ({@code send <target> <message>} in the default
 * {@link WireProtocol#LINE line protocol}); procsim routes it to the target's stdin through a
 * network that can delay, drop, duplicate and cut messages, and records everything in the {@link
 * #log() message log}. {@link #builder()} → {@link Builder#build()} → {@link #start()} → {@link
 * #close()}, which ends every process tree (so does a JVM shutdown hook, for what is left open).
 *
 * <pre>{@code
 * Simulator sim = Simulator.builder()
 *     .seed(42)
 *     .component("p1", "python3", "-c", "print('send p2 Hello from p1')")
 *     .component("p2", "python3", "-c", "import sys; print(sys.stdin.readline())")
 *     .build()
 *     .start();
 * try (sim) {
 *   Message m = sim.log().awaitMessage(
 *       msg -> msg.to().equals("p2") && msg.fate() == Fate.DELIVERED, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The environment every process gets: see {@link ComponentSpec}.
 */
public final class Simulator implements AutoCloseable {
  /** How long {@link #close()} waits after closing stdin, and again after SIGTERM. */
  public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofMillis(500);

  /** Longest stdout or stderr line, in bytes, before it is cut. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

  /** How long a step of a stepped run waits for a component to become idle. */
  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

  /** How long a stepped run may hold pending deliveries, undriven, before procsim warns. */
  public static final Duration DEFAULT_STALL_WARNING = Duration.ofSeconds(5);

  /** Most lines kept of each component's stdout, and of its stderr; the rest are counted. */
  public static final int DEFAULT_OUTPUT_LIMIT = 100_000;

  /** Most output text kept of one component (stdout and stderr lines), in bytes: 32 MiB. */
  public static final long DEFAULT_OUTPUT_PER_COMPONENT = 32L << 20;

  /** Most output text kept of all components of a simulation, in bytes: 256 MiB. */
  public static final long DEFAULT_OUTPUT_PER_SIMULATION = 256L << 20;

  /** Most messages waiting to be written to one component's stdin before new ones are refused. */
  public static final int DEFAULT_STDIN_BACKLOG = 100_000;

  private final Assembly assembly;
  private final Lifecycle lifecycle;

  private Simulator(SimulationConfig config) {
    this.assembly = new Assembly(config);
    this.lifecycle = new Lifecycle(assembly);
  }

  /** A builder for a simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every component (stepped: one at a time, each idle before the next) and returns this.
   *
   * @throws SimulationException naming the component that cannot start; nothing is left running
   * @throws IllegalStateException when already started or closed
   */
  public Simulator start() {
    lifecycle.start();
    return this;
  }

  /** Whether this simulation runs stepped (see {@link Builder#stepped()}). */
  public boolean isStepped() {
    return assembly.scheduler().isStepped();
  }

  /**
   * Runs a stepped run until it is quiet (every component idle, nothing waiting); an {@link
   * AssertionError} after {@code timeout}. A stepped run advances only while the test waits.
   */
  public void awaitQuiescence(Duration timeout) {
    lifecycle.requireRunning();
    assembly.scheduler().awaitQuiescence(timeout);
  }

  /** Takes up to {@code steps} more steps of a stepped run (fewer if it goes quiet or stalls). */
  public long advance(int steps) {
    lifecycle.requireRunning();
    return assembly.scheduler().advance(steps);
  }

  /**
   * Runs a stepped run until its virtual clock reads {@code time}: what is due by then happens,
   * nothing due later; an {@link AssertionError} when that takes longer than {@code timeout}.
   */
  public void advanceUntil(Duration time, Duration timeout) {
    lifecycle.requireRunning();
    assembly.scheduler().advanceUntil(time, timeout);
  }

  /** How many steps a stepped run has taken (0 in real time). */
  public long steps() {
    return assembly.scheduler().steps();
  }

  /** The simulation time now: since the start in real time, the virtual clock when stepped. */
  public Duration now() {
    return Duration.ofNanos(assembly.scheduler().clock().nanos());
  }

  /**
   * Every decision this stepped run has made so far (the network's faults and delays, the nemesis's
   * faults with their steps, the message of each step), to write down and {@link Builder#replay
   * replay}: the same schedule repeats the run exactly, and one with faults left out is a smaller
   * run.
   *
   * @throws IllegalStateException in a real-time run, which records no schedule
   */
  public Schedule schedule() {
    var recorder = assembly.decisions().recorder();
    if (recorder == null) {
      throw new IllegalStateException(
          "a schedule is recorded in stepped runs only: build the simulator with stepped()");
    }
    return recorder.schedule();
  }

  /**
   * Writes a picture of the run so far to {@code file}: one self-contained HTML page with its
   * space-time diagram ({@link RunReport}, where a title, a failure or client operations can be
   * added). Returns the file.
   */
  public Path writeReport(Path file) {
    return RunReport.of(this).write(file);
  }

  /** The simulation seed: the one given to the builder, or the random one chosen for this run. */
  public long seed() {
    return assembly.config().seed();
  }

  /** The id in every process's {@code PROCSIM_RUN} variable, unique to this simulator. */
  public String runId() {
    return assembly.runId();
  }

  /**
   * The component named so (a Java node's pid is -1); unknown: an exception listing the names. Hold
   * it as a {@link ComponentHandle}; its type is the deprecated {@code Component} only so that code
   * written before {@code ComponentHandle} still compiles.
   */
  @SuppressWarnings("deprecation")
  public Component component(String name) {
    return assembly.component(name);
  }

  /** All components, in the order they were declared. */
  @SuppressWarnings("deprecation")
  public List<Component> components() {
    return List.copyOf(assembly.components());
  }

  /**
   * Injects a message as if {@code from} (one word, often {@code "test"}) had sent it and returns
   * it as logged. An unknown target, a blank sender or a line break in the body is an {@link
   * IllegalArgumentException}.
   */
  public Message send(String from, String to, String body) {
    return assembly.inject(from, to, body, lifecycle);
  }

  /** Replaces the network's fault model for messages sent from now on (in flight keep theirs). */
  public void network(Network newNetwork) {
    lifecycle.faults().network(Objects.requireNonNull(newNetwork, "network"));
  }

  /** The network's current fault model (the builder's until changed). */
  public Network network() {
    return lifecycle.faults().network();
  }

  /**
   * Partitions the components: different sides cannot talk, either way; the unlisted form one more
   * side. Replaces the previous partition (cuts stay). A message crossing it when due is {@link
   * Fate#DROPPED} with the partition as reason. Names must be components, each on one side.
   */
  @SafeVarargs
  public final void partition(Collection<String>... sides) {
    lifecycle.faults().partition(List.of(sides));
  }

  /**
   * Partitions the components in a named shape, who goes where chosen by the seed; returns what was
   * chosen, e.g. {@code "[n3] | [n1, n2, n4, n5]"}. Replaces the previous partition.
   */
  public String partition(PartitionShape shape) {
    return lifecycle.faults().partition(Objects.requireNonNull(shape, "shape")).description();
  }

  /** Takes down {@code from -> to} only ({@code to -> from} still flows) until {@link #heal()}. */
  public void cut(String from, String to) {
    lifecycle.faults().cut(from, to);
  }

  /** Lifts the partition and every cut: all links are up again. Logged. */
  public void heal() {
    lifecycle.faults().heal();
  }

  /**
   * Starts a nemesis, its choices from the seed, until {@link #healAll()} or {@link #close()}; an
   * {@link IllegalStateException} when one is already running or the simulator is not running.
   */
  public void startNemesis(Nemesis plan) {
    lifecycle.faults().startNemesis(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Ends every fault for a liveness phase: stops the nemesis, heals partitions and cuts, resumes
   * the paused and restarts the crashed. The {@link #network(Network) fault model} stays.
   */
  public void healAll() {
    lifecycle.faults().healAll();
  }

  /** Everything that happened, as it happens. Usable before {@link #start()} and after close. */
  public MessageLog log() {
    return assembly.log();
  }

  /**
   * Ends every process tree: closes stdins, waits {@link Builder#closeGrace}, SIGTERM, waits,
   * SIGKILL. Undelivered messages become {@link Fate#UNDELIVERABLE}; the log is final. Idempotent,
   * and it finishes even when the thread is interrupted (the interrupt is kept).
   */
  @Override
  public void close() {
    lifecycle.close();
  }

  /**
   * The live processes whose {@code PROCSIM_RUN} starts with {@code runIdPrefix} (Linux; empty
   * elsewhere): none for {@link #runId()} after close; {@code "procsim-<jvm pid>-"} for all runs.
   */
  public static List<ProcessHandle> processesOf(String runIdPrefix) {
    return ProcessTree.findByRunPrefix(Objects.requireNonNull(runIdPrefix, "runIdPrefix"));
  }

  @Override
  public String toString() {
    return String.format(
        "Simulator[seed=%d, run=%s, components=%s]", seed(), runId(), assembly.knownNames());
  }

  /**
   * Configures a {@link Simulator}. Defaults: a random seed, the {@link WireProtocol#LINE line
   * protocol}, real time, echo to {@code System.out}, the {@code DEFAULT_*} limits.
   *
   * <pre>{@code
   * Simulator sim = Simulator.builder()
   *     .seed(7)
   *     .component("a", "python3", "node.py")
   *     .node("kv", KvMock::new)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final SimulationDraft draft = new SimulationDraft();

    private Builder() {}

    /**
     * Runs stepped, for determinism: each step waits until the last target is idle (by {@link
     * ComponentSpec#withAcks() acknowledgements}, black-box observation on Linux, or a Java node's
     * handler returning), then delivers one due message chosen by the seed, on a virtual clock. One
     * seed then gives one log ({@link MessageLog#fingerprint()}) for deterministic components.
     */
    public Builder stepped() {
      draft.stepped = true;
      return this;
    }

    /**
     * Replays {@code schedule}: the run is stepped, has the schedule's seed, and makes the
     * schedule's decisions instead of drawing them (a message it does not list is delivered at
     * once; its nemesis faults come at their steps instead of the seed's). The test's own faults
     * are the test's: they happen again as it makes them.
     */
    public Builder replay(Schedule schedule) {
      draft.replay = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** Replays the schedule in {@code file} (see {@link #replay(Schedule)}). */
    public Builder replay(java.nio.file.Path file) {
      return replay(Schedule.read(file));
    }

    /** How long a step waits for a component to become idle before reporting it and going on. */
    public Builder stepTimeout(Duration timeout) {
      draft.stepTimeout = SimulationConfig.positive(timeout, "the step timeout");
      return this;
    }

    /** After how long undriven, with deliveries pending, a stepped run warns that it is held. */
    public Builder stallWarning(Duration after) {
      draft.stallWarning = SimulationConfig.positive(after, "the stall warning");
      return this;
    }

    /** A nemesis that starts with the simulator and injects faults until {@link #healAll()}. */
    public Builder nemesis(Nemesis nemesis) {
      draft.nemesis = Objects.requireNonNull(nemesis, "nemesis");
      return this;
    }

    /** The network's fault model; {@link Network#reliable()} by default. */
    public Builder network(Network network) {
      draft.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /** Fixes the simulation seed; without it a random seed is chosen (and reported). */
    public Builder seed(long seed) {
      draft.seed = seed;
      return this;
    }

    /** The wire protocol of every process component that does not choose its own. */
    public Builder protocol(WireProtocol protocol) {
      draft.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Every process component reads {@code <from> <message>}: see {@link
     * ComponentSpec#withSenderNames()}.
     */
    public Builder senderNames() {
      draft.senderNames = true;
      return this;
    }

    /** Adds a process component running {@code command}; names must be unique. */
    public Builder component(String name, String... command) {
      return component(ComponentSpec.of(name, command));
    }

    /** Adds a process component; names must be unique. */
    public Builder component(ComponentSpec spec) {
      return declare(new ComponentDeclaration.Process(Objects.requireNonNull(spec, "spec")));
    }

    /** Adds a Java component: {@code factory} builds it at start and at every restart. */
    public Builder node(String name, Supplier<? extends Node> factory) {
      return declare(new ComponentDeclaration.JavaNode(name, factory));
    }

    private Builder declare(ComponentDeclaration declaration) {
      draft.declare(declaration);
      return this;
    }

    /** Whether components' output is echoed, prefixed by their names; on by default. */
    public Builder echo(boolean enabled) {
      draft.echo = enabled;
      return this;
    }

    /** Echoes components' output to {@code out} instead of {@code System.out}. */
    public Builder echoTo(PrintStream out) {
      draft.echoTo = Objects.requireNonNull(out, "out");
      draft.echo = true;
      return this;
    }

    /**
     * Starts every echoed line with {@code prefix}, to tell apart simulations that echo to one
     * console at once: {@code echoPrefix("[LeaderTest seed 42] ")} prints {@code [LeaderTest seed
     * 42] n1: elected}. The JUnit extension sets it when tests run in parallel.
     */
    public Builder echoPrefix(String prefix) {
      draft.echoPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** How long {@link Simulator#close()} waits after closing stdin, and after SIGTERM. */
    public Builder closeGrace(Duration grace) {
      draft.closeGrace = SimulationConfig.notNegative(grace, "the close grace");
      return this;
    }

    /** Longest stdout or stderr line in bytes (at least 64); longer lines are cut and reported. */
    public Builder maxLineLength(int bytes) {
      draft.maxLineLength = SimulationConfig.atLeast(bytes, 64, "the maximum line length in bytes");
      return this;
    }

    /** Most lines kept per component and stream; later ones are routed and counted, not kept. */
    public Builder outputLimit(int lines) {
      draft.outputLimit = SimulationConfig.atLeast(lines, 1, "the output limit in lines");
      return this;
    }

    /**
     * Most output text kept, in bytes (a line counts its characters), of one component and of all:
     * lines past either are counted, not kept, like those past {@link #outputLimit}.
     */
    public Builder outputBytes(long perComponent, long perSimulation) {
      draft.outputBytes(perComponent, perSimulation);
      return this;
    }

    /** Most messages waiting for one component; further ones become undeliverable. */
    public Builder stdinBacklog(int messages) {
      draft.stdinBacklog = SimulationConfig.atLeast(messages, 1, "the stdin backlog in messages");
      return this;
    }

    /** Freezes the configuration and seed into a simulator (not started); needs a component. */
    public Simulator build() {
      return new Simulator(draft.freeze());
    }
  }
}
