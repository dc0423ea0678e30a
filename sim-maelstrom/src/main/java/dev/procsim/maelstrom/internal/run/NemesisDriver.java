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
import java.util.function.Consumer;

/**
 * The faults of a Maelstrom run, as Jepsen's nemesis packages schedule them: each kind of fault
 * (partitions, kills, pauses) on a timeline of its own that flips between starting a fault and
 * ending it, each step a random time after the last, uniform between 0 and twice the nemesis
 * interval (so the interval is the mean, as Maelstrom's {@code --nemesis-interval}). Only nodes are
 * struck: clients and services are never cut off, killed or paused. A killed node starts again
 * fresh and {@code onRestart} sends it {@code init}. The choices come from the seed.
 *
 * <pre>{@code
 * NemesisDriver nemesis =
 *     new NemesisDriver(sim, nodes, Set.of("partition"), interval, seed, sim.now(), reinit);
 * Duration next = nemesis.nextAction();   // simulation time of its next step
 * nemesis.actDue(sim.now());              // takes the steps that are due
 * nemesis.endAll();                       // heals, restarts and resumes what is struck
 * }</pre>
 */
final class NemesisDriver {
  private final Simulator sim;
  private final List<String> nodes;
  private final Consumer<String> onRestart;
  private final Duration interval;
  private final List<Timeline> timelines = new ArrayList<>();
  private final List<String> actions = new ArrayList<>();

  NemesisDriver(
      Simulator sim,
      List<String> nodes,
      Set<String> faults,
      Duration interval,
      long seed,
      Duration start,
      Consumer<String> onRestart) {
    this.sim = sim;
    this.nodes = List.copyOf(nodes);
    this.interval = interval;
    this.onRestart = onRestart;
    Map<String, List<String>> families = new LinkedHashMap<>();
    for (String fault : faults.stream().sorted().toList()) {
      String family = fault.startsWith("partition") ? "partition" : fault;
      families.computeIfAbsent(family, f -> new ArrayList<>()).add(fault);
    }
    families.forEach(
        (family, members) -> {
          Random random = new Random(seed ^ family.hashCode() * 0x9E3779B97F4A7C15L);
          timelines.add(new Timeline(family, members, random, stagger(start, random)));
        });
  }

  /** Whether there is anything to inject. */
  boolean isEnabled() {
    return !timelines.isEmpty();
  }

  /** The simulation time of the next step; {@code null} when there is none. */
  Duration nextAction() {
    return timelines.stream().map(t -> t.next).min(Duration::compareTo).orElse(null);
  }

  /** Takes every step due at {@code now}: starts a fault, or ends the one its kind started. */
  void actDue(Duration now) {
    for (Timeline timeline : timelines) {
      if (timeline.next.compareTo(now) <= 0) {
        if (timeline.lift == null) {
          timeline.lift = start(timeline);
        } else {
          Runnable lift = timeline.lift;
          timeline.lift = null;
          lift.run();
        }
        timeline.next = stagger(now, timeline.random);
      }
    }
  }

  /** What the nemesis did, one line per fault started: {@code "12.3 s: partition majority"}. */
  List<String> actions() {
    return List.copyOf(actions);
  }

  private String at() {
    return Durations.format(sim.now()) + ": ";
  }

  /** Ends every fault still active. */
  void endAll() {
    for (Timeline timeline : timelines) {
      if (timeline.lift != null) {
        Runnable lift = timeline.lift;
        timeline.lift = null;
        lift.run();
      }
    }
  }

  private Duration stagger(Duration from, Random random) {
    return from.plusNanos((long) (random.nextDouble() * 2 * interval.toNanos()));
  }

  private Runnable start(Timeline timeline) {
    Random random = timeline.random;
    switch (timeline.family) {
      case "partition" -> {
        String name = timeline.members.get(random.nextInt(timeline.members.size()));
        String shape = NemesisFaults.shape(name, random);
        List<NemesisFaults.Cut> cuts = NemesisFaults.partition(shape, nodes, random);
        for (NemesisFaults.Cut cut : cuts) {
          sim.cut(cut.from(), cut.to());
        }
        actions.add(
            at()
                + "partition "
                + shape
                + (cuts.isEmpty() ? ": cuts nothing among " + nodes.size() + " node(s)" : ""));
        return sim::heal;
      }
      case "kill" -> {
        List<String> victims = NemesisFaults.victims(nodes, random);
        victims.forEach(node -> sim.component(node).crash());
        actions.add(at() + "kill " + victims);
        return () ->
            victims.forEach(
                node -> {
                  sim.component(node).restart();
                  onRestart.accept(node);
                });
      }
      default -> {
        List<String> victims = NemesisFaults.victims(nodes, random);
        victims.forEach(node -> sim.component(node).pause());
        actions.add(at() + "pause " + victims);
        return () -> victims.forEach(node -> sim.component(node).resume());
      }
    }
  }

  /** One kind of fault: its members, its random, its next step and what ends its fault. */
  private static final class Timeline {
    final String family;
    final List<String> members;
    final Random random;
    Duration next;
    Runnable lift;

    Timeline(String family, List<String> members, Random random, Duration next) {
      this.family = family;
      this.members = members;
      this.random = random;
      this.next = next;
    }
  }
}
