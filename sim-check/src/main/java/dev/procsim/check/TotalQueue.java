package dev.procsim.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a queue history the way Jepsen's total-queue checker does, once the queue has been
 * drained: {@code enqueue} (input: the value) and {@code dequeue} (output: the value taken, null
 * when the queue was empty). Every acknowledged enqueue must come out (else it is <em>lost</em>),
 * nothing may come out twice (<em>duplicated</em>) or come out without having gone in
 * (<em>unexpected</em>); an enqueue of unknown outcome that comes out was <em>recovered</em>, which
 * is fine. Values must be unique.
 *
 * <pre>{@code
 * CheckResult result = TotalQueue.check(history);
 * // INVALID: "1 lost, 0 duplicated, 0 unexpected of 100 enqueued: lost 42 (enqueue 42 by ...)"
 * }</pre>
 */
public final class TotalQueue {
  /** Most values an explanation lists per kind. */
  private static final int MOST_LISTED = 10;

  private TotalQueue() {}

  /** Checks the history. */
  public static CheckResult check(History history) {
    Map<Object, Operation> enqueued = new LinkedHashMap<>();
    Map<Object, List<Operation>> dequeued = new LinkedHashMap<>();
    for (Operation op : history.operations()) {
      if (op.function().equals("enqueue") && op.outcome() != Outcome.FAIL) {
        Operation other = enqueued.putIfAbsent(op.input(), op);
        if (other != null) {
          throw new IllegalArgumentException(
              "a total-queue history needs unique values: "
                  + op.input()
                  + " is enqueued by "
                  + other.describe()
                  + " and "
                  + op.describe());
        }
      } else if (op.function().equals("dequeue")
          && op.outcome() == Outcome.OK
          && op.output() != null) {
        dequeued.computeIfAbsent(op.output(), k -> new ArrayList<>()).add(op);
      }
    }
    List<String> lost = new ArrayList<>();
    int recovered = 0;
    for (Map.Entry<Object, Operation> in : enqueued.entrySet()) {
      boolean out = dequeued.containsKey(in.getKey());
      if (!out && in.getValue().outcome() == Outcome.OK) {
        lost.add(in.getKey() + " (" + in.getValue().describe() + ")");
      } else if (out && in.getValue().outcome() == Outcome.INFO) {
        recovered++;
      }
    }
    List<String> duplicated = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    Map<Object, Integer> times = new HashMap<>();
    for (Map.Entry<Object, List<Operation>> out : dequeued.entrySet()) {
      times.put(out.getKey(), out.getValue().size());
      if (!enqueued.containsKey(out.getKey())) {
        unexpected.add(out.getKey() + " (" + out.getValue().get(0).describe() + ")");
      }
      if (out.getValue().size() > 1) {
        duplicated.add(out.getKey() + " (" + out.getValue().size() + " times)");
      }
    }
    String counts =
        String.format(
            Locale.ROOT,
            "%,d lost, %,d duplicated, %,d unexpected of %,d enqueued (%,d recovered)",
            lost.size(),
            duplicated.size(),
            unexpected.size(),
            enqueued.size(),
            recovered);
    if (lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty()) {
      return new CheckResult(Verdict.VALID, counts);
    }
    StringBuilder text = new StringBuilder(counts).append(':');
    list(text, "lost", lost);
    list(text, "duplicated", duplicated);
    list(text, "unexpected", unexpected);
    return new CheckResult(Verdict.INVALID, text.toString());
  }

  private static void list(StringBuilder text, String kind, List<String> values) {
    for (int i = 0; i < values.size() && i < MOST_LISTED; i++) {
      text.append("\n  ").append(kind).append(' ').append(values.get(i));
    }
    if (values.size() > MOST_LISTED) {
      text.append("\n  ... and ").append(values.size() - MOST_LISTED).append(" more ").append(kind);
    }
  }
}
