package dev.procsim.check;

import dev.procsim.check.internal.DependencyGraph;
import dev.procsim.check.internal.DependencyGraph.Edge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a history of list-append transactions the way Elle does. Each operation is a {@code txn}
 * whose input is a list of micro-operations {@code ["append", key, value]} and {@code ["r", key,
 * null]}, and whose output (when it completed) is the same list with each read's value filled in:
 * the list the key held. Appended values must be unique per key. The longest read of each key gives
 * the order of its versions (every other read must be a prefix of it, or the order is
 * incompatible); from that order come the dependencies between transactions: write-write (the next
 * append to a key), write-read (a read saw an append, the last in what it read) and read-write (a
 * read missed the next append). Cycles among them, found with Tarjan's strongly connected
 * components, are the anomalies: G0 (write-write only), G1c (with write-read), G-single (exactly
 * one read-write edge), G2 (more); with real-time edges for strict serializability, the same with
 * "-realtime". Reads of aborted or never-written values are G1a, reads of a value its transaction
 * appended to again are G1b. Each anomaly is reported with its cycle as evidence.
 *
 * <pre>{@code
 * CheckResult result = ListAppend.check(history, ConsistencyModel.SERIALIZABLE);
 * // INVALID: "G-single (forbidden by SERIALIZABLE): T1 (process 0, [0, 10]) -rw on x: read [] ..."
 * }</pre>
 */
public final class ListAppend {
  /** Most examples an explanation gives of one anomaly. */
  private static final int MOST_EXAMPLES = 3;

  private ListAppend() {}

  private record Key(Object key, Object value) {}

