package dev.procsim.core.internal.component;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * What a Java node learns of its simulation, as a process finds it in its environment: its own
 * seed, the names of all components, and the simulation clock.
 *
 * <pre>{@code
 * new NodeEnvironment(Seeds.forComponent(seed, "kv"), List.of("kv", "client"), scheduler.clock());
 * }</pre>
 *
 * @param seed the component's own seed ({@code PROCSIM_SEED})
 * @param components every component's name, in declaration order
 * @param clock the simulation time in nanoseconds
 */
public record NodeEnvironment(long seed, List<String> components, LongSupplier clock) {
  /** Copies the names. */
  public NodeEnvironment {
    components = List.copyOf(components);
  }
}
