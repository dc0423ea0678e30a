/**
 * The scheduling room: when things happen. One {@code Scheduler} interface with two implementations
 * chosen once by {@code Schedulers}: real time (messages go out when due on the real clock; a
 * message due at once goes out on the sending thread, a dispatcher thread sleeps until delayed ones
 * are due) and stepped (the {@code Stepper} hands out one seeded delivery at a time on a {@code
 * VirtualClock}, once the last target is idle). Idle detection lives here too: acknowledgement
 * markers ({@code AckTracker}) and black-box observation of processes ({@code BlackBoxIdle}, {@code
 * IdleProbe}, {@code PipeGauge}). Every wait of the simulation is the scheduler's: in a stepped run
 * it drives the run and tests its condition between steps.
 *
 * <p>Threads: real time has one dispatcher thread; stepped has one stepper thread, which also lets
 * the nemesis act and evaluates waiters' conditions between steps (an exception from a condition is
 * rethrown to its waiter).
 *
 * <p>Locks, in the order they may be taken: the stepper's lock, then the network's, then a stdin
 * writer's monitor, then the log's. The network never calls into the scheduler while holding its
 * lock except through the delivery policy, which only calls the network back.
 */
package dev.procsim.core.internal.scheduling;
