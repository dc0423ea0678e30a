/**
 * procsim's core: simulations of distributed systems made of OS processes (and Java components),
 * with a seeded network, faults, stepped deterministic runs and a message log. Only {@code
 * dev.procsim.core} is public API; the {@code internal} packages are the rooms behind it.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().component("echo", "cat").build().start()) {
 *   sim.send("test", "echo", "hello");
 * }
 * }</pre>
 */
module dev.procsim.core {
  exports dev.procsim.core;
}
