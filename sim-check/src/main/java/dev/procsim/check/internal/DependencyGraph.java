package dev.procsim.check.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A graph of transactions and their dependencies, each edge of one kind (write-write, write-read,
 * read-write, real time) with a description, and the cycle search of an Elle-style checker:
 * strongly connected components by Tarjan's algorithm, then, inside each, the shortest cycle made
 * of allowed kinds of edges, or with exactly one read-write edge.
 *
 * <pre>{@code
 * DependencyGraph graph = new DependencyGraph(3);
 * graph.add(0, 1, DependencyGraph.WW, "ww on x");
 * graph.add(1, 0, DependencyGraph.WR, "wr on x");
 * for (int[] component : graph.components(DependencyGraph.WW | DependencyGraph.WR)) {
 *   Optional<List<Edge>> g1c = graph.cycle(component, DependencyGraph.WW | DependencyGraph.WR);
 * }
 * }</pre>
 */
public final class DependencyGraph {
  /** Write-write: the second transaction overwrote (appended after) the first's write. */
  public static final int WW = 1;

  /** Write-read: the second read what the first wrote. */
  public static final int WR = 2;

  /** Read-write: the second wrote the next version after what the first read. */
  public static final int RW = 4;

  /** Real time: the first completed before the second was invoked. */
  public static final int RT = 8;

  /** An edge from one transaction to another. */
  public record Edge(int from, int to, int kind, String why) {}

  private final List<List<Edge>> out;

  /** A graph of {@code nodes} transactions and no edge. */
  public DependencyGraph(int nodes) {
    out = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      out.add(new ArrayList<>());
    }
  }

  /** Adds an edge (none from a transaction to itself). */
  public void add(int from, int to, int kind, String why) {
    if (from != to) {
      out.get(from).add(new Edge(from, to, kind, why));
    }
  }

  /**
   * The strongly connected components of more than one transaction, over edges of {@code kinds}.
   */
  public List<int[]> components(int kinds) {
    int n = out.size();
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<int[]> components = new ArrayList<>();
    int[] counter = {0};
    // Iterative Tarjan: a long chain of transactions must not overflow the thread's stack.
    int[] edgeAt = new int[n];
    Deque<Integer> call = new ArrayDeque<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      call.push(root);
      index[root] = low[root] = counter[0]++;
      stack.push(root);
      onStack[root] = true;
      while (!call.isEmpty()) {
        int v = call.peek();
        List<Edge> edges = out.get(v);
        if (edgeAt[v] < edges.size()) {
          Edge e = edges.get(edgeAt[v]++);
          if ((e.kind() & kinds) == 0) {
            continue;
          }
          int w = e.to();
          if (index[w] < 0) {
            index[w] = low[w] = counter[0]++;
            stack.push(w);
            onStack[w] = true;
            call.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        call.pop();
        if (!call.isEmpty()) {
          low[call.peek()] = Math.min(low[call.peek()], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> members = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            members.add(w);
          } while (w != v);
          if (members.size() > 1) {
            components.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
          }
        }
      }
    }
    return components;
  }

  /**
   * The shortest cycle inside {@code component} over edges of {@code kinds}, through the first
   * member that is on one; empty when there is none.
   */
  public Optional<List<Edge>> cycle(int[] component, int kinds) {
    boolean[] inside = membership(component);
    for (int start : component) {
      Optional<List<Edge>> path = shortestPath(start, start, kinds, inside, true);
      if (path.isPresent()) {
        return path;
      }
    }
    return Optional.empty();
  }

  /**
   * A cycle inside {@code component} with exactly one edge of kind {@code single} and the rest of
   * {@code others}; empty when there is none.
   */
  public Optional<List<Edge>> cycleWithOne(int[] component, int single, int others) {
    boolean[] inside = membership(component);
    for (int v : component) {
      for (Edge e : out.get(v)) {
        if ((e.kind() & single) != 0 && inside[e.to()]) {
          Optional<List<Edge>> back = shortestPath(e.to(), e.from(), others, inside, false);
          if (back.isPresent()) {
            List<Edge> cycle = new ArrayList<>();
            cycle.add(e);
            cycle.addAll(back.get());
            return Optional.of(cycle);
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean[] membership(int[] component) {
    boolean[] inside = new boolean[out.size()];
    for (int v : component) {
      inside[v] = true;
    }
    return inside;
  }

  /** Breadth first from {@code from} to {@code to}; at least one edge when they are the same. */
  private Optional<List<Edge>> shortestPath(
      int from, int to, int kinds, boolean[] inside, boolean atLeastOne) {
    if (from == to && !atLeastOne) {
      return Optional.of(List.of());
    }
    Edge[] via = new Edge[out.size()];
    boolean[] reached = new boolean[out.size()];
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (Edge e : out.get(v)) {
        int w = e.to();
        if ((e.kind() & kinds) == 0 || !inside[w] || reached[w]) {
          continue;
        }
        reached[w] = true;
        via[w] = e;
        if (w == to) {
          List<Edge> path = new ArrayList<>();
          for (int at = to; ; ) {
            Edge step = via[at];
            path.add(0, step);
            at = step.from();
            if (at == from) {
              break;
            }
          }
          return Optional.of(path);
        }
        queue.add(w);
      }
    }
    return Optional.empty();
  }
}
