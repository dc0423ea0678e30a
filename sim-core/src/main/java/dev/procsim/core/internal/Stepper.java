package dev.procsim.core.internal;

import dev.procsim.core.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stepped scheduling policy of the network. While a test waits for quiescence (and only then),
 * on its own thread it waits until the component that received the last message is idle (by its
 * acknowledgements, or black-box by {@link IdleProbe}), then asks the network for one step, which
 * hands out one due message chosen by the seed and moves the virtual clock when nothing is due.
 * With deterministic components the same seed gives the same log. A component that does not become
 * idle within the step timeout is reported and stepped past.
 *
 * <pre>{@code
 * Stepper stepper = new Stepper(network, clock, components, new SeededRandom(seed), log, echo, timeout, "stepper");
 * stepper.start();
 * stepper.awaitQuiescence(deadline);
 * }</pre>
 */
public final class Stepper {
  /** The gap between the two samples of black-box idle detection. */
  static final long PROBE_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(300);

  private final NetworkEngine network;
  private final VirtualClock clock;
  private final List<ProcessComponent> components;
  private final SeededRandom choice;
  private final RecordingLog log;
  private final ConsoleEcho echo;
  private final Duration stepTimeout;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quietChanged = lock.newCondition();
  private volatile boolean running = true;
  private long quietAtEnqueued = -1;
  private long steps;
  private java.util.function.BooleanSupplier condition;
  private boolean conditionMet;
  private final java.util.Set<ProcessComponent> unsettled =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile NemesisRunner nemesis;