  /** Checks the history against {@code model}. */
  public static CheckResult check(History history, ConsistencyModel model) {
    List<Operation> txns = new ArrayList<>();
    for (Operation op : history.operations()) {
      if (op.function().equals("txn")) {
        txns.add(op);
      }
    }
    Map<String, List<String>> anomalies = new LinkedHashMap<>();
    Map<Key, Integer> writer = new HashMap<>();
    Map<Key, Integer> aborted = new HashMap<>();
    Map<List<Object>, List<Object>> appendsOf =
        new HashMap<>(); // [txn, key] -> its values in order
    for (int t = 0; t < txns.size(); t++) {
      Operation txn = txns.get(t);
      for (List<?> micro : micro(txn.input(), txn)) {
        if (micro.get(0).equals("append")) {
          Key written = new Key(micro.get(1), micro.get(2));
          if (txn.outcome() == Outcome.FAIL) {
            aborted.put(written, t);
            continue;
          }
          Integer other = writer.putIfAbsent(written, t);
          if (other != null) {
            throw new IllegalArgumentException(
                "list-append needs unique values per key: "
                    + micro.get(2)
                    + " is appended to "
                    + micro.get(1)
                    + " by "
                    + txns.get(other).describe()
                    + " and "
                    + txn.describe());
          }
          appendsOf
              .computeIfAbsent(List.of(t, micro.get(1)), k -> new ArrayList<>())
              .add(micro.get(2));
        }
      }
    }
    // Reads: [txn, key, list], of completed transactions.
    record Read(int txn, Object key, List<?> values) {}
    List<Read> reads = new ArrayList<>();
    for (int t = 0; t < txns.size(); t++) {
      Operation txn = txns.get(t);
      if (txn.outcome() != Outcome.OK) {
        continue;
      }
      for (List<?> micro : micro(txn.output(), txn)) {
        if (micro.get(0).equals("r")) {
          if (!(micro.get(2) instanceof List<?> values)) {
            throw new IllegalArgumentException(
                "a completed read returns the key's list: " + micro + " in " + txn.describe());
          }
          reads.add(new Read(t, micro.get(1), values));
        }
      }
    }
    Map<Object, List<?>> order = new HashMap<>();
    for (Read read : reads) {
      List<?> longest = order.get(read.key());
      if (longest == null || read.values().size() > longest.size()) {
        order.put(read.key(), read.values());
      }
    }
    for (Read read : reads) {
      List<?> longest = order.get(read.key());
      if (!longest.subList(0, read.values().size()).equals(read.values())) {
        note(
            anomalies,
            "incompatible-order",
            "key "
                + read.key()
                + ": "
                + read.values()
                + " read by "
                + name(read.txn(), txns)
                + " is not a prefix of "
                + longest);
      }
      for (Object value : read.values()) {
        Key key = new Key(read.key(), value);
        if (aborted.containsKey(key)) {
          note(
              anomalies,
              "G1a",
              name(read.txn(), txns)
                  + " read "
                  + value
                  + " of key "
                  + read.key()
                  + ", appended by "
                  + name(aborted.get(key), txns)
                  + ", which failed");
        } else if (!writer.containsKey(key)) {
          note(
              anomalies,
              "G1a",
              name(read.txn(), txns)
                  + " read "
                  + value
                  + " of key "
                  + read.key()
                  + ", which no transaction appended");
        }
      }
      if (!read.values().isEmpty()) {
        Object last = read.values().get(read.values().size() - 1);
        Integer w = writer.get(new Key(read.key(), last));
        if (w != null && w != read.txn()) {
          List<Object> ownAppends = appendsOf.get(List.of(w, read.key()));
          if (!ownAppends.get(ownAppends.size() - 1).equals(last)) {
            note(
                anomalies,
                "G1b",
                name(read.txn(), txns)
                    + " read "
                    + read.values()
                    + " of key "
                    + read.key()
                    + ", ending in the middle of "
                    + name(w, txns)
                    + "'s appends "
                    + ownAppends);
          }
        }
      }
    }
    DependencyGraph graph = new DependencyGraph(txns.size());
    for (Map.Entry<Object, List<?>> versions : order.entrySet()) {
      List<?> values = versions.getValue();
      for (int i = 0; i + 1 < values.size(); i++) {
        Integer a = writer.get(new Key(versions.getKey(), values.get(i)));
        Integer b = writer.get(new Key(versions.getKey(), values.get(i + 1)));
        if (a != null && b != null) {
          graph.add(
              a,
              b,
              DependencyGraph.WW,
              "ww on "
                  + versions.getKey()
                  + ": appended "
                  + values.get(i)
                  + ", then "
                  + values.get(i + 1));
        }
      }
    }
    for (Read read : reads) {
      List<?> values = read.values();
      List<?> versions = order.get(read.key());
      if (!values.isEmpty()) {
        Object last = values.get(values.size() - 1);
        Integer w = writer.get(new Key(read.key(), last));
        if (w != null) {
          graph.add(
              w,
              read.txn(),
              DependencyGraph.WR,
              "wr on " + read.key() + ": appended " + last + ", which the read saw last");
        }
      }
      if (versions.size() > values.size()) {
        Object next = versions.get(values.size());
        Integer w = writer.get(new Key(read.key(), next));
        if (w != null) {
          graph.add(
              read.txn(),
              w,
              DependencyGraph.RW,
              "rw on " + read.key() + ": read " + values + ", without " + next);
        }
      }
    }
    findCycles(graph, txns, false, anomalies);
    if (model == ConsistencyModel.STRICT_SERIALIZABLE) {
      addRealTime(graph, txns);
      findCycles(graph, txns, true, anomalies);
    }
    return verdict(anomalies, model, txns.size());
  }

  private static void findCycles(
      DependencyGraph graph,
      List<Operation> txns,
      boolean realtime,
      Map<String, List<String>> anomalies) {
    int rt = realtime ? DependencyGraph.RT : 0;
    String suffix = realtime ? "-realtime" : "";
    int all = DependencyGraph.WW | DependencyGraph.WR | DependencyGraph.RW | rt;
    for (int[] component : graph.components(all)) {
      Optional<List<Edge>> cycle = graph.cycle(component, DependencyGraph.WW | rt);
      String name = "G0";
      if (cycle.isEmpty()) {
        cycle = graph.cycle(component, DependencyGraph.WW | DependencyGraph.WR | rt);
        name = "G1c";
      }
      if (cycle.isEmpty()) {
        cycle =
            graph.cycleWithOne(
                component, DependencyGraph.RW, DependencyGraph.WW | DependencyGraph.WR | rt);
        name = "G-single";
      }
      if (cycle.isEmpty()) {
        cycle = graph.cycle(component, all);
        name = "G2";
      }
      List<Edge> found = cycle.orElseThrow(); // a component of more than one has a cycle
      if (realtime && found.stream().noneMatch(e -> e.kind() == DependencyGraph.RT)) {
        continue; // found without real time already
      }
      note(anomalies, name + suffix, describe(found, txns));
    }
  }

