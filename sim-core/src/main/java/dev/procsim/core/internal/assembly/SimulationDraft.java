package dev.procsim.core.internal.assembly;

import dev.procsim.core.Nemesis;
import dev.procsim.core.Network;
import dev.procsim.core.Schedule;
import dev.procsim.core.Simulator;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.seed.Mixing;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working copy behind {@code Simulator.Builder}: each builder method checks its argument and
 * sets one field here; {@link #freeze()} turns it into the immutable {@link SimulationConfig}
 * (choosing a random seed when none was set).
 *
 * <pre>{@code
 * SimulationDraft draft = new SimulationDraft();
 * draft.stepped = true;
 * draft.declare(new ComponentDeclaration.Process(spec));
 * SimulationConfig config = draft.freeze();
 * }</pre>
 */
public final class SimulationDraft {
  /** The seed, or null for a random one. */
  public Long seed;

  /** The default wire protocol. */
  public WireProtocol protocol = WireProtocol.LINE;

  /** Whether every process component reads {@code <from> <message>}. */
  public boolean senderNames;

  /** Where output is echoed. */
  public PrintStream echoTo = System.out;

  /** Whether output is echoed. */
  public boolean echo = true;

  /** What each echoed line starts with. */
  public String echoPrefix = "";

  /** See {@link SimulationConfig#closeGrace()}. */
  public Duration closeGrace = Simulator.DEFAULT_CLOSE_GRACE;

  /** See {@link SimulationConfig#maxLineLength()}. */
  public int maxLineLength = Simulator.DEFAULT_MAX_LINE_LENGTH;

  /** See {@link SimulationConfig#stdinBacklog()}. */
  public int stdinBacklog = Simulator.DEFAULT_STDIN_BACKLOG;

  /** See {@link SimulationConfig#outputLimit()}. */
  public int outputLimit = Simulator.DEFAULT_OUTPUT_LIMIT;

  /** See {@link SimulationConfig#outputPerComponent()}. */
  public long outputPerComponent = Simulator.DEFAULT_OUTPUT_PER_COMPONENT;

  /** See {@link SimulationConfig#outputPerSimulation()}. */
  public long outputPerSimulation = Simulator.DEFAULT_OUTPUT_PER_SIMULATION;

  /** The initial fault model. */
  public Network network = Network.reliable();

  /** A nemesis to start with the simulation, or null. */
  public Nemesis nemesis;

  /** Whether the run is stepped. */
  public boolean stepped;

  /** A schedule to replay, or null; replaying makes the run stepped, with the schedule's seed. */
  public Schedule replay;

  /** See {@link SimulationConfig#stepTimeout()}. */
  public Duration stepTimeout = Simulator.DEFAULT_STEP_TIMEOUT;

  /** See {@link SimulationConfig#stallWarning()}. */
  public Duration stallWarning = Simulator.DEFAULT_STALL_WARNING;

  /** Sets both bounds of the output kept, in bytes, each checked to be at least 1. */
  public void outputBytes(long perComponent, long perSimulation) {
    outputPerComponent = SimulationConfig.atLeast(perComponent, 1L, "the output per component");
    outputPerSimulation = SimulationConfig.atLeast(perSimulation, 1L, "the output per simulation");
  }

  private final Map<String, ComponentDeclaration> components = new LinkedHashMap<>();

  /** Adds a component; throws {@link IllegalArgumentException} for a name used already. */
  public void declare(ComponentDeclaration declaration) {
    if (components.putIfAbsent(declaration.name(), declaration) != null) {
      throw new IllegalArgumentException(
          "duplicate component name \"" + declaration.name() + "\": names must be unique");
    }
  }

  /** The configuration, frozen; throws {@link IllegalStateException} without components. */
  public SimulationConfig freeze() {
    return new SimulationConfig(
        replay != null ? replay.seed() : seed != null ? seed : Mixing.randomSeed(),
        List.copyOf(components.values()),
        protocol,
        senderNames,
        stepped || replay != null,
        stepTimeout,
        stallWarning,
        network,
        Optional.ofNullable(nemesis),
        echo ? echoTo : null,
        echoPrefix,
        closeGrace,
        maxLineLength,
        outputLimit,
        outputPerComponent,
        outputPerSimulation,
        stdinBacklog,
        Optional.ofNullable(replay));
  }
}
