/**
 * The log room: the append-only store of everything that happened ({@code LogStore}), each
 * component's view of it (output, errors, exit codes: {@code ComponentRecords}), the logical
 * content that fingerprints compare ({@code LogFingerprint}), the threads blocked on it ({@code
 * LogWaiters}: each woken only by entries it can use), the probes a wait looks for, the plain
 * blocking wait, and the {@code MessageLog} users see ({@code SimulationLog}). Which wait a
 * simulation uses is the scheduler's choice ({@code WaitStrategy}); the log never knows.
 *
 * <p>Threads: none of its own. Every component's pumps and writers, the network's threads and the
 * test thread append and read concurrently.
 *
 * <p>Locks: one {@code ReentrantLock} per store, guarding the entries, the messages and the
 * per-component views together; it is the innermost lock of a simulation. Code holding it calls
 * nothing outside the log. Probes take it briefly and never hold it while a user's condition runs.
 */
package dev.procsim.core.internal.log;
