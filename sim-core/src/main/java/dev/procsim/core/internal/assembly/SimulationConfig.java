package dev.procsim.core.internal.assembly;

import dev.procsim.core.Durations;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Network;
import dev.procsim.core.Schedule;
import dev.procsim.core.WireProtocol;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a simulation was configured with, frozen by {@code Simulator.Builder.build()}: the
 * assembly takes it and nothing changes it afterwards. The seed is fixed here too (a random one
 * when the builder got none), so a simulator reports the seed it will run with before it starts.
 *
 * <pre>{@code
 * SimulationConfig config = new SimulationConfig(42, components, WireProtocol.LINE, false, ...);
 * Assembly assembly = new Assembly(config);
 * }</pre>
 *
 * @param seed the simulation seed
 * @param components the components, in declaration order
 * @param protocol the protocol of every process component that does not choose its own
 * @param senderNames whether every process component reads {@code <from> <message>}
 * @param stepped whether the run is stepped
 * @param stepTimeout how long a step waits for a component to become idle
 * @param stallWarning how long a stepped run may hold pending deliveries, undriven, before a
 *     warning
 * @param network the initial fault model
 * @param nemesis a nemesis that starts with the simulation, if any
 * @param echoTo where components' output is echoed, or null for nowhere
 * @param echoPrefix what each echoed line starts with (empty by default)
 * @param closeGrace how long close waits after closing stdin, and again after SIGTERM
 * @param maxLineLength the longest stdout or stderr line, in bytes, before it is cut
 * @param outputLimit the most lines kept of each component's stdout, and of its stderr
 * @param outputPerComponent the most output text kept of one component, in bytes
 * @param outputPerSimulation the most output text kept of all components, in bytes
 * @param stdinBacklog the most messages waiting for one component
 * @param replay a schedule whose decisions the run makes again (it is stepped, with its seed)
 */
public record SimulationConfig(
    long seed,
    List<ComponentDeclaration> components,
    WireProtocol protocol,
    boolean senderNames,
    boolean stepped,
    Duration stepTimeout,
    Duration stallWarning,
    Network network,
    Optional<Nemesis> nemesis,
    PrintStream echoTo,
    String echoPrefix,
    Duration closeGrace,
    int maxLineLength,
    int outputLimit,
    long outputPerComponent,
    long outputPerSimulation,
    int stdinBacklog,
    Optional<Schedule> replay) {
  /** Copies the components. */
  public SimulationConfig {
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalStateException("a simulation needs at least one component");
    }
  }

  /** The components' names, in declaration order. */
  public List<String> names() {
    return components.stream().map(ComponentDeclaration::name).toList();
  }

  /** {@code duration}, checked to be positive. */
  public static Duration positive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + Durations.format(duration));
    }
    return duration;
  }

  /** {@code duration}, checked not to be negative. */
  public static Duration notNegative(Duration duration, String what) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          what + " must not be negative: " + Durations.format(duration));
    }
    return duration;
  }

  /** {@code value}, checked to be at least {@code minimum}. */
  public static long atLeast(long value, long minimum, String what) {
    if (value < minimum) {
      throw new IllegalArgumentException(what + " must be at least " + minimum + ": " + value);
    }
    return value;
  }

  /** {@code value}, checked to be at least {@code minimum}. */
  public static int atLeast(int value, int minimum, String what) {
    if (value < minimum) {
      throw new IllegalArgumentException(what + " must be at least " + minimum + ": " + value);
    }
    return value;
  }
}
