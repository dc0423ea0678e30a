package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.log.Deadlines;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.RunningNemesis;
import dev.procsim.core.internal.network.StepResult;
import dev.procsim.core.internal.seed.SeededRandom;
import dev.procsim.core.internal.text.ConsoleEcho;
import dev.procsim.core.internal.text.FailureTexts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The thread of a stepped run. While a waiter has a request ({@link #runUntil}), and only then, it
 * waits until the participant that received the last message is idle, lets the nemesis act on the
 * virtual clock, tests the waiter's condition, and asks the network for one step (one due message,
 * chosen by the seed; the clock jumps to the next due time when nothing is due). Between requests
 * the run stands still, so the test thread's timing never changes it. A run held with deliveries
 * pending and no request for a while gets one warning, in the log and on the console.
 *
 * <pre>{@code
 * Stepper stepper = new Stepper(network, clock, participants, choice, store, echo, timeout, stall, "stepper");
 * stepper.start();
 * WaitOutcome outcome = stepper.runUntil(() -> done(), Long.MAX_VALUE, deadline);
 * }</pre>
 */
final class Stepper {
  /** A waiter's request: its condition, the time the clock must not pass, and how it ended. */
  private static final class Request {
    final BooleanSupplier condition;
    final long timeLimit;
    boolean met;
    Throwable failure;

    Request(BooleanSupplier condition, long timeLimit) {
      this.condition = condition;
      this.timeLimit = timeLimit;
    }
  }

  private final NetworkEngine network;
  private final VirtualClock clock;
  private final Map<String, Participant> participants = new ConcurrentHashMap<>();
  private final SeededRandom choice;
  private final LogStore log;
  private final ConsoleEcho echo;
  private final Duration stallWarning;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final IdleWaits idle;
  private volatile boolean running = true;
  private volatile Throwable broken;
  private volatile RunningNemesis nemesis;
  private Request request;
  private long quietAtChanges = -1;
  private long steps;
  private long stallCheckAt;
  private boolean warned;

  Stepper(
      NetworkEngine network,
      VirtualClock clock,
      List<? extends Participant> participants,
      SeededRandom choice,
      LogStore log,
      ConsoleEcho echo,
      Duration stepTimeout,
      Duration stallWarning,
      String threadName) {
    this.network = network;
    this.clock = clock;
    participants.forEach(p -> this.participants.put(p.name(), p));
    this.choice = choice;
    this.log = log;
    this.echo = echo;
    this.idle = new IdleWaits(log, echo, stepTimeout, () -> running);
    this.stallWarning = stallWarning;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /** Starts stepping; the stall timer starts now, not while the participants were starting. */
  void start() {
    lock.lock();
    try {
      stallCheckAt = Deadlines.after(stallWarning);
    } finally {
      lock.unlock();
    }
    thread.start();
  }

  /** How this stepper waits for participants to be idle. */
  IdleWaits idle() {
    return idle;
  }

  private void run() {
    try {
      Participant last = null;
      long lastMessageId = 0;
      while (awaitRequest()) {
        if (last != null) {
          idle.awaitIdle(last, "after message #" + lastMessageId);
          // Its delivery is recorded by a writer thread: wait for it, so conditions see it.
          log.awaitFate(lastMessageId, Deadlines.after(idle.stepTimeout()));
          last = null;
        }
        idle.settle();
        network.beforeStep(steps + 1);
        tickNemesis();
        Request serving = requestToServe();
        if (serving == null) {
          continue; // the waiter has what it waited for (or gave up): stand still right here
        }
        long limit = serving.timeLimit;
        StepResult result = network.step(choice, this::advanceClock, limit, steps + 1);
        switch (result.outcome()) {
          case DELIVERED -> {
            String target = result.delivered().orElseThrow().to();
            last = participants.get(target);
            lastMessageId = result.delivered().orElseThrow().id();
            countStep();
          }
          case STOPPED -> countStep(); // a message dropped or refused also took a step
          case LATER -> clock.advanceTo(limit);
          case NOTHING -> {
            if (limit != Long.MAX_VALUE) {
              clock.advanceTo(limit); // nothing happens before the limit: time simply passes
            } else {
              markQuiet(result.changesSoFar());
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // A bug of procsim's: say so, and make every wait fail with it rather than time out.
      String text = "the stepped simulation stopped: procsim's stepper failed: " + e;
      log.recordWarning(text);
      echo.warning(text);
      lock.lock();
      try {
        broken = e;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Lets the nemesis act if its time has come on the virtual clock, then waits for its victims. */
  private void tickNemesis() throws InterruptedException {
    RunningNemesis faults = nemesis;
    if (faults == null) {
      return;
    }
    try {
      faults.tickIfDue(clock.nanos(), steps + 1);
    } catch (RuntimeException e) {
      // A fault that could not be applied must not end the stepper: the nemesis stops instead.
      nemesis = null;
      log.recordFault("nemesis", "stopped by an error: " + e);
      echo.warning("the nemesis stopped: " + e);
    }
    idle.settle(); // a restart or resume by the nemesis
  }

  private long advanceClock(long nanos) {
    clock.advanceTo(nanos);
    return clock.nanos();
  }

  /**
   * Waits until a waiter has a request that is not met and the run is not quiet. Between requests
   * it looks, once per stall period, whether deliveries wait while nothing drives the run, and then
   * warns once. False when stopped.
   */
  private boolean awaitRequest() throws InterruptedException {
    lock.lock();
    try {
      while (running && !hasWork()) {
        if (request != null || warned) {
          changed.await(); // the waiter's end, or the next request, signals
          continue;
        }
        long left = stallCheckAt - System.nanoTime();
        if (left > 0) {
          changed.awaitNanos(left);
          continue;
        }
        int pending = network.pending();
        if (pending > 0) {
          warned = true;
          String text = FailureTexts.held(pending, stallWarning);
          log.recordWarning(text);
          echo.warning(text);
        } else {
          stallCheckAt = Deadlines.after(stallWarning);
        }
      }
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** Holding the lock: whether a request wants steps and the run can still change. */
  private boolean hasWork() {
    return request != null && !request.met && !isQuiet();
  }

  /**
   * Between steps: the request to take the next step for, or null when the stepper stands still
   * (there is none any more, or its condition now holds). The condition runs without the stepper's
   * lock: a waiter's code may take any lock of procsim's.
   */
  private Request requestToServe() {
    Request current;
    lock.lock();
    try {
      current = request;
      if (current == null || current.met) {
        return null;
      }
    } finally {
      lock.unlock();
    }
    boolean met;
    Throwable failure = null;
    try {
      met = current.condition.getAsBoolean();
    } catch (RuntimeException | Error e) { // an assertion in a predicate, say
      failure = e; // the waiter rethrows it: the stepper must not die of it
      met = true;
    }
    lock.lock();
    try {
      if (met) {
        current.failure = failure;
        current.met = true;
        changed.signalAll();
      }
      return met || request != current ? null : current;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Something changed in the network (a message queued, a component resumed): a stepper that stood
   * still because the run was quiet looks again. Called holding the network's lock.
   */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The next step waits until {@code participant} (restarted or resumed) is idle. */
  void unsettle(Participant participant) {
    idle.unsettle(participant);
    network.markChanged();
  }

  /** Lets {@code runner} inject faults between steps, on the virtual clock; null to stop. */
  void nemesis(RunningNemesis runner) {
    if (runner != null) {
      runner.startStepped(clock.nanos());
    }
    this.nemesis = runner;
  }

  private void countStep() {
    lock.lock();
    try {
      steps++;
      quietAtChanges = -1;
    } finally {
      lock.unlock();
    }
  }

  private void markQuiet(long changesSoFar) {
    lock.lock();
    try {
      quietAtChanges = changesSoFar;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs the simulation until {@code satisfied} holds between two steps (tested on the stepper's
   * thread once the last target is idle, so the run stops at a step fixed by the seed), or nothing
   * more can happen, or the deadline ({@link System#nanoTime}) passes. The virtual clock does not
   * pass {@code timeLimit}. An exception thrown by {@code satisfied} is rethrown here.
   */
  WaitOutcome runUntil(BooleanSupplier satisfied, long timeLimit, long deadlineNanos)
      throws InterruptedException {
    boolean stopped = false;
    lock.lock();
    try {
      if (request != null) {
        throw new IllegalStateException(
            "another thread is already waiting on this stepped simulation; a stepped run is"
                + " driven by one waiter at a time");
      }
      Request mine = new Request(satisfied, timeLimit);
      request = mine;
      warned = false;
      changed.signalAll();
      while (true) {
        if (mine.failure != null) {
          throw rethrown(mine.failure);
        }
        if (broken != null) {
          throw new IllegalStateException(
              "the stepped simulation stopped: procsim's stepper failed: " + broken, broken);
        }
        if (mine.met) {
          return WaitOutcome.MET;
        }
        if (!running || isQuiet()) {
          stopped = !running;
          break; // tested below, once the request is withdrawn and the stepper stands still
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return WaitOutcome.TIMED_OUT;
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      request = null;
      stallCheckAt = Deadlines.after(stallWarning);
      changed.signalAll();
      lock.unlock();
    }
    // Quiet: nothing steps without a request, so the condition sees the run standing still.
    if (satisfied.getAsBoolean()) {
      return WaitOutcome.MET;
    }
    return stopped ? WaitOutcome.CLOSED : WaitOutcome.QUIET;
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return (RuntimeException) failure;
  }

  /** Holding the lock: whether the last step found nothing to do and nothing changed since. */
  private boolean isQuiet() {
    return quietAtChanges >= 0 && quietAtChanges == network.changes();
  }

  /** How many steps were taken. */
  long steps() {
    lock.lock();
    try {
      return steps;
    } finally {
      lock.unlock();
    }
  }

  /** Stops stepping and waits for the thread (interrupting an idle wait in progress). */
  void stop() throws InterruptedException {
    lock.lock();
    try {
      running = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
