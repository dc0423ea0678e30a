/**
 * procsim's public API: {@link dev.procsim.core.Simulator} (built by its {@code Builder}, started,
 * closed), the {@link dev.procsim.core.ComponentHandle} handles, the {@link
 * dev.procsim.core.MessageLog} with its {@link dev.procsim.core.Message}s and {@link
 * dev.procsim.core.LogEvent}s, the fault model ({@link dev.procsim.core.Network}, {@link
 * dev.procsim.core.Nemesis}, {@link dev.procsim.core.PartitionShape}), and two service provider
 * interfaces: {@link dev.procsim.core.WireProtocol} (how a process talks) and {@link
 * dev.procsim.core.Node} (a component written in Java). Everything under {@code
 * dev.procsim.core.internal} is not API.
 *
 * <p>Threads: a {@code Simulator} is safe to use from any thread; a stepped one is driven by one
 * waiting thread at a time.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().component("echo", "cat").build().start()) {
 *   sim.send("test", "echo", "hello");
 *   sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
package dev.procsim.core;