  /** A stepper for {@code network}; call {@link #start()}. */
  public Stepper(
      NetworkEngine network,
      VirtualClock clock,
      List<ProcessComponent> components,
      SeededRandom choice,
      RecordingLog log,
      ConsoleEcho echo,
      Duration stepTimeout,
      String threadName) {
    this.network = network;
    this.clock = clock;
    this.components = List.copyOf(components);
    this.choice = choice;
    this.log = log;
    this.echo = echo;
    this.stepTimeout = stepTimeout;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /** Starts stepping. */
  public void start() {
    thread.start();
  }

  /**
   * Waits until {@code component} is idle or the step timeout passes; on time-out records a
   * protocol error and returns, so one stuck component cannot hang the simulation.
   */
  public void awaitIdle(ProcessComponent component, String after) throws InterruptedException {
    long deadline = System.nanoTime() + stepTimeout.toNanos();
    boolean idle;
    if (component.spec().acks()) {
      idle = component.acks().awaitIdle(deadline);
    } else {
      idle = component.looksIdle(PROBE_GAP_NANOS);
      while (!idle && System.nanoTime() < deadline && running) {
        idle = component.looksIdle(PROBE_GAP_NANOS);
      }
    }
    if (!idle && running) {
      String problem =
          component.name()
              + " did not become idle within "
              + stepTimeout.toMillis()
              + " ms "
              + after
              + (component.spec().acks()
                  ? " (no acknowledgement marker \"" + component.spec().ackMarker() + "\")"
                  : " (it kept running, or did not wait for input)")
              + "; stepping on";
      log.recordProtocolError(component.name(), "", problem);
      echo.warning(problem);
    }
  }

  private void run() {
    try {
      ProcessComponent last = null;
      long lastMessageId = 0;
      String lastDescription = "";
      while (awaitRequested()) {
        if (last != null) {
          awaitIdle(last, lastDescription);
          // Its delivery is recorded by a writer thread: wait for it, so conditions see it.
          log.awaitFate(lastMessageId, System.nanoTime() + stepTimeout.toNanos());
        }
        settle();
        NemesisRunner faults = nemesis;
        if (faults != null) {
          faults.tickIfDue(clock.nanos());
          settle(); // a restart or resume by the nemesis
        }
        if (checkCondition()) {
          continue; // the waiter has what it waited for: stand still right here
        }
        NetworkEngine.StepResult result = network.step(choice, clock);
        if (result.delivered().isPresent()) {
          Message message = result.delivered().get();
          last = component(message.to());
          lastMessageId = message.id();
          lastDescription = "after message #" + message.id();
          countStep();
        } else {
          last = null;
          if (result.queueWasEmpty()) {
            markQuiet(result.enqueuedSoFar());
          } else {
            countStep(); // a message that was dropped or refused also took a step
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until someone waits for quiescence and there is something to do. Between such waits the
   * simulation stands still, so messages a test sends meanwhile cannot race the steps: that is what
   * keeps a stepped run deterministic whatever the test thread's timing. False when stopped.
   */
  private boolean awaitRequested() throws InterruptedException {
    lock.lock();
    try {
      while (running
          && (condition == null
              || conditionMet
              || (quietAtEnqueued >= 0 && quietAtEnqueued == network.enqueuedCount()))) {
        quietChanged.await();
      }
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** Between steps: whether a waiter's condition now holds; if so, the stepper stands still. */
  private boolean checkCondition() {
    lock.lock();
    try {
      if (condition != null && !conditionMet && condition.getAsBoolean()) {
        conditionMet = true;
        quietChanged.signalAll();
      }
      return conditionMet;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every restarted or resumed component is idle, before the next step. */
  private void settle() throws InterruptedException {
    for (ProcessComponent component : List.copyOf(unsettled)) {
      unsettled.remove(component);
      awaitIdle(component, "after it was restarted or resumed");
    }
  }

  /**
   * Marks {@code component} as possibly busy (it was restarted or resumed): the next step waits
   * until it is idle.
   */
  public void unsettle(ProcessComponent component) {
    unsettled.add(component);
  }

  /** Lets {@code runner} inject faults between steps, on the virtual clock; null to stop. */
  public void nemesis(NemesisRunner runner) {
    if (runner != null) {
      runner.startStepped(clock.nanos());
    }
    this.nemesis = runner;
  }

  private ProcessComponent component(String name) {
    for (ProcessComponent component : components) {
      if (component.name().equals(name)) {
        return component;
      }
    }
    throw new IllegalStateException("no component " + name);
  }

  private void countStep() {
    lock.lock();
    try {
      steps++;
      quietAtEnqueued = -1;
    } finally {
      lock.unlock();
    }
  }

  private void markQuiet(long enqueuedSoFar) {
    lock.lock();
    try {
      quietAtEnqueued = enqueuedSoFar;
      quietChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs the simulation until it is quiet: every component idle and no message or timer queued.
   * Steps happen only while someone waits here or in {@link #runUntil}. Returns false when the
   * deadline ({@link System#nanoTime}) passed first.
   */
  public boolean awaitQuiescence(long deadlineNanos) throws InterruptedException {
    return runUntil(() -> false, deadlineNanos) == Outcome.QUIET;
  }

  /** How a {@link #runUntil} ended. */
  public enum Outcome {
    /** The condition held, between two steps. */
    MET,
    /** Nothing more can happen and the condition does not hold. */
    QUIET,
    /** The deadline passed. */
    TIMED_OUT
  }

  /**
   * Runs the simulation until {@code satisfied} holds between two steps (it is tested in the
   * stepper's thread, once the last target is idle, so the run stops at a step fixed by the seed),
   * or until nothing more can happen, or the deadline ({@link System#nanoTime}) passes.
   */
  public Outcome runUntil(java.util.function.BooleanSupplier satisfied, long deadlineNanos)
      throws InterruptedException {
    lock.lock();
    try {
      if (condition != null) {
        throw new IllegalStateException("another thread is already running the stepped simulation");
      }
      condition = satisfied;
      conditionMet = false;
      quietChanged.signalAll();
      while (true) {
        if (conditionMet) {
          return Outcome.MET;
        }
        if (quietAtEnqueued >= 0 && quietAtEnqueued == network.enqueuedCount()) {
          // Quiet: the stepper tested the condition one last time before standing still.
          return satisfied.getAsBoolean() ? Outcome.MET : Outcome.QUIET;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return Outcome.TIMED_OUT;
        }
        quietChanged.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      condition = null;
      conditionMet = false;
      lock.unlock();
    }
  }

  /** How many steps were taken. */
  public long steps() {
    lock.lock();
    try {
      return steps;
    } finally {
      lock.unlock();
    }
  }

  /** Stops stepping and waits for the thread. */
  public void stop() throws InterruptedException {
    lock.lock();
    try {
      running = false;
      quietChanged.signalAll();
    } finally {
      lock.unlock();
    }
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
