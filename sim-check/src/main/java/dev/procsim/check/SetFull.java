package dev.procsim.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a set history the way Jepsen's set-full checker does (as Maelstrom's broadcast and g-set
 * workloads are judged): {@code add} (input: the element) and {@code read} (output: every element
 * the reader saw, as a collection). For each element: it is <em>known</em> once its add is
 * acknowledged or a read sees it; it is <em>lost</em> when it was known and a read that began after
 * that missed it, later than the last read that saw it ended (or no read ever saw it); it is
 * <em>stable</em> when it is not lost and a read that saw it began after the last read that missed
 * it; else it was <em>never read</em> (not stably). The history is invalid when any element is
 * lost, and unknown when elements were added but none is stable. Latencies are in the history's
 * time units (nanoseconds for one a {@link HistoryRecorder} recorded).
 *
 * <pre>{@code
 * CheckResult result = SetFull.check(history);
 * // INVALID: "1 of 100 elements lost (99 stable, 0 never read): 42, added by process 3 ..."
 * }</pre>
 */
public final class SetFull {
  /** Most lost elements an explanation lists. */
  private static final int MOST_LISTED = 10;

  private SetFull() {}

  /** What became of one element. */
  private record Fate(
      Object element, String outcome, Operation add, Operation lastMissed, long latency) {}

  /** The adds (by element) and the successful reads of a history, with what each read saw. */
  private record Sets(Map<Object, Operation> adds, List<Operation> reads, List<Set<Object>> seen) {
    static Sets of(History history) {
      Map<Object, Operation> adds = new LinkedHashMap<>();
      List<Operation> reads = new ArrayList<>();
      List<Set<Object>> seen = new ArrayList<>();
      for (Operation op : history.operations()) {
        if (op.function().equals("add") && op.outcome() != Outcome.FAIL) {
          adds.putIfAbsent(op.input(), op);
        } else if (op.function().equals("read") && op.outcome() == Outcome.OK) {
          if (!(op.output() instanceof Collection<?> elements)) {
            throw new IllegalArgumentException(
                "a set's read returns a collection of elements: " + op.describe());
          }
          reads.add(op);
          seen.add(new HashSet<>(elements));
        }
      }
      return new Sets(adds, reads, seen);
    }

    List<Fate> fates() {
      List<Fate> fates = new ArrayList<>();
      for (Map.Entry<Object, Operation> added : adds.entrySet()) {
        fates.add(fate(added.getKey(), added.getValue(), reads, seen));
      }
      return fates;
    }
  }

  /**
   * How long each stable element took to become stable (from its add's invocation to the end of the
   * first read that saw it after its last miss), in the history's time units, sorted: what
   * Maelstrom reports as stable latencies.
   */
  public static List<Long> stableLatencies(History history) {
    return Sets.of(history).fates().stream()
        .filter(f -> f.outcome().equals("stable"))
        .map(Fate::latency)
        .sorted()
        .toList();
  }