  /** Edges from each transaction to those invoked after it completed (a transitive reduction). */
  private static void addRealTime(DependencyGraph graph, List<Operation> txns) {
    record Event(long at, boolean completion, int txn) {}
    List<Event> events = new ArrayList<>();
    for (int t = 0; t < txns.size(); t++) {
      Operation txn = txns.get(t);
      if (txn.outcome() == Outcome.FAIL) {
        continue;
      }
      events.add(new Event(txn.invoked(), false, t));
      if (txn.outcome() == Outcome.OK) {
        events.add(new Event(txn.completed(), true, t));
      }
    }
    // At one time, invocations first: touching transactions are concurrent.
    events.sort(Comparator.comparingLong(Event::at).thenComparing(e -> e.completion() ? 1 : 0));
    List<Integer> frontier = new ArrayList<>(); // completed, not yet followed by a completed one
    Map<Integer, List<Integer>> before = new HashMap<>();
    for (Event e : events) {
      if (!e.completion()) {
        before.put(e.txn(), new ArrayList<>(frontier));
        for (int t : frontier) {
          graph.add(
              t,
              e.txn(),
              DependencyGraph.RT,
              "rt: completed at "
                  + txns.get(t).completed()
                  + ", before the invocation at "
                  + txns.get(e.txn()).invoked());
        }
      } else {
        frontier.removeAll(before.getOrDefault(e.txn(), List.of()));
        frontier.add(e.txn());
      }
    }
  }

  private static CheckResult verdict(
      Map<String, List<String>> anomalies, ConsistencyModel model, int count) {
    List<String> forbidden = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    for (String name : anomalies.keySet()) {
      (model.forbids(name) ? forbidden : allowed).add(name);
    }
    if (forbidden.isEmpty()) {
      return new CheckResult(
          Verdict.VALID,
          count
              + " transactions: no anomaly "
              + model
              + " forbids"
              + (allowed.isEmpty()
                  ? ""
                  : " (allowed ones found: " + String.join(", ", allowed) + ")"));
    }
    StringBuilder text = new StringBuilder();
    for (String name : forbidden) {
      List<String> examples = anomalies.get(name);
      text.append(text.length() == 0 ? "" : "\n")
          .append(name)
          .append(" (forbidden by ")
          .append(model)
          .append("), ")
          .append(examples.size())
          .append(examples.size() == 1 ? " case" : " cases")
          .append(':');
      for (int i = 0; i < examples.size() && i < MOST_EXAMPLES; i++) {
        text.append("\n  ").append(examples.get(i));
      }
    }
    return new CheckResult(Verdict.INVALID, text.toString());
  }

  private static void note(Map<String, List<String>> anomalies, String name, String evidence) {
    anomalies.computeIfAbsent(name, k -> new ArrayList<>()).add(evidence);
  }

  private static String describe(List<Edge> cycle, List<Operation> txns) {
    StringBuilder text = new StringBuilder(name(cycle.get(0).from(), txns));
    for (Edge e : cycle) {
      text.append(" -[").append(e.why()).append("]-> ").append(name(e.to(), txns));
    }
    return text.toString();
  }

  private static String name(int t, List<Operation> txns) {
    Operation txn = txns.get(t);
    return "T"
        + t
        + " (process "
        + txn.process()
        + ", ["
        + txn.invoked()
        + ", "
        + (txn.completed() == Operation.NEVER ? "never" : txn.completed())
        + "])";
  }

  private static List<List<?>> micro(Object ops, Operation txn) {
    if (!(ops instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "a txn's input (and output) is a list of [f, key, value]: " + txn.describe());
    }
    List<List<?>> micro = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof List<?> op)
          || op.size() != 3
          || !(Objects.equals(op.get(0), "append") || Objects.equals(op.get(0), "r"))) {
        throw new IllegalArgumentException(
            "a micro-operation is [\"append\", key, value] or [\"r\", key, list]: "
                + item
                + " in "
                + txn.describe());
      }
      micro.add(op);
    }
    return Collections.unmodifiableList(micro);
  }
}
