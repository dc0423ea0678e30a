package dev.procsim.core.internal.network;

import dev.procsim.core.PartitionShape;
import dev.procsim.core.internal.seed.SeededRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a partition, given as sides or as a named shape, into the set of links it takes down, each
 * with the reason a dropped message will show.
 *
 * <pre>{@code
 * Partitions.Plan plan = Partitions.ofShape(PartitionShape.BRIDGE, components, random);
 * table.partition(plan.blocked());
 * }</pre>
 */
public final class Partitions {
  private Partitions() {}

  /**
   * A partition ready to apply.
   *
   * @param description what it is, e.g. {@code [n1] | [n2, n3]}
   * @param blocked every link it takes down, with the reason
   * @param order for a named shape, the order its components were drawn in (which, with the shape,
   *     makes it again: {@link #inOrder}); empty for sides
   */
  public record Plan(String description, Map<Link, String> blocked, List<String> order) {
    /** Copies the order. */
    public Plan {
      order = List.copyOf(order);
    }

    Plan(String description, Map<Link, String> blocked) {
      this(description, blocked, List.of());
    }
  }

  /**
   * Components on different sides cannot talk. Components on no side form one more side together,
   * so {@code ofSides([[n1]], all)} isolates n1 from the rest.
   *
   * @throws IllegalArgumentException for an unknown component or one listed on two sides
   */
  public static Plan ofSides(Collection<? extends Collection<String>> sides, List<String> all) {
    Map<String, Integer> sideOf = new HashMap<>();
    List<List<String>> groups = new ArrayList<>();
    for (Collection<String> side : sides) {
      List<String> group = new ArrayList<>();
      for (String name : side) {
        if (!all.contains(name)) {
          throw new IllegalArgumentException(
              "cannot partition: no component \""
                  + name
                  + "\"; the components are: "
                  + String.join(", ", all));
        }
        if (sideOf.putIfAbsent(name, groups.size()) != null) {
          throw new IllegalArgumentException(
              "cannot partition: " + name + " is listed on two sides");
        }
        group.add(name);
      }
      groups.add(group);
    }
    List<String> rest = new ArrayList<>();
    for (String name : all) {
      if (!sideOf.containsKey(name)) {
        sideOf.put(name, groups.size());
        rest.add(name);
      }
    }
    if (!rest.isEmpty()) {
      groups.add(rest);
    }
    groups.removeIf(List::isEmpty);
    String description = describeSides(groups);
    Map<Link, String> blocked = new LinkedHashMap<>();
    for (String a : all) {
      for (String b : all) {
        if (!sideOf.get(a).equals(sideOf.get(b))) {
          blocked.put(
              new Link(a, b), "the partition " + description + " separates " + a + " and " + b);
        }
      }
    }
    return new Plan(description, blocked);
  }

  /** The named shape, with its choices (who is isolated, who is where) made by {@code random}. */
  public static Plan ofShape(PartitionShape shape, List<String> all, SeededRandom random) {
    if (all.size() < 2) {
      throw new IllegalArgumentException("a partition needs at least two components");
    }
    return inOrder(shape, random.shuffled(all), all);
  }

  /**
   * The named shape over the components drawn in {@code order} (a permutation of {@code all}): how
   * a recorded partition is made again.
   *
   * @throws IllegalArgumentException when {@code order} is not a permutation of {@code all}
   */
  public static Plan inOrder(PartitionShape shape, List<String> order, List<String> all) {
    if (order.size() != all.size() || !new HashSet<>(order).equals(new HashSet<>(all))) {
      throw new IllegalArgumentException(
          "a partition's order must list every component once: " + order + ", not " + all);
    }
    int half = order.size() / 2;
    Plan plan =
        switch (shape) {
          case ISOLATE_ONE -> ofSides(List.of(List.of(order.get(0))), all);
          case RANDOM_HALVES ->
              ofSides(List.of(order.subList(0, half), order.subList(half, order.size())), all);
          case BRIDGE -> bridge(order, all);
          case MAJORITIES_RING -> majoritiesRing(order, all);
        };
    return new Plan(plan.description(), plan.blocked(), order);
  }

  /** Two halves that cannot talk, and one node in the middle that talks to both. */
  private static Plan bridge(List<String> order, List<String> all) {
    if (order.size() < 3) {
      return ofSides(List.of(order.subList(0, 1)), all);
    }
    String bridge = order.get(0);
    List<String> rest = order.subList(1, order.size());
    int half = rest.size() / 2;
    Set<String> left = new LinkedHashSet<>(rest.subList(0, half));
    Set<String> right = new LinkedHashSet<>(rest.subList(half, rest.size()));
    String description = left + " | " + right + " bridged by " + bridge;
    Map<Link, String> blocked = new LinkedHashMap<>();
    for (String a : left) {
      for (String b : right) {
        String reason = "the bridge partition " + description + " separates " + a + " and " + b;
        blocked.put(new Link(a, b), reason);
        blocked.put(new Link(b, a), reason);
      }
    }
    return new Plan(description, blocked);
  }

  /**
   * Components in a ring, each talking only to its nearest neighbours: every one sees a majority,
   * and no two see the same majority.
   */
  private static Plan majoritiesRing(List<String> ring, List<String> all) {
    int n = ring.size();
    int reach = n / 2 / 2 + (n / 2) % 2; // ceil((majority - 1) / 2) neighbours on each side
    String description = "majorities ring " + ring + " (each talks to " + reach + " on each side)";
    Map<Link, String> blocked = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int distance = Math.min(Math.abs(i - j), n - Math.abs(i - j));
        if (distance > reach) {
          blocked.put(
              new Link(ring.get(i), ring.get(j)),
              "the " + description + " keeps " + ring.get(i) + " and " + ring.get(j) + " apart");
        }
      }
    }
    return new Plan(description, blocked);
  }

  private static String describeSides(List<List<String>> groups) {
    List<String> parts = new ArrayList<>();
    for (List<String> group : groups) {
      parts.add(group.toString());
    }
    return String.join(" | ", parts);
  }
}
