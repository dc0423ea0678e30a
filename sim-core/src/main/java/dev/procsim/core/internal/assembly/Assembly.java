package dev.procsim.core.internal.assembly;

import dev.procsim.core.Message;
import dev.procsim.core.Seeds;
import dev.procsim.core.Texts;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.component.ComponentRuntime;
import dev.procsim.core.internal.component.NodeComponent;
import dev.procsim.core.internal.component.NodeEnvironment;
import dev.procsim.core.internal.component.ProcessComponent;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.OutputBudget;
import dev.procsim.core.internal.log.SimulationLog;
import dev.procsim.core.internal.network.Decisions;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.network.ScheduleRecorder;
import dev.procsim.core.internal.process.ProcessLauncher;
import dev.procsim.core.internal.process.RunContainment;
import dev.procsim.core.internal.protocol.LineProtocol;
import dev.procsim.core.internal.protocol.SenderNamesProtocol;
import dev.procsim.core.internal.scheduling.Scheduler;
import dev.procsim.core.internal.scheduling.Schedulers;
import dev.procsim.core.internal.seed.Mixing;
import dev.procsim.core.internal.text.ConsoleEcho;
import dev.procsim.core.internal.text.Unicode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rooms of one simulation, wired together from its {@link SimulationConfig}: the scheduler (and
 * its clock), the log, the components (processes and Java nodes), the network engine and the
 * router. Nothing runs yet: {@link Lifecycle} starts and closes it.
 *
 * <pre>{@code
 * Assembly assembly = new Assembly(config);
 * Lifecycle lifecycle = new Lifecycle(assembly);
 * lifecycle.start();
 * }</pre>
 */
public final class Assembly {
  private static final AtomicLong RUN_COUNTER = new AtomicLong();

  private final SimulationConfig config;
  private final String runId;
  private final RunContainment containment;
  private final ConsoleEcho echo;
  private final Scheduler scheduler;
  private final LogStore store;
  private final SimulationLog log;
  private final ExecutorService exitHandlers;
  private final Map<String, ComponentRuntime> components = new LinkedHashMap<>();
  private final NetworkEngine network;

  /** Builds every room of the simulation {@code config} describes. */
  public Assembly(SimulationConfig config) {
    this.config = config;
    this.runId =
        "procsim-"
            + ProcessHandle.current().pid()
            + "-"
            + RUN_COUNTER.incrementAndGet()
            + "-"
            + Long.toHexString(Mixing.randomSeed() & 0xffffffL);
    this.containment = new RunContainment(runId);
    this.echo = new ConsoleEcho(config.echoTo(), config.echoPrefix());
    this.scheduler =
        Schedulers.create(
            config.stepped(),
            config.seed(),
            echo,
            config.stepTimeout(),
            config.stallWarning(),
            runId);
    this.store =
        new LogStore(
            scheduler.clock(),
            config.outputLimit(),
            new OutputBudget(config.outputPerComponent(), config.outputPerSimulation()));
    this.log = new SimulationLog(store, scheduler);
    this.exitHandlers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, runId + "-exit");
              thread.setDaemon(true);
              return thread;
            });
    for (ComponentDeclaration declaration : config.components()) {
      components.put(declaration.name(), build(declaration));
    }
    // A stepped run writes its decisions down, so that it can become a schedule to replay.
    ScheduleRecorder recorder = config.stepped() ? new ScheduleRecorder(config.seed()) : null;
    Decisions decisions =
        config.replay().isPresent()
            ? Decisions.replaying(config.replay().get(), recorder)
            : Decisions.seeded(config.seed(), recorder);
    this.network =
        new NetworkEngine(
            store, scheduler.clock(), decisions, components, scheduler.deliveryPolicy());
    scheduler.attach(network, store);
    Router router = new Router(network, store, echo, config.names());
    for (ComponentRuntime component : components.values()) {
      component.connect(router);
      component.addListener((changed, change) -> scheduler.participantChanged(changed));
    }
  }

  private ComponentRuntime build(ComponentDeclaration declaration) {
    String name = declaration.name();
    if (declaration instanceof ComponentDeclaration.JavaNode node) {
      return new NodeComponent(
          name,
          node.factory(),
          new NodeEnvironment(
              Seeds.forComponent(config.seed(), name), config.names(), scheduler.clock()),
          store,
          echo,
          scheduler,
          config.stdinBacklog(),
          runId);
    }
    ComponentDeclaration.Process process = (ComponentDeclaration.Process) declaration;
    Map<String, String> environment =
        Map.of(
            "PROCSIM_COMPONENT",
            name,
            "PROCSIM_COMPONENTS",
            String.join(",", config.names()),
            "PROCSIM_SEED",
            Long.toString(Seeds.forComponent(config.seed(), name)),
            "PROCSIM_RUN",
            runId);
    WireProtocol protocol = process.spec().protocolIfSet().orElse(config.protocol());
    if (process.spec().senderNames() || config.senderNames()) {
      protocol = new SenderNamesProtocol(protocol);
    }
    return new ProcessComponent(
        new ProcessLauncher(process.spec(), environment, containment),
        protocol,
        store,
        echo,
        scheduler,
        new ProcessComponent.Limits(config.maxLineLength(), config.stdinBacklog()),
        exitHandlers,
        runId);
  }

  /**
   * Injects a message as if {@code from} had sent it, after checking it as {@code Simulator.send}
   * promises.
   */
  public Message inject(String from, String to, String body, Lifecycle lifecycle) {
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
    int unpaired = Unicode.unpairedSurrogate(body);
    if (unpaired >= 0) {
      throw new IllegalArgumentException(
          "a message body must be text a process can read: it holds "
              + Unicode.describeUnpaired(body, unpaired));
    }
    if (!components.containsKey(to)) {
      throw new IllegalArgumentException(
          "cannot send to \"" + to + "\": no such component; the components are: " + knownNames());
    }
    lifecycle.requireRunning();
    return network.inject(from, to, body);
  }

  /** The configuration it was built from. */
  public SimulationConfig config() {
    return config;
  }

  /** The id in every process's {@code PROCSIM_RUN}, unique to this simulation. */
  public String runId() {
    return runId;
  }

  /** Where the run's processes are kept together: its cgroup, where one can be made. */
  public RunContainment containment() {
    return containment;
  }

  /** The scheduler. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The log's store. */
  public LogStore store() {
    return store;
  }

  /** The log users see. */
  public SimulationLog log() {
    return log;
  }

  /** Where the network's decisions come from, and where a stepped run writes them down. */
  public Decisions decisions() {
    return network.decisions();
  }

  /** The network engine. */
  public NetworkEngine network() {
    return network;
  }

  /** The pool that records process exits. */
  ExecutorService exitHandlers() {
    return exitHandlers;
  }

  /** The components, in declaration order. */
  public List<ComponentRuntime> components() {
    return List.copyOf(components.values());
  }

  /**
   * The component named {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name; the message lists the known ones
   */
  public ComponentRuntime component(String name) {
    ComponentRuntime component = components.get(name);
    if (component == null) {
      throw new IllegalArgumentException(
          "no component \"" + name + "\"; the components are: " + knownNames());
    }
    return component;
  }

  /** Whether {@code name} is a component. */
  public boolean has(String name) {
    return components.containsKey(name);
  }

  /** The components' names, comma separated, for messages. */
  public String knownNames() {
    return String.join(", ", components.keySet());
  }
}
