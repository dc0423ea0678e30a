/**
 * The scheduling room: when things happen. One {@code Scheduler} interface with two implementations
 * chosen once by {@code Schedulers}: real time (messages go out when due on the real clock; a
 * message due at once goes out on the sending thread, a dispatcher thread sleeps until delayed ones
 * are due) and stepped (the {@code Stepper} hands out one seeded delivery at a time on a {@code
 * VirtualClock}, once the last target is idle). Idle detection lives here too: acknowledgement
 * markers ({@code AckTracker}) and black-box observation of processes ({@code BlackBoxIdle}, {@code
 * IdleProbe} reading /proc through {@code ProcFiles}, {@code PipeGauge}). Every wait of the
 * simulation is the scheduler's: in a stepped run it drives the run and tests its condition between
 * steps.
 *
 * <p>Both start the participants the same way: their processes spawned side by side ({@code
 * Preparations}: the JDK spawns one process per calling thread at a time), then each started in its
 * order, so the log shows the starts in order.
 *
 * <p>Threads: real time has one dispatcher thread; stepped has one stepper thread, which also lets
 * the nemesis act and evaluates waiters' conditions between steps, holding no lock (an exception
 * from a condition is rethrown to its waiter).
 *
 * <p>Locks: the network calls the delivery policy holding its own lock, and the stepped policy
 * takes the stepper's lock to wake it; so the stepper never takes the network's lock while holding
 * its own (it reads the network's change count and queue length, which take no lock). Order: the
 * network's lock, then the stepper's, then the log's.
 */
package dev.procsim.core.internal.scheduling;
