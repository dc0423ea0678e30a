package dev.procsim.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a unique-id history (Maelstrom's unique-ids workload): every {@code generate} that
 * completed returned an id no other one returned. Operations of other functions, failed ones and
 * those of unknown outcome are left out (an unknown one's id was never seen).
 *
 * <pre>{@code
 * CheckResult result = UniqueIds.check(history);
 * // INVALID: "2 ids were returned more than once, of 1,000 generated: 17 (3 times: by process 0 at ...)"
 * }</pre>
 */
public final class UniqueIds {
  /** Most duplicated ids an explanation lists. */
  private static final int MOST_LISTED = 10;

  private UniqueIds() {}

  /** Checks that the ids every completed {@code generate} returned are all different. */
  public static CheckResult check(History history) {
    Map<Object, List<Operation>> byId = new LinkedHashMap<>();
    int generated = 0;
    for (Operation op : history.operations()) {
      if (op.function().equals("generate") && op.outcome() == Outcome.OK) {
        if (op.output() == null) {
          throw new IllegalArgumentException(
              "a generate that completed returned no id: " + op.describe());
        }
        byId.computeIfAbsent(op.output(), k -> new ArrayList<>()).add(op);
        generated++;
      }
    }
    List<Map.Entry<Object, List<Operation>>> duplicated = new ArrayList<>();
    for (Map.Entry<Object, List<Operation>> id : byId.entrySet()) {
      if (id.getValue().size() > 1) {
        duplicated.add(id);
      }
    }
    if (duplicated.isEmpty()) {
      return new CheckResult(
          Verdict.VALID,
          String.format(Locale.ROOT, "all %,d ids generated are different", generated));
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%,d id%s returned more than once, of %,d generated:",
                duplicated.size(),
                duplicated.size() == 1 ? " was" : "s were",
                generated));
    for (int i = 0; i < duplicated.size() && i < MOST_LISTED; i++) {
      Map.Entry<Object, List<Operation>> id = duplicated.get(i);
      text.append("\n  ")
          .append(id.getKey())
          .append(" (")
          .append(id.getValue().size())
          .append(" times:");
      for (Operation op : id.getValue()) {
        text.append(" by process ")
            .append(op.process())
            .append(" at [")
            .append(op.invoked())
            .append(", ")
            .append(op.completed())
            .append("];");
      }
      text.setLength(text.length() - 1);
      text.append(')');
    }
    if (duplicated.size() > MOST_LISTED) {
      text.append("\n  ... and ").append(duplicated.size() - MOST_LISTED).append(" more");
    }
    return new CheckResult(Verdict.INVALID, text.toString());
  }
}
