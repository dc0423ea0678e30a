package dev.procsim.maelstrom.internal.run;

import dev.procsim.core.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The nemesis of a Maelstrom run that replays a schedule: its faults, each injected and lifted at
 * the simulated times they were (since the clients began), instead of faults drawn from the seed.
 *
 * <pre>{@code
 * RunNemesis nemesis = new ScriptedNemesis(schedule.faults(), applier, clientsFrom, sim::now);
 * }</pre>
 */
final class ScriptedNemesis implements RunNemesis {
  /** A fault's start or end. */
  private record Event(long atNanos, boolean start, int fault) {}

  private final List<MaelstromSchedule.Fault> faults;
  private final FaultApplier applier;
  private final Duration start;
  private final Supplier<Duration> clock;
  private final List<Event> events = new ArrayList<>();
  private final boolean[] active;
  private final List<String> actions = new ArrayList<>();
  private final List<MaelstromSchedule.Fault> recorded = new ArrayList<>();
  private final int[] recordedAt;
  private int next;

  ScriptedNemesis(
      List<MaelstromSchedule.Fault> faults,
      FaultApplier applier,
      Duration start,
      Supplier<Duration> clock) {
    this.faults = List.copyOf(faults);
    this.applier = applier;
    this.start = start;
    this.clock = clock;
    this.active = new boolean[this.faults.size()];
    this.recordedAt = new int[this.faults.size()];
    for (int i = 0; i < this.faults.size(); i++) {
      MaelstromSchedule.Fault fault = this.faults.get(i);
      events.add(new Event(fault.fromNanos(), true, i));
      if (fault.toNanos() >= 0) {
        events.add(new Event(fault.toNanos(), false, i));
      }
    }
    events.sort(Comparator.comparingLong(Event::atNanos));
  }

  @Override
  public Duration nextAction() {
    return next < events.size() ? start.plusNanos(events.get(next).atNanos()) : null;
  }

  @Override
  public void actDue(Duration now) {
    long since = now.minus(start).toNanos();
    while (next < events.size() && events.get(next).atNanos() <= since) {
      Event event = events.get(next++);
      MaelstromSchedule.Fault fault = faults.get(event.fault());
      if (event.start()) {
        applier.apply(fault);
        active[event.fault()] = true;
        actions.add(Durations.format(Duration.ofNanos(since)) + ": " + fault.what());
        recorded.add(
            new MaelstromSchedule.Fault(
                fault.kind(), fault.what(), since, -1, fault.cuts(), fault.victims()));
        recordedAt[event.fault()] = recorded.size() - 1;
      } else if (active[event.fault()]) {
        lift(event.fault(), since);
      }
    }
  }

  private void lift(int fault, long since) {
    applier.lift(faults.get(fault));
    active[fault] = false;
    recorded.set(recordedAt[fault], recorded.get(recordedAt[fault]).liftedAt(since));
  }

  @Override
  public void endAll() {
    next = events.size();
    long since = clock.get().minus(start).toNanos();
    for (int i = 0; i < active.length; i++) {
      if (active[i]) {
        lift(i, since);
      }
    }
  }

  @Override
  public List<String> actions() {
    return List.copyOf(actions);
  }

  @Override
  public List<MaelstromSchedule.Fault> recorded() {
    return List.copyOf(recorded);
  }
}
