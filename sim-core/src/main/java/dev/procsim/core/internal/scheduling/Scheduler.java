package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.WaitStrategy;
import dev.procsim.core.internal.network.DeliveryPolicy;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.RunningNemesis;
import java.time.Duration;
import java.util.List;

/**
 * When things happen in a simulation: real time (messages go out when due on the real clock) or
 * stepped (one seeded delivery at a time, once the last target is idle, on a virtual clock). Chosen
 * once, by {@link Schedulers#create}; nothing else asks which. Every wait is the scheduler's
 * ({@link WaitStrategy}): in a stepped run a wait drives the run and tests its condition between
 * steps.
 *
 * <pre>{@code
 * Scheduler scheduler = Schedulers.create(stepped, seed, echo, stepTimeout, stallWarning, "run-1");
 * LogStore store = new LogStore(scheduler.clock(), outputLimit);
 * NetworkEngine network =
 *     new NetworkEngine(store, scheduler.clock(), decisions, endpoints, scheduler.deliveryPolicy());
 * scheduler.attach(network, store);
 * scheduler.start(participants);
 * Message m = scheduler.await(probe, Duration.ofSeconds(5));
 * scheduler.close();
 * }</pre>
 */
public interface Scheduler extends WaitStrategy {
  /** The simulation clock. */
  Clock clock();

  /** What the network does right after it queued a message. */
  DeliveryPolicy deliveryPolicy();

  /** Binds the network it schedules and the log it waits on; once, before anything else. */
  void attach(NetworkEngine network, LogStore store);

  /**
   * Starts the participants and the scheduler's own threads: in real time all at once, stepped one
   * at a time, each idle before the next.
   */
  void start(List<? extends Participant> participants);

  /** A participant was restarted or resumed: it may be busy, and held messages may go. */
  void participantChanged(Participant participant);

  /**
   * Lets {@code runner} inject its faults (on its own thread in real time, between steps on the
   * virtual clock when stepped); null detaches the current one, which the caller then stops.
   */
  void nemesis(RunningNemesis runner);

  /** Whether runs are stepped. For the user's question only: nothing internal branches on it. */
  boolean isStepped();

  /**
   * Runs a stepped simulation until it is quiet: every participant idle, nothing queued.
   *
   * @throws AssertionError when it is not quiet within {@code timeout}
   * @throws IllegalStateException in real time
   */
  void awaitQuiescence(Duration timeout);

  /**
   * Takes up to {@code steps} more steps, fewer when the run goes quiet first; returns how many.
   *
   * @throws IllegalStateException in real time
   */
  long advance(int steps);

  /**
   * Runs until the virtual clock reads {@code time}: every message due by then is delivered, none
   * due later, and the clock is then set to {@code time}.
   *
   * @throws AssertionError when that takes longer than {@code timeout} of real time
   * @throws IllegalStateException in real time
   */
  void advanceUntil(Duration time, Duration timeout);

  /** How many steps were taken (0 in real time). */
  long steps();

  /** Stops the scheduler's threads; waits then only look at the log as it is. */
  void close();
}
