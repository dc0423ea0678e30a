package dev.procsim.core.internal.scheduling;

import dev.procsim.core.Durations;
import dev.procsim.core.SimulationException;
import dev.procsim.core.internal.log.BlockingWait;
import dev.procsim.core.internal.log.Deadlines;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.Probe;
import dev.procsim.core.internal.network.DeliveryPolicy;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.RunningNemesis;
import dev.procsim.core.internal.seed.SeededRandom;
import dev.procsim.core.internal.text.ConsoleEcho;
import dev.procsim.core.internal.text.FailureTexts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stepped: the network holds every message; a {@link Stepper} hands out one seeded choice at a
 * time, each once the previous target is idle, on a {@link VirtualClock}. Participants start one at
 * a time, each idle before the next. Every wait drives the run: it steps until its probe finds what
 * it looks for (tested between steps), and fails at once when the run goes quiet first. Before the
 * start and after the close, waits only look at the log.
 *
 * <pre>{@code
 * Scheduler scheduler = new SteppedScheduler(echo, new SeededRandom(seed), timeout, stall, "run-1-stepper");
 * }</pre>
 */
final class SteppedScheduler implements Scheduler {
  private final VirtualClock clock = new VirtualClock();
  private final ConsoleEcho echo;
  private final SeededRandom choice;
  private final Duration stepTimeout;
  private final Duration stallWarning;
  private final String threadName;
  private NetworkEngine network;
  private LogStore store;
  private BlockingWait lookOnly;
  private volatile Stepper stepper;
  private volatile boolean closed;

  SteppedScheduler(
      ConsoleEcho echo,
      SeededRandom choice,
      Duration stepTimeout,
      Duration stallWarning,
      String threadName) {
    this.echo = echo;
    this.choice = choice;
    this.stepTimeout = stepTimeout;
    this.stallWarning = stallWarning;
    this.threadName = threadName;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public DeliveryPolicy deliveryPolicy() {
    // Nothing goes out by itself, one message per step; but a stepper that found the run quiet
    // must look again when a message comes late.
    return network -> {
      Stepper current = stepper;
      if (current != null) {
        current.wake();
      }
    };
  }

  @Override
  public void attach(NetworkEngine network, LogStore store) {
    this.network = network;
    this.store = store;
    this.lookOnly = new BlockingWait(store);
  }

  @Override
  public void start(List<? extends Participant> participants) {
    Stepper created =
        new Stepper(
            network,
            clock,
            participants,
            choice,
            store,
            echo,
            stepTimeout,
            stallWarning,
            threadName);
    String waitingFor = "";
    // Spawning side by side changes nothing a step sees: what a process prints before its start
    // waits in its pipe, and its start (then its idleness) still comes in the participants' order.
    Preparations.prepareAll(participants, threadName);
    try {
      for (Participant participant : participants) {
        participant.start();
        waitingFor = " (waiting for " + participant.name() + " to be idle after it started)";
        // One at a time, each idle before the next starts: startup is deterministic too.
        created.idle().awaitIdle(participant, "after it started");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while starting the simulation" + waitingFor, e);
    }
    created.start();
    stepper = created;
  }

  @Override
  public void participantChanged(Participant participant) {
    Stepper current = stepper;
    if (current != null) {
      current.unsettle(participant);
    }
  }

  @Override
  public void nemesis(RunningNemesis runner) {
    if (runner != null) {
      running().nemesis(runner);
    } else if (stepper != null) {
      stepper.nemesis(null);
    }
  }

  @Override
  public <T> T await(Probe<T> probe, Duration timeout) {
    Stepper current = stepper;
    if (current == null || closed) {
      return lookOnly.await(probe, timeout);
    }
    Object[] found = {null};
    WaitOutcome outcome =
        drive(
            current,
            () -> {
              Optional<T> match = probe.poll();
              match.ifPresent(m -> found[0] = m);
              String failure = store.failure();
              if (match.isEmpty() && failure != null) {
                throw new AssertionError(
                    FailureTexts.incomplete(probe.description(), failure, store.events()));
              }
              return match.isPresent();
            },
            Long.MAX_VALUE,
            timeout,
            probe.description());
    return switch (outcome) {
      case MET -> {
        @SuppressWarnings("unchecked")
        T match = (T) found[0];
        yield match;
      }
      case QUIET ->
          throw new AssertionError(
              FailureTexts.wentQuiet(probe.description(), current.steps(), store.events()));
      case TIMED_OUT ->
          throw new AssertionError(
              FailureTexts.timedOut(
                  probe.description(), timeout, store.messages().size(), store.events()));
      case CLOSED ->
          throw new AssertionError(FailureTexts.closed(probe.description(), store.events()));
    };
  }

  @Override
  public boolean isStepped() {
    return true;
  }

  @Override
  public void awaitQuiescence(Duration timeout) {
    Stepper current = running();
    WaitOutcome outcome = drive(current, () -> false, Long.MAX_VALUE, timeout, "quiescence");
    if (outcome == WaitOutcome.TIMED_OUT) {
      throw new AssertionError(FailureTexts.notQuiet(timeout, current.steps(), store.events()));
    }
    if (outcome == WaitOutcome.CLOSED) {
      throw new AssertionError(FailureTexts.closed("the run quiet", store.events()));
    }
  }

  @Override
  public long advance(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("cannot advance a negative number of steps: " + steps);
    }
    Stepper current = running();
    long before = current.steps();
    // Each step waits at most twice the step timeout (idle, then its delivery recorded); a stuck
    // participant is reported and passed. Past that bound, it returns with the steps taken.
    long perStep = TimeUnit.NANOSECONDS.convert(stepTimeout) * 2;
    long boundNanos =
        perStep > Long.MAX_VALUE / (steps + 1L) ? Long.MAX_VALUE : perStep * (steps + 1L);
    drive(
        current,
        () -> current.steps() - before >= steps,
        Long.MAX_VALUE,
        Duration.ofNanos(boundNanos),
        steps + " steps");
    return current.steps() - before;
  }

  @Override
  public void advanceUntil(Duration time, Duration timeout) {
    if (time.isNegative()) {
      throw new IllegalArgumentException("a virtual time cannot be negative: " + time);
    }
    Stepper current = running();
    long limit = time.toNanos();
    WaitOutcome outcome =
        drive(
            current,
            () -> clock.nanos() >= limit,
            limit,
            timeout,
            "virtual time " + Durations.format(time));
    if (outcome == WaitOutcome.CLOSED) {
      throw new AssertionError(
          FailureTexts.closed("the virtual clock at " + Durations.format(time), store.events()));
    }
    if (outcome == WaitOutcome.TIMED_OUT) {
      throw new AssertionError(
          FailureTexts.timedOut(
              "the virtual clock to reach " + Durations.format(time),
              timeout,
              store.messages().size(),
              store.events()));
    }
    clock.advanceTo(limit); // quiet before the limit: time passes all the same
  }

  private WaitOutcome drive(
      Stepper current, BooleanSupplier condition, long timeLimit, Duration timeout, String what) {
    try {
      return current.runUntil(condition, timeLimit, Deadlines.after(timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while waiting for " + what, e);
    }
  }

  private Stepper running() {
    Stepper current = stepper;
    if (current == null || closed) {
      throw new IllegalStateException(
          "the stepped simulation is " + (closed ? "closed" : "not started"));
    }
    return current;
  }

  @Override
  public long steps() {
    Stepper current = stepper;
    return current == null ? 0 : current.steps();
  }

  @Override
  public void close() {
    closed = true;
    Stepper current = stepper;
    if (current == null) {
      return;
    }
    try {
      current.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
