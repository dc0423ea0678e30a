/**
 * The process room: starting a component's process ({@code ProcessLauncher}), one process with its
 * pumps ({@code Incarnation}: a stdout reader, a stderr reader, a stdin writer), bounded line
 * reading ({@code LineReader}), whole process trees and their signals ({@code ProcessTree}), and
 * the end of every process of a run ({@code Teardown}).
 *
 * <p>Threads: per process, one stdout pump and one stderr pump (blocking reads; the whole lines of
 * one read are handed over together, so their sends are routed under one taking of the network's
 * lock and written to each target in one write), one stdin writer (fed by a bounded queue, so a
 * process that does not read blocks only its writer), and an exit handler from the simulation's
 * pool that records the exit once the output is drained. A line that cannot block (the pipe seen
 * empty through {@code StdinRoom}, found by {@code OwnPipes} and looked up once by {@code
 * RoomLookup}) is written by the thread that routes it instead, after it has left the network's
 * lock ({@code DeferredWrites}).
 *
 * <p>Locks: each {@code StdinWriter} guards its backlog with its own monitor and never calls out
 * while holding it, except that it is offered messages under the network's lock (network, then
 * writer); a direct write runs with no lock held but its claim on the writer. Fates and output go
 * to the log, whose lock is the innermost.
 */
package dev.procsim.core.internal.process;
