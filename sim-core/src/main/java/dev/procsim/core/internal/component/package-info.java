/**
 * The component room: what a component is to the rest of the simulation ({@code ComponentRuntime}:
 * the {@link dev.procsim.core.ComponentHandle} handle, the network's endpoint, the scheduler's
 * participant, something to tear down), and its two kinds: an OS process ({@code ProcessComponent},
 * built on the process and protocol rooms) and a Java object ({@code NodeComponent}, a {@link
 * dev.procsim.core.Node} behind a mailbox). To add a kind, extend {@code ComponentRuntime}; the
 * network, the scheduler and the log need no change.
 *
 * <p>Threads: a process component uses its incarnation's pumps and writer; a node component one
 * mailbox thread per incarnation, which runs every call of the node. Faults run on the caller's
 * thread (the test's, or the nemesis's).
 *
 * <p>Locks: each component's monitor serialises its faults (crash, restart, pause, resume) and may
 * be held while taking the network's lock (to note a resume) and the log's. Nothing that holds the
 * network's lock takes a component's monitor: deliveries only touch its writer or mailbox.
 */
package dev.procsim.core.internal.component;
