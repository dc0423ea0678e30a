package dev.procsim.maelstrom.internal.run;

import dev.procsim.core.Durations;
import dev.procsim.core.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The faults of a Maelstrom run, as Jepsen's nemesis packages schedule them: each kind of fault
 * (partitions, kills, pauses) on a timeline of its own that flips between starting a fault and
 * ending it, each step a random time after the last, uniform between 0 and twice the nemesis
 * interval (so the interval is the mean, as Maelstrom's {@code --nemesis-interval}). Only nodes are
 * struck: clients and services are never cut off, killed or paused. A killed node starts again
 * fresh and is sent {@code init} again ({@link FaultApplier}). The choices come from the seed, and
 * each fault is written down with its times, for the run's schedule.
 *
 * <pre>{@code
 * NemesisDriver nemesis =
 *     new NemesisDriver(sim, nodes, Set.of("partition"), interval, seed, sim.now(), applier);
 * Duration next = nemesis.nextAction();   // simulation time of its next step
 * nemesis.actDue(sim.now());              // takes the steps that are due
 * nemesis.endAll();                       // heals, restarts and resumes what is struck
 * }</pre>
 */
final class NemesisDriver implements RunNemesis {
  private final Simulator sim;
  private final List<String> nodes;
  private final FaultApplier applier;
  private final Duration interval;
  private final Duration start;
  private final List<MaelstromSchedule.Fault> recorded = new ArrayList<>();
  private final List<Timeline> timelines = new ArrayList<>();
  private final List<String> actions = new ArrayList<>();

  NemesisDriver(
      Simulator sim,
      List<String> nodes,
      Set<String> faults,
      Duration interval,
      long seed,
      Duration start,
      FaultApplier applier) {
    this.sim = sim;
    this.nodes = List.copyOf(nodes);
    this.interval = interval;
    this.start = start;
    this.applier = applier;
    Map<String, List<String>> families = new LinkedHashMap<>();
    for (String fault : faults.stream().sorted().toList()) {
      String family = fault.startsWith("partition") ? "partition" : fault;
      families.computeIfAbsent(family, f -> new ArrayList<>()).add(fault);
    }
    families.forEach(
        (family, members) -> {
          Random random = new Random(seed ^ family.hashCode() * 0x9E3779B97F4A7C15L);
          timelines.add(new Timeline(family, members, random, stagger(this.start, random)));
        });
  }

  /** Whether there is anything to inject. */
  boolean isEnabled() {
    return !timelines.isEmpty();
  }

  /** The simulation time of the next step; {@code null} when there is none. */
  @Override
  public Duration nextAction() {
    return timelines.stream().map(t -> t.next).min(Duration::compareTo).orElse(null);
  }

  /** Takes every step due at {@code now}: starts a fault, or ends the one its kind started. */
  @Override
  public void actDue(Duration now) {
    for (Timeline timeline : timelines) {
      if (timeline.next.compareTo(now) <= 0) {
        if (timeline.active < 0) {
          timeline.active = inject(timeline);
        } else {
          lift(timeline);
        }
        timeline.next = stagger(now, timeline.random);
      }
    }
  }

  /** What the nemesis did, one line per fault started: {@code "12.3 s: partition majority"}. */
  @Override
  public List<String> actions() {
    return List.copyOf(actions);
  }

  private String at() {
    // From the clients' start, as the schedule and the shrinker's description count.
    return Durations.format(sim.now().minus(start)) + ": ";
  }

  /** The faults injected so far, with their times since the clients began: for the schedule. */
  @Override
  public List<MaelstromSchedule.Fault> recorded() {
    return List.copyOf(recorded);
  }

  /** Ends every fault still active. */
  @Override
  public void endAll() {
    for (Timeline timeline : timelines) {
      if (timeline.active >= 0) {
        lift(timeline);
      }
    }
  }

  private void lift(Timeline timeline) {
    MaelstromSchedule.Fault fault = recorded.get(timeline.active);
    applier.lift(fault);
    recorded.set(timeline.active, fault.liftedAt(sim.now().minus(start).toNanos()));
    timeline.active = -1;
  }

  /** Draws the timeline's next fault, carries it out and writes it down; its index. */
  private int inject(Timeline timeline) {
    MaelstromSchedule.Fault fault = draw(timeline);
    applier.apply(fault);
    actions.add(at() + fault.what());
    recorded.add(fault);
    return recorded.size() - 1;
  }

  private Duration stagger(Duration from, Random random) {
    return from.plusNanos((long) (random.nextDouble() * 2 * interval.toNanos()));
  }

  private MaelstromSchedule.Fault draw(Timeline timeline) {
    Random random = timeline.random;
    long now = sim.now().minus(start).toNanos();
    switch (timeline.family) {
      case "partition" -> {
        String name = timeline.members.get(random.nextInt(timeline.members.size()));
        String shape = NemesisFaults.shape(name, random);
        List<NemesisFaults.Cut> cuts = NemesisFaults.partition(shape, nodes, random);
        String what =
            "partition "
                + shape
                + (cuts.isEmpty() ? ": cuts nothing among " + nodes.size() + " node(s)" : "");
        return new MaelstromSchedule.Fault(
            "partition",
            what,
            now,
            -1,
            cuts.stream().map(c -> List.of(c.from(), c.to())).toList(),
            List.of());
      }
      case "kill" -> {
        List<String> victims = NemesisFaults.victims(nodes, random);
        return new MaelstromSchedule.Fault("kill", "kill " + victims, now, -1, List.of(), victims);
      }
      default -> {
        List<String> victims = NemesisFaults.victims(nodes, random);
        return new MaelstromSchedule.Fault(
            "pause", "pause " + victims, now, -1, List.of(), victims);
      }
    }
  }

  /** One kind of fault: its members, its random, its next step and what ends its fault. */
  private static final class Timeline {
    final String family;
    final List<String> members;
    final Random random;
    Duration next;
    int active = -1;

    Timeline(String family, List<String> members, Random random, Duration next) {
      this.family = family;
      this.members = members;
      this.random = random;
      this.next = next;
    }
  }
}
