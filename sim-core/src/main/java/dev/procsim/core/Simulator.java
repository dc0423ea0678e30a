package dev.procsim.core;

import dev.procsim.core.internal.AckTracker;
import dev.procsim.core.internal.Clock;
import dev.procsim.core.internal.ConsoleEcho;
import dev.procsim.core.internal.LineProtocol;
import dev.procsim.core.internal.Link;
import dev.procsim.core.internal.NemesisRunner;
import dev.procsim.core.internal.NetworkEngine;
import dev.procsim.core.internal.OpenSimulators;
import dev.procsim.core.internal.Partitions;
import dev.procsim.core.internal.ProcessComponent;
import dev.procsim.core.internal.RealClock;
import dev.procsim.core.internal.RecordingLog;
import dev.procsim.core.internal.SeededRandom;
import dev.procsim.core.internal.Seeds;
import dev.procsim.core.internal.StdoutRouter;
import dev.procsim.core.internal.Stepper;
import dev.procsim.core.internal.Teardown;
import dev.procsim.core.internal.Texts;
import dev.procsim.core.internal.VirtualClock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated distributed system made of OS processes. Each component is a process; a stdout line
 * {@code send <target> <message>} is a message, routed to the target's stdin; every other stdout
 * line is output. Everything is recorded in the {@link #log() message log}.
 *
 * <p>Lifecycle: {@link #builder()} → {@link Builder#build()} → {@link #start()} → {@link #close()}.
 * {@code close()} ends every process tree and is idempotent; a JVM shutdown hook closes simulators
 * that are still open.
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
 * <p>Every process gets these environment variables: {@code PROCSIM_COMPONENT} (its name), {@code
 * PROCSIM_COMPONENTS} (all names, comma separated), {@code PROCSIM_SEED} (its own seed, derived
 * from the simulation seed and its name), {@code PROCSIM_RUN} (an id unique to this simulator,
 * which finds leaked processes) and {@code PYTHONUNBUFFERED=1} unless its spec sets it.
 */
public final class Simulator implements AutoCloseable {
  /** How long {@link #close()} waits after closing stdin, and again after SIGTERM. */
  public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofMillis(500);

  /** Longest stdout or stderr line, in bytes, before it is cut. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

  /** How long a step of a stepped run waits for a component to become idle. */
  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

  /** Most lines kept of each component's stdout, and of its stderr; the rest are counted. */
  public static final int DEFAULT_OUTPUT_LIMIT = RecordingLog.DEFAULT_OUTPUT_LIMIT;

  /** Most messages waiting to be written to one component's stdin before new ones are refused. */
  public static final int DEFAULT_STDIN_BACKLOG = 100_000;

  /** How long close() waits for exits to be recorded once every process is dead. */
  private static final long SETTLE_MILLIS = 2_000;

  private static final AtomicLong RUN_COUNTER = new AtomicLong();

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final long seed;
  private final String runId;
  private final Duration closeGrace;
  private final int maxLineLength;
  private final ConsoleEcho echo;
  private final Clock clock;
  private final boolean stepped;
  private final Duration stepTimeout;
  private Stepper stepper;
  private final RecordingLog log;
  private final Map<String, ProcessComponent> components = new LinkedHashMap<>();
  private final ExecutorService exitHandlers;
  private final Network initialNetwork;
  private final Nemesis initialNemesis;
  private NemesisRunner nemesis;
  private final SeededRandom partitionChoices;
  private State state = State.NEW;
  private boolean closing;
  private NetworkEngine network;

  private Simulator(Builder builder) {
    this.seed = builder.seed != null ? builder.seed : Seeds.randomSeed();
    this.runId =
        "procsim-"
            + ProcessHandle.current().pid()
            + "-"
            + RUN_COUNTER.incrementAndGet()
            + "-"
            + Long.toHexString(Seeds.randomSeed() & 0xffffffL);
    this.closeGrace = builder.closeGrace;
    this.maxLineLength = builder.maxLineLength;
    this.echo = new ConsoleEcho(builder.echo ? builder.echoTo : null);
    this.stepped = builder.stepped;
    this.stepTimeout = builder.stepTimeout;
    this.clock = stepped ? new VirtualClock() : new RealClock();
    this.log = new RecordingLog(clock, builder.outputLimit);
    this.initialNetwork = builder.network;
    this.initialNemesis = builder.nemesis;
    this.partitionChoices = new SeededRandom(Seeds.mix(seed ^ Seeds.hash("partitions")));
    String allNames = String.join(",", builder.specs.keySet());
    for (ComponentSpec spec : builder.specs.values()) {
      Map<String, String> env =
          Map.of(
              "PROCSIM_COMPONENT",
              spec.name(),
              "PROCSIM_COMPONENTS",
              allNames,
              "PROCSIM_SEED",
              Long.toString(Seeds.forComponent(seed, spec.name())),
              "PROCSIM_RUN",
              runId);
      components.put(
          spec.name(),
          new ProcessComponent(spec, env, log, echo, builder.maxLineLength, builder.stdinBacklog));
    }
    this.exitHandlers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, threadPrefix() + "-exit");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** A builder for a simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every component. Messages sent to a component that is not running yet wait for it, so
   * the order in which processes come up does not matter.
   *
   * @return this simulator
   * @throws SimulationException naming the component when a process cannot be started; the
   *     simulator is then closed and no process of it is left running
   * @throws IllegalStateException when already started or closed
   */
  public Simulator start() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("the simulator was already " + describeState());
      }
      state = State.RUNNING;
      OpenSimulators.add(this);
      try {
        network =
            new NetworkEngine(log, clock, seed, components, threadPrefix() + "-network", stepped);
        if (!initialNetwork.isReliable()) {
          network.setNetwork(initialNetwork);
        }
        for (ProcessComponent component : components.values()) {
          component.afterResume(network::markChanged);
        }
        Map<String, String> markers = new LinkedHashMap<>();
        Map<String, AckTracker> trackers = new LinkedHashMap<>();
        for (ProcessComponent component : components.values()) {
          if (component.spec().acks()) {
            markers.put(component.name(), component.spec().ackMarker());
            trackers.put(component.name(), component.acks());
          }
        }
        StdoutRouter router =
            new StdoutRouter(
                network,
                log,
                echo,
                List.copyOf(components.keySet()),
                maxLineLength,
                markers,
                trackers);
        if (stepped) {
          stepper =
              new Stepper(
                  network,
                  (VirtualClock) clock,
                  List.copyOf(components.values()),
                  new SeededRandom(Seeds.mix(seed ^ Seeds.hash("steps"))),
                  log,
                  echo,
                  stepTimeout,
                  threadPrefix() + "-stepper");
        }
        for (ProcessComponent component : components.values()) {
          component.launch(router, exitHandlers, threadPrefix());
          if (stepped) {
            // One at a time, each idle before the next starts: startup is deterministic too.
            awaitIdleAtStart(component);
          }
        }
        if (stepped) {
          for (ProcessComponent component : components.values()) {
            // A restarted or resumed component may be busy: the next step waits for it.
            component.afterResume(
                () -> {
                  stepper.unsettle(component);
                  network.markChanged();
                });
            component.afterRestart(
                () -> {
                  stepper.unsettle(component);
                  network.markChanged();
                });
          }
          log.driveWith(stepper);
          stepper.start();
        }
        if (initialNemesis != null) {
          startNemesis(initialNemesis);
        }
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
    }
    return this;
  }

  private void awaitIdleAtStart(ProcessComponent component) {
    try {
      stepper.awaitIdle(component, "after it started");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while starting " + component.name(), e);
    }
  }

  /** Whether this simulation runs stepped (see {@link Builder#stepped()}). */
  public boolean isStepped() {
    return stepped;
  }

  /**
   * In a stepped run, runs the simulation until it is quiet: every component idle, no message or
   * timer waiting. A stepped simulation advances only while the test waits on it (here, or in the
   * log's {@code awaitMessage}/{@code awaitEvent}, which stop at the step where their condition
   * first holds): messages sent between two waits wait, so the test thread's timing never changes
   * the run.
   *
   * @throws AssertionError when it is not quiet within {@code timeout}, showing the end of the log
   * @throws IllegalStateException when the run is not stepped or not running
   */
  public void awaitQuiescence(Duration timeout) {
    running();
    if (!stepped) {
      throw new IllegalStateException("awaitQuiescence() needs a stepped simulation");
    }
    try {
      if (!stepper.awaitQuiescence(System.nanoTime() + timeout.toNanos())) {
        throw new AssertionError(
            "the stepped simulation was not quiet after "
                + timeout
                + " ("
                + stepper.steps()
                + " steps); the log ends with:\n"
                + log.describeTail(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while waiting for quiescence", e);
    }
  }

  /** How many steps a stepped run has taken (0 in real time). */
  public long steps() {
    Stepper current = stepper;
    return current == null ? 0 : current.steps();
  }

  /** The simulation seed: the one given to the builder, or the random one chosen for this run. */
  public long seed() {
    return seed;
  }

  /** The id in every process's {@code PROCSIM_RUN} variable, unique to this simulator. */
  public String runId() {
    return runId;
  }

  /**
   * The component with this name.
   *
   * @throws IllegalArgumentException for an unknown name; the message lists the known ones
   */
  public Component component(String name) {
    ProcessComponent component = components.get(name);
    if (component == null) {
      throw new IllegalArgumentException(
          "no component \"" + name + "\"; the components are: " + knownNames());
    }
    return component;
  }

  /** All components, in the order they were declared. */
  public List<Component> components() {
    return List.copyOf(components.values());
  }

  /**
   * Injects a message as if {@code from} had sent it: it is logged and routed like any other.
   * {@code from} need not be a component (tests usually say {@code "test"}).
   *
   * @return the message as logged when it was sent
   * @throws IllegalArgumentException when {@code to} is not a component, {@code from} is blank or
   *     contains whitespace, or {@code body} contains a line break
   * @throws IllegalStateException when the simulator is not running
   */
  public Message send(String from, String to, String body) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    if (from.isEmpty() || from.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "the sender name \"" + from + "\" must be one word without whitespace");
    }
    if (!LineProtocol.isSendable(body)) {
      throw new IllegalArgumentException(
          "a message body cannot contain a line break: " + Texts.quote(body));
    }
    if (!components.containsKey(to)) {
      throw new IllegalArgumentException(
          "cannot send to \"" + to + "\": no such component; the components are: " + knownNames());
    }
    return running().send(from, to, body);
  }

  /**
   * Replaces the network's fault model for messages sent from now on; messages already in flight
   * keep their fate. The change is logged.
   *
   * @throws IllegalStateException when the simulator is not running
   */
  public void network(Network newNetwork) {
    Objects.requireNonNull(newNetwork, "network");
    running().setNetwork(newNetwork);
  }

  /** The network's current fault model (the builder's until changed). */
  public Network network() {
    NetworkEngine engine;
    synchronized (this) {
      engine = network;
    }
    return engine == null ? initialNetwork : engine.network();
  }

  /**
   * Partitions the components: components on different sides cannot talk, in either direction.
   * Components on no side form one more side together, so {@code partition(List.of("n1"))} cuts n1
   * off from all the others. Replaces the previous partition (one-way {@link #cut cuts} stay). A
   * message that would cross the partition when it is due is {@link Fate#DROPPED}, with the
   * partition as the reason. The partition is logged.
   *
   * @throws IllegalArgumentException for an unknown component or one listed on two sides
   */
  @SafeVarargs
  public final void partition(Collection<String>... sides) {
    NetworkEngine engine = running();
    engine.partition(Partitions.ofSides(List.of(sides), List.copyOf(components.keySet())));
  }

  /**
   * Partitions the components in a named shape; who ends up where is chosen by the seed (the n-th
   * shape of a run is the same for the same seed). Replaces the previous partition.
   *
   * @return what was chosen, e.g. {@code "[n3] | [n1, n2, n4, n5]"}
   */
  public String partition(PartitionShape shape) {
    NetworkEngine engine = running();
    Partitions.Plan plan;
    synchronized (partitionChoices) {
      plan = Partitions.ofShape(shape, List.copyOf(components.keySet()), partitionChoices);
    }
    engine.partition(plan);
    return plan.description();
  }

  /**
   * Takes down one direction: messages {@code from -> to} are dropped, {@code to -> from} still
   * flow. Cuts add up until {@link #heal()}.
   *
   * @throws IllegalArgumentException when either is not a component
   */
  public void cut(String from, String to) {
    component(from);
    component(to);
    running().cut(new Link(from, to));
  }

  /** Lifts the partition and every cut: all links are up again. Logged. */
  public void heal() {
    running().heal();
  }

  /**
   * Starts a nemesis that injects faults until {@link #healAll()} or {@link #close()}. Its choices
   * come from the simulation seed.
   *
   * @throws IllegalStateException when one is already running, or the simulator is not running
   */
  public synchronized void startNemesis(Nemesis plan) {
    Objects.requireNonNull(plan, "plan");
    running();
    for (String target : plan.targets()) {
      component(target);
    }
    if (nemesis != null) {
      throw new IllegalStateException("a nemesis is already running; call healAll() first");
    }
    nemesis =
        new NemesisRunner(
            plan,
            this,
            log,
            new SeededRandom(Seeds.mix(seed ^ Seeds.hash("nemesis"))),
            threadPrefix() + "-nemesis");
    if (stepped) {
      // Between steps and on the virtual clock: the same seed puts faults at the same steps.
      stepper.nemesis(nemesis);
    } else {
      nemesis.start();
    }
  }

  /**
   * Ends every fault, for the liveness phase of a test: stops the nemesis (if any), lifts every
   * partition and cut, resumes paused components and restarts crashed ones. Network faults set with
   * {@link #network(Network)} stay; set {@link Network#reliable()} to lift those too. Logged.
   */
  public void healAll() {
    running();
    if (stopNemesis(true)) {
      throw new SimulationException("interrupted while stopping the nemesis");
    }
    running().heal();
    for (ProcessComponent component : components.values()) {
      if (component.isPaused()) {
        component.resume();
      }
      if (component.isCrashed()) {
        component.restart();
      }
    }
  }

  /**
   * Stops the running nemesis, if any, outside this simulator's lock (its thread calls back into
   * the simulator). Returns true when the wait for it was interrupted; the interrupt is kept.
   */
  private boolean stopNemesis(boolean liftLastFault) {
    NemesisRunner stopping;
    synchronized (this) {
      stopping = nemesis;
      nemesis = null;
    }
    if (stopping != null && stepper != null) {
      stepper.nemesis(null);
    }
    if (stopping == null) {
      return false;
    }
    try {
      stopping.stop(liftLastFault);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private NetworkEngine running() {
    synchronized (this) {
      if (state != State.RUNNING) {
        throw new IllegalStateException(
            "the simulator is " + (state == State.NEW ? "not started" : "closed"));
      }
      return network;
    }
  }

  /** Everything that happened, as it happens. Usable before {@link #start()} and after close. */
  public MessageLog log() {
    return log;
  }

  /**
   * Ends every process tree and stops routing. Closes every stdin and waits a grace period (see
   * {@link Builder#closeGrace}), then sends SIGTERM to what is left and waits again, then SIGKILL.
   * Messages that were not delivered by then become {@link Fate#UNDELIVERABLE}. Idempotent, safe
   * after a failed {@link #start()}, and it finishes its work even when the calling thread is
   * interrupted (the interrupt is kept).
   */
  @Override
  public void close() {
    synchronized (this) {
      // Checked and marked in one step: a second close (say, the shutdown hook's) returns at once.
      // The state stays RUNNING until the nemesis has stopped, so it never acts on a closed sim.
      if (closing) {
        return;
      }
      closing = true;
    }
    // Not worth lifting the last fault (restarting a process only to kill it) when closing.
    stopNemesis(false);
    if (stepper != null) {
      try {
        stepper.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      state = State.CLOSED;
      if (network != null) {
        network.close();
        network = null;
      }
    }
    boolean interrupted = Thread.interrupted();
    List<ProcessHandle> survivors = List.of();
    Duration grace = interrupted ? Duration.ZERO : closeGrace;
    while (true) {
      try {
        survivors = Teardown.run(components.values(), runId, grace);
        for (ProcessComponent component : components.values()) {
          component.awaitSettled(SETTLE_MILLIS);
        }
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        grace = Duration.ZERO;
      }
    }
    log.resolveInFlight("the simulator closed before the message was delivered");
    exitHandlers.shutdown();
    OpenSimulators.remove(this);
    if (!survivors.isEmpty()) {
      List<Long> pids = new ArrayList<>();
      survivors.forEach(p -> pids.add(p.pid()));
      System.err.println("procsim: processes of run " + runId + " survived SIGKILL: " + pids);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private String describeState() {
    return state == State.RUNNING ? "started" : "closed";
  }

  private String knownNames() {
    return String.join(", ", components.keySet());
  }

  private String threadPrefix() {
    return runId;
  }

  @Override
  public String toString() {
    return "Simulator[seed=" + seed + ", run=" + runId + ", components=" + knownNames() + "]";
  }

  /**
   * Configures a {@link Simulator}. Defaults: a random seed, echo to {@code System.out}, a close
   * grace of {@link #DEFAULT_CLOSE_GRACE}, lines up to {@link #DEFAULT_MAX_LINE_LENGTH} bytes, a
   * stdin backlog of {@link #DEFAULT_STDIN_BACKLOG} messages per component.
   *
   * <pre>{@code
   * Simulator sim = Simulator.builder()
   *     .seed(7)
   *     .component("a", "python3", "node.py")
   *     .component("b", "python3", "node.py")
   *     .echo(false)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Long seed;
    private final Map<String, ComponentSpec> specs = new LinkedHashMap<>();
    private boolean echo = true;
    private PrintStream echoTo = System.out;
    private Duration closeGrace = DEFAULT_CLOSE_GRACE;
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private int stdinBacklog = DEFAULT_STDIN_BACKLOG;
    private Network network = Network.reliable();
    private Nemesis nemesis;
    private int outputLimit = DEFAULT_OUTPUT_LIMIT;
    private boolean stepped;
    private Duration stepTimeout = DEFAULT_STEP_TIMEOUT;

    private Builder() {}

    /**
     * Runs the simulation stepped, for determinism: the network holds every message and, at each
     * step, waits until the component that got the last one is idle, then delivers one message
     * chosen by the seed among those due under a virtual clock (which jumps to the next due time
     * when nothing is due). Components start one at a time. Idleness comes from the acknowledgement
     * protocol ({@link ComponentSpec#withAcks()}) or, for other components, from black-box
     * observation of their processes on Linux. With components whose behaviour depends only on
     * their input and seed, one seed gives one log ({@link MessageLog#fingerprint()}).
     */
    public Builder stepped() {
      this.stepped = true;
      return this;
    }

    /** How long a step waits for a component to become idle before reporting it and going on. */
    public Builder stepTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the step timeout must be positive: " + timeout);
      }
      this.stepTimeout = timeout;
      return this;
    }

    /** A nemesis that starts with the simulator and injects faults until {@link #healAll()}. */
    public Builder nemesis(Nemesis nemesis) {
      this.nemesis = Objects.requireNonNull(nemesis, "nemesis");
      return this;
    }

    /** The network's fault model; {@link Network#reliable()} by default. */
    public Builder network(Network network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /** Fixes the simulation seed; without it a random seed is chosen (and reported). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Adds a component running {@code command}.
     *
     * @throws IllegalArgumentException for an invalid or duplicate name or an empty command
     */
    public Builder component(String name, String... command) {
      return component(ComponentSpec.of(name, command));
    }

    /**
     * Adds a component.
     *
     * @throws IllegalArgumentException for a duplicate name
     */
    public Builder component(ComponentSpec spec) {
      Objects.requireNonNull(spec, "spec");
      if (specs.containsKey(spec.name())) {
        throw new IllegalArgumentException(
            "duplicate component name \"" + spec.name() + "\": names must be unique");
      }
      specs.put(spec.name(), spec);
      return this;
    }

    /** Whether components' output is echoed, prefixed by their names; on by default. */
    public Builder echo(boolean enabled) {
      this.echo = enabled;
      return this;
    }

    /** Echoes components' output to {@code out} instead of {@code System.out}. */
    public Builder echoTo(PrintStream out) {
      this.echoTo = Objects.requireNonNull(out, "out");
      this.echo = true;
      return this;
    }

    /** How long {@link Simulator#close()} waits after closing stdin, and after SIGTERM. */
    public Builder closeGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("the close grace must not be negative: " + grace);
      }
      this.closeGrace = grace;
      return this;
    }

    /** Longest stdout or stderr line in bytes; longer lines are cut and reported. */
    public Builder maxLineLength(int bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("the maximum line length must be at least 64 bytes");
      }
      this.maxLineLength = bytes;
      return this;
    }

    /**
     * Most lines kept of each component's stdout and of its stderr. Beyond it, lines are still read
     * (and messages among them routed) but only counted: the count is logged when the process
     * exits, so memory stays bounded however much a process prints.
     */
    public Builder outputLimit(int lines) {
      if (lines < 1) {
        throw new IllegalArgumentException("the output limit must be at least one line");
      }
      this.outputLimit = lines;
      return this;
    }

    /** Most messages waiting for one component's stdin; further ones become undeliverable. */
    public Builder stdinBacklog(int messages) {
      if (messages < 1) {
        throw new IllegalArgumentException("the stdin backlog must hold at least one message");
      }
      this.stdinBacklog = messages;
      return this;
    }

    /**
     * Builds the simulator; no process runs until {@link Simulator#start()}.
     *
     * @throws IllegalStateException when no component was added
     */
    public Simulator build() {
      if (specs.isEmpty()) {
        throw new IllegalStateException("a simulation needs at least one component");
      }
      return new Simulator(this);
    }
  }
}
