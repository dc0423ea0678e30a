/**
 * The assembly room: a simulation put together and run. {@code SimulationConfig} is the frozen
 * configuration a builder produces; {@code Assembly} wires the rooms from it (scheduler and clock,
 * log, components, network engine, router); {@code Lifecycle} starts and closes it; {@code
 * FaultControls} applies faults and runs the nemesis; {@code OpenSimulators} closes what is still
 * open when the JVM exits. {@code dev.procsim.core.Simulator} is the façade over these.
 *
 * <p>Threads: a pool that records process exits; the nemesis's thread in real time; the JVM's
 * shutdown hook.
 *
 * <p>Locks across rooms, outermost first: a lifecycle's monitor (held through start only; its state
 * is read without it), the fault controls' monitor (the nemesis slot), a nemesis runner's lock (a
 * tick in progress), a component's monitor (its faults), the network's lock, then the stepper's
 * lock or a stdin writer's or mailbox's monitor, the log's lock last.
 */
package dev.procsim.core.internal.assembly;
