package dev.procsim.maelstrom.internal.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broadcast's topologies, by Maelstrom's names: {@code grid} (the default: rows of about the square
 * root of the node count, each node linked to its neighbours up, down, left and right), {@code
 * line}, {@code tree2}, {@code tree3}, {@code tree4} (node {@code i}'s children are {@code k*i+1 ..
 * k*i+k}) and {@code total} (everyone).
 *
 * <pre>{@code
 * Topologies.of("line", List.of("n0", "n1", "n2"));   // {n0=[n1], n1=[n0, n2], n2=[n1]}
 * }</pre>
 */
public final class Topologies {
  /** The names {@link #of} accepts. */
  public static final List<String> NAMES =
      List.of("grid", "line", "tree2", "tree3", "tree4", "total");

  private Topologies() {}

  /** Each node's neighbours in the topology {@code name}. */
  public static Map<String, List<String>> of(String name, List<String> nodes) {
    int n = nodes.size();
    Map<String, List<String>> neighbours = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      List<Integer> linked = new ArrayList<>();
      switch (name) {
        case "total" -> {
          for (int j = 0; j < n; j++) {
            if (j != i) {
              linked.add(j);
            }
          }
        }
        case "line" -> {
          addIfIn(linked, i - 1, n);
          addIfIn(linked, i + 1, n);
        }
        case "grid" -> {
          int width = (int) Math.ceil(Math.sqrt(n));
          if (i % width != 0) {
            addIfIn(linked, i - 1, n);
          }
          if ((i + 1) % width != 0) {
            addIfIn(linked, i + 1, n);
          }
          addIfIn(linked, i - width, n);
          addIfIn(linked, i + width, n);
        }
        case "tree2", "tree3", "tree4" -> {
          int k = name.charAt(4) - '0';
          if (i > 0) {
            linked.add((i - 1) / k);
          }
          for (int c = k * i + 1; c <= k * i + k; c++) {
            addIfIn(linked, c, n);
          }
        }
        default ->
            throw new IllegalArgumentException(
                "no topology \"" + name + "\"; there are " + String.join(", ", NAMES));
      }
      neighbours.put(nodes.get(i), linked.stream().map(nodes::get).toList());
    }
    return neighbours;
  }

  private static void addIfIn(List<Integer> linked, int index, int n) {
    if (index >= 0 && index < n) {
      linked.add(index);
    }
  }
}
