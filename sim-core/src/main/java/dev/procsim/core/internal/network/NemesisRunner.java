package dev.procsim.core.internal.network;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.Durations;
import dev.procsim.core.Nemesis;
import dev.procsim.core.PartitionShape;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.seed.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a {@link Nemesis} on a thread of its own: waits for the next tick (a timed wait on a
 * condition, which {@link #stop()} cuts short), lifts the previous fault, injects the next one.
 * Every choice comes from a {@link SeededRandom}, and each decision is logged before it is carried
 * out.
 *
 * <pre>{@code
 * NemesisRunner runner = new NemesisRunner(nemesis, actions, store, new SeededRandom(seed), "nemesis");
 * runner.start();
 * ...
 * runner.stop(true);   // lifts the fault it injected last
 * }</pre>
 */
public final class NemesisRunner implements RunningNemesis {
  private final Nemesis plan;
  private final NemesisActions sim;
  private final LogStore log;
  private final SeededRandom random;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  // Held while a fault is lifted or injected, so that stop() never lifts one half-injected.
  private final ReentrantLock tick = new ReentrantLock();
  private final Condition stopRequested = lock.newCondition();
  private boolean stopped;

  /** How long stop() waits for a fault in progress (a crash waits for a process tree to die). */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private Runnable undoLast = () -> {};
  private long nextTickNanos = Long.MAX_VALUE;
  // A stepped run's: where its faults are written down, and the step the current tick is before.
  private volatile ScheduleRecorder recorder;

  /** A runner for {@code plan} acting through {@code sim}; call {@link #start()}. */
  public NemesisRunner(
      Nemesis plan, NemesisActions sim, LogStore log, SeededRandom random, String threadName) {
    this.plan = plan;
    this.sim = sim;
    this.log = log;
    this.random = random;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /** Writes the faults of a stepped run down in {@code recorder}, with their steps. */
  public void recordIn(ScheduleRecorder recorder) {
    this.recorder = recorder;
  }

  /** Starts ticking on its own thread, on the wall clock. */
  @Override
  public void start() {
    log.recordFault("nemesis", "started, " + plan);
    thread.start();
  }

  /**
   * For stepped runs: no thread; the stepper calls {@link #tickIfDue} between steps, and intervals
   * are measured on the virtual clock, so faults land at the same steps for the same seed.
   */
  @Override
  public void startStepped(long nowNanos) {
    log.recordFault("nemesis", "started on the virtual clock, " + plan);
    nextTickNanos = nowNanos + nextInterval();
  }

  /** In a stepped run, between two steps: lifts the last fault and injects the next when due. */
  @Override
  public void tickIfDue(long nowNanos, long step) {
    tick.lock();
    try {
      lock.lock();
      try {
        if (stopped || nowNanos < nextTickNanos) {
          return;
        }
      } finally {
        lock.unlock();
      }
      undoLast.run();
      undoLast = inject();
      nextTickNanos = nowNanos + nextInterval();
    } finally {
      tick.unlock();
    }
  }

  private long nextInterval() {
    return random.nextLong(plan.minInterval().toNanos(), plan.maxInterval().toNanos());
  }

  /**
   * Stops ticking and waits for a tick in progress; lifts the last fault when {@code liftLastFault}
   * (not worth it when the simulator is closing). Idempotent.
   */
  @Override
  public void stop(boolean liftLastFault) throws InterruptedException {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      stopped = true;
      stopRequested.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread.isAlive()) {
      thread.join(STOP_WAIT.toMillis());
    }
    if (!tick.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      log.recordFault(
          "nemesis",
          "stopped while a fault it was injecting had not finished within "
              + Durations.format(STOP_WAIT));
      return;
    }
    try {
      if (liftLastFault) {
        undoLast.run();
      }
      undoLast = () -> {};
    } finally {
      tick.unlock();
    }
    log.recordFault("nemesis", "stopped");
  }

  private void run() {
    try {
      while (awaitNextTick()) {
        tick.lock();
        try {
          undoLast.run();
          undoLast = inject();
        } finally {
          tick.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The simulator is closing under us, or a fault could not be applied: say so, stop ticking.
      log.recordFault("nemesis", "stopped by an error: " + e);
    }
  }

  /** Waits for the next tick; false when stopped first. */
  private boolean awaitNextTick() throws InterruptedException {
    long wait = random.nextLong(plan.minInterval().toNanos(), plan.maxInterval().toNanos());
    long deadline = System.nanoTime() + wait;
    lock.lock();
    try {
      while (!stopped) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        stopRequested.await(left, TimeUnit.NANOSECONDS);
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Injects one fault chosen by the seed and returns how to lift it. */
  private Runnable inject() {
    List<Nemesis.Fault> kinds = plan.faults();
    Nemesis.Fault kind = kinds.get(random.nextInt(kinds.size()));
    switch (kind) {
      case PARTITION -> {
        PartitionShape shape =
            PartitionShape.values()[random.nextInt(PartitionShape.values().length)];
        log.recordFault("nemesis", "partition " + shape);
        Partitions.Plan plan = sim.partition(shape);
        int handle = started("partition", shape + " " + String.join(",", plan.order()));
        return () -> {
          sim.heal();
          lifted(handle);
        };
      }
      case CRASH_RESTART -> {
        ComponentHandle victim = pickVictim();
        if (victim == null) {
          return () -> {};
        }
        log.recordFault("nemesis", "crash and later restart " + victim.name());
        victim.crash();
        int handle = started("crash", victim.name());
        return () -> {
          victim.restart();
          lifted(handle);
        };
      }
      default -> {
        ComponentHandle victim = pickVictim();
        if (victim == null) {
          return () -> {};
        }
        log.recordFault("nemesis", "pause and later resume " + victim.name());
        victim.pause();
        int handle = started("pause", victim.name());
        return () -> {
          victim.resume();
          lifted(handle);
        };
      }
    }
  }

  /** Writes an injected fault down (in a stepped run); its handle, or -1. */
  private int started(String kind, String target) {
    ScheduleRecorder to = recorder;
    return to == null ? -1 : to.nemesisStarted(kind, target);
  }

  /** Writes down that the fault {@code handle} was lifted, before the stepper's next step. */
  private void lifted(int handle) {
    ScheduleRecorder to = recorder;
    if (to != null && handle >= 0) {
      to.nemesisLifted(handle);
    }
  }

  /** A running component among the targets, chosen by the seed; null (logged) when none runs. */
  private ComponentHandle pickVictim() {
    List<ComponentHandle> candidates = new ArrayList<>();
    for (ComponentHandle component : sim.components()) {
      boolean targeted = plan.targets().isEmpty() || plan.targets().contains(component.name());
      if (targeted && component.isAlive() && !component.isPaused()) {
        candidates.add(component);
      }
    }
    // Draw even when there is no choice, so later decisions do not depend on who was alive.
    int pick = random.nextInt(Math.max(1, candidates.size()));
    if (candidates.isEmpty()) {
      log.recordFault("nemesis", "no running target to crash or pause; skipped");
      return null;
    }
    return candidates.get(pick);
  }
}
