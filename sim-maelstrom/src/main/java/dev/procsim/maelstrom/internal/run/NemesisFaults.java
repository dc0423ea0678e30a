package dev.procsim.maelstrom.internal.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults a Maelstrom run's nemesis knows, by name, and how each picks its victims among the
 * nodes (never clients or services, as in Maelstrom). Every choice comes from the random it is
 * given, so a seed gives the same faults.
 *
 * <ul>
 *   <li>{@code partition}: Maelstrom's; each time one of its shapes at random: {@code one} (one
 *       node cut off), {@code minority-third} (fewer than a third of the nodes), {@code majority}
 *       (two halves), {@code majorities-ring} (each node sees a majority, no two the same one).
 *   <li>{@code partition-<shape>}: always that shape; besides Maelstrom's four, procsim's {@code
 *       bridge} (two halves and one node that reaches both) and {@code one-way} (messages from one
 *       half to the other are lost, the other way they flow: what Maelstrom's issue #23 asks for).
 *   <li>{@code kill}: nodes are killed (SIGKILL) and later started again, fresh, and sent {@code
 *       init} again; {@code pause}: nodes are stopped (SIGSTOP) and later resumed. Each time one of
 *       {@code one}, {@code minority}, {@code majority} or {@code all} at random.
 * </ul>
 *
 * <pre>{@code
 * List<Cut> cuts = NemesisFaults.partition("majority", nodes, random);
 * List<String> victims = NemesisFaults.victims(nodes, random);
 * }</pre>
 */
final class NemesisFaults {
  /** Maelstrom's partition shapes, which {@code partition} chooses among. */
  static final List<String> MAELSTROM_SHAPES =
      List.of("one", "minority-third", "majority", "majorities-ring");

  /** Every fault name {@code --nemesis} accepts. */
  static final List<String> NAMES =
      List.of(
          "partition",
          "partition-one",
          "partition-minority-third",
          "partition-majority",
          "partition-majorities-ring",
          "partition-bridge",
          "partition-one-way",
          "kill",
          "pause");

  private NemesisFaults() {}

  /** A link taken down, one way. */
  record Cut(String from, String to) {}

  /** The shape a partition fault {@code name} uses this time. */
  static String shape(String name, Random random) {
    if (name.equals("partition")) {
      return MAELSTROM_SHAPES.get(random.nextInt(MAELSTROM_SHAPES.size()));
    }
    return name.substring("partition-".length());
  }

  /** The links to take down for a partition of {@code shape}; empty when it cuts nothing. */
  static List<Cut> partition(String shape, List<String> nodes, Random random) {
    List<String> ring = new ArrayList<>(nodes);
    Collections.shuffle(ring, random);
    int n = ring.size();
    List<Cut> cuts = new ArrayList<>();
    switch (shape) {
      case "one" -> both(cuts, ring.subList(0, Math.min(1, n)), ring.subList(Math.min(1, n), n));
      case "minority-third" -> {
        int small = (n - 1) / 3;
        both(cuts, ring.subList(0, small), ring.subList(small, n));
      }
      case "majority" -> both(cuts, ring.subList(0, n / 2), ring.subList(n / 2, n));
      case "bridge" -> {
        // ring.get(0) is the bridge: on neither list, so it reaches both halves.
        int middle = 1 + (n - 1) / 2;
        both(cuts, ring.subList(Math.min(1, n), middle), ring.subList(middle, n));
      }
      case "one-way" -> {
        for (String from : ring.subList(0, n / 2)) {
          for (String to : ring.subList(n / 2, n)) {
            cuts.add(new Cut(from, to));
          }
        }
      }
      case "majorities-ring" -> {
        // Each node sees itself and its nearest neighbours round the ring, a majority in all.
        int reach = (n / 2 + 1) / 2;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            int apart = Math.min(Math.abs(i - j), n - Math.abs(i - j));
            if (apart > reach) {
              cuts.add(new Cut(ring.get(i), ring.get(j)));
            }
          }
        }
      }
      default -> throw new IllegalArgumentException("no partition shape \"" + shape + "\"");
    }
    return cuts;
  }

  private static void both(List<Cut> cuts, List<String> left, List<String> right) {
    for (String a : left) {
      for (String b : right) {
        cuts.add(new Cut(a, b));
        cuts.add(new Cut(b, a));
      }
    }
  }

  /** The nodes a kill or a pause strikes: one, a minority, a majority or all, at random. */
  static List<String> victims(List<String> nodes, Random random) {
    List<String> shuffled = new ArrayList<>(nodes);
    Collections.shuffle(shuffled, random);
    int n = shuffled.size();
    int count =
        switch (random.nextInt(4)) {
          case 0 -> 1;
          case 1 -> Math.max(1, (n - 1) / 2);
          case 2 -> n / 2 + 1;
          default -> n;
        };
    List<String> chosen = new ArrayList<>(shuffled.subList(0, Math.min(count, n)));
    Collections.sort(chosen, NemesisFaults::byNumber);
    return chosen;
  }

  /** Orders node names by their number: n2 before n10. */
  static int byNumber(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