  /** Checks the history; UNKNOWN when elements were added but nothing was read. */
  public static CheckResult check(History history) {
    Sets sets = Sets.of(history);
    Map<Object, Operation> adds = sets.adds();
    if (sets.reads().isEmpty()) {
      return new CheckResult(
          adds.isEmpty() ? Verdict.VALID : Verdict.UNKNOWN,
          adds.isEmpty()
              ? "nothing was added or read"
              : String.format(Locale.ROOT, "%,d elements added, none ever read", adds.size()));
    }
    List<Fate> fates = sets.fates();
    List<Fate> lost = fates.stream().filter(f -> f.outcome().equals("lost")).toList();
    List<Fate> stable = fates.stream().filter(f -> f.outcome().equals("stable")).toList();
    long neverRead = fates.size() - lost.size() - stable.size();
    String counts =
        String.format(
            Locale.ROOT,
            "%,d of %,d elements lost (%,d stable, %,d never read)",
            lost.size(),
            fates.size(),
            stable.size(),
            neverRead);
    String latencies =
        "; stable after "
            + quantiles(stable)
            + (lost.isEmpty() ? "" : "; lost after " + quantiles(lost));
    if (lost.isEmpty() && stable.isEmpty() && !fates.isEmpty()) {
      // As Jepsen's: nothing lost, but nothing known to be stable either.
      return new CheckResult(Verdict.UNKNOWN, counts + ": no element was seen to stay");
    }
    if (lost.isEmpty()) {
      return new CheckResult(Verdict.VALID, counts + latencies);
    }
    StringBuilder text = new StringBuilder(counts).append(latencies).append(':');
    for (int i = 0; i < lost.size() && i < MOST_LISTED; i++) {
      Fate f = lost.get(i);
      text.append("\n  ")
          .append(f.element())
          .append(", added by ")
          .append(f.add().describe())
          .append(", missed by ")
          .append(f.lastMissed().describe());
    }
    if (lost.size() > MOST_LISTED) {
      text.append("\n  ... and ").append(lost.size() - MOST_LISTED).append(" more");
    }
    return new CheckResult(Verdict.INVALID, text.toString());
  }

  private static Fate fate(
      Object element, Operation add, List<Operation> reads, List<Set<Object>> seen) {
    long known = add.outcome() == Outcome.OK ? add.completed() : Long.MAX_VALUE;
    Operation lastPresent = null;
    for (int i = 0; i < reads.size(); i++) {
      if (seen.get(i).contains(element)) {
        Operation read = reads.get(i);
        known = Math.min(known, read.completed());
        if (lastPresent == null || read.completed() > lastPresent.completed()) {
          lastPresent = read;
        }
      }
    }
    Operation lastAbsent = null;
    for (int i = 0; i < reads.size(); i++) {
      Operation read = reads.get(i);
      if (!seen.get(i).contains(element)
          && read.invoked() > known
          && (lastAbsent == null || read.invoked() > lastAbsent.invoked())) {
        lastAbsent = read;
      }
    }
    boolean lost =
        known != Long.MAX_VALUE
            && lastAbsent != null
            && (lastPresent == null || lastAbsent.invoked() > lastPresent.completed());
    if (lost) {
      return new Fate(element, "lost", add, lastAbsent, lastAbsent.invoked() - known);
    }
    if (lastPresent == null) {
      return new Fate(element, "never read", add, null, 0);
    }
    // Stable from the first read that saw it with no miss after it began.
    long stableFrom = Long.MAX_VALUE;
    for (int i = 0; i < reads.size(); i++) {
      Operation read = reads.get(i);
      if (seen.get(i).contains(element)
          && (lastAbsent == null || read.invoked() > lastAbsent.invoked())) {
        stableFrom = Math.min(stableFrom, read.completed());
      }
    }
    if (stableFrom == Long.MAX_VALUE) {
      // Seen, but only by reads concurrent with the last one that missed it: not yet stable.
      return new Fate(element, "never read", add, null, 0);
    }
    return new Fate(element, "stable", add, null, Math.max(0, stableFrom - add.invoked()));
  }

  /** "p50 12, p95 40, max 80", the latencies' quantiles, or "-" for none. */
  private static String quantiles(List<Fate> fates) {
    if (fates.isEmpty()) {
      return "-";
    }
    long[] values = fates.stream().mapToLong(Fate::latency).sorted().toArray();
    return "p50 "
        + duration(values[(values.length - 1) / 2])
        + ", p95 "
        + duration(values[(int) Math.ceil(0.95 * values.length) - 1])
        + ", max "
        + duration(values[values.length - 1]);
  }

  /**
   * A latency in nanoseconds, as a person reads it: {@code 850 ns}, {@code 3.2 ms}, {@code 1.25 s}.
   */
  static String duration(long nanos) {
    if (nanos < 1_000) {
      return nanos + " ns";
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
