package dev.procsim.core.internal.network;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.PartitionShape;
import dev.procsim.core.Schedule;
import dev.procsim.core.internal.log.LogStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The nemesis of a replayed run: the schedule's faults, each injected before the step it came at
 * and lifted before the step it went at, instead of faults drawn from the seed. Written down again
 * as they happen, so the replay's schedule is the schedule replayed.
 *
 * <pre>{@code
 * RunningNemesis nemesis =
 *     new ScheduledNemesis(schedule.nemesis(), plan.toString(), actions, store, recorder);
 * nemesis.startStepped(clock.nanos());
 * }</pre>
 */
public final class ScheduledNemesis implements RunningNemesis {
  /** One thing to do before a step: a fault's start or its end. */
  private record Event(long step, boolean start, int fault) {}

  private final List<Schedule.NemesisFault> faults;
  private final NemesisActions sim;
  private final LogStore log;
  private final ScheduleRecorder recorder;
  private final String plan;
  private final List<Event> events = new ArrayList<>();
  private final int[] handles;
  private int next;
  private boolean stopped;

  /**
   * Replays {@code faults} through {@code sim}, logging to {@code log}, writing to {@code
   * recorder}: those that come from the recorder's current step on (a nemesis started again after a
   * heal replays the faults of its own phase, not the earlier ones).
   */
  public ScheduledNemesis(
      List<Schedule.NemesisFault> faults,
      String plan,
      NemesisActions sim,
      LogStore log,
      ScheduleRecorder recorder) {
    this.faults = List.copyOf(faults);
    this.plan = plan;
    this.sim = sim;
    this.log = log;
    this.recorder = recorder;
    this.handles = new int[faults.size()];
    Arrays.fill(handles, -1);
    for (int i = 0; i < this.faults.size(); i++) {
      Schedule.NemesisFault fault = this.faults.get(i);
      events.add(new Event(fault.fromStep(), true, i));
      if (fault.toStep() >= 0) {
        events.add(new Event(fault.toStep(), false, i));
      }
    }
    // Stable: at one step, what came first in the recording comes first again.
    events.sort(Comparator.comparingLong(Event::step));
    long from = recorder.currentStep();
    while (next < events.size() && events.get(next).step() < from) {
      next++;
    }
  }

  @Override
  public void start() {
    throw new IllegalStateException("a schedule is replayed in a stepped run only");
  }

  @Override
  public synchronized void startStepped(long nowNanos) {
    // Worded as the seeded nemesis words it: a replay's log reads as the run it repeats.
    log.recordFault("nemesis", "started on the virtual clock, " + plan);
  }

  @Override
  public synchronized void tickIfDue(long nowNanos, long step) {
    while (!stopped && next < events.size() && events.get(next).step() <= step) {
      Event event = events.get(next++);
      Schedule.NemesisFault fault = faults.get(event.fault());
      if (event.start()) {
        inject(fault);
        handles[event.fault()] = recorder.nemesisStarted(fault.kind(), fault.target());
      } else if (handles[event.fault()] >= 0) {
        lift(fault);
        recorder.nemesisLifted(handles[event.fault()]);
        handles[event.fault()] = -1;
      }
    }
  }

  private void inject(Schedule.NemesisFault fault) {
    switch (fault.kind()) {
      case "partition" -> {
        String[] shapeAndOrder = fault.target().split(" ", 2);
        List<String> order =
            shapeAndOrder.length < 2 ? List.of() : List.of(shapeAndOrder[1].split(","));
        log.recordFault("nemesis", "partition " + shapeAndOrder[0]);
        sim.partition(PartitionShape.valueOf(shapeAndOrder[0]), order);
      }
      case "crash" -> {
        log.recordFault("nemesis", "crash and later restart " + fault.target());
        component(fault.target()).crash();
      }
      default -> {
        log.recordFault("nemesis", "pause and later resume " + fault.target());
        component(fault.target()).pause();
      }
    }
  }

  private void lift(Schedule.NemesisFault fault) {
    switch (fault.kind()) {
      case "partition" -> sim.heal();
      case "crash" -> component(fault.target()).restart();
      default -> component(fault.target()).resume();
    }
  }

  private ComponentHandle component(String name) {
    return sim.components().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the schedule names no component of this run: " + name));
  }

  /** Stops; lifts what it injected and has not lifted when {@code liftLastFault}. */
  @Override
  public synchronized void stop(boolean liftLastFault) {
    if (stopped) {
      return;
    }
    stopped = true;
    if (liftLastFault) {
      for (int i = 0; i < handles.length; i++) {
        if (handles[i] >= 0) {
          lift(faults.get(i));
          recorder.nemesisLifted(handles[i]);
          handles[i] = -1;
        }
      }
    }
    log.recordFault("nemesis", "stopped");
  }
}
