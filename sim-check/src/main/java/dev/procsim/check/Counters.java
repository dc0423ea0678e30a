package dev.procsim.check;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a counter history (Maelstrom's g-counter and pn-counter workloads): {@code add} (input:
 * the delta) and {@code read} (output: the value). Every final read (one invoked after every add
 * that completed had completed) must be the sum of the acknowledged deltas plus the deltas of some
 * subset of those whose outcome is unknown: each of those may or may not have taken effect. Failed
 * adds did not happen.
 *
 * <pre>{@code
 * CheckResult result = Counters.check(history);
 * // INVALID: "final read 12 by process 3 at [900, 910]: the acknowledged adds sum to 15, ..."
 * }</pre>
 */
public final class Counters {
  /** Beyond this many possible sums of unknown adds, only their range is checked. */
  private static final int MOST_SUMS = 1 << 20;

  private Counters() {}

  /** Checks every final read against the adds. */
  public static CheckResult check(History history) {
    long acknowledged = 0;
    long lastCompletion = Long.MIN_VALUE;
    long lowest = 0;
    long highest = 0;
    Set<Long> possible = new HashSet<>(Set.of(0L));
    boolean exact = true;
    int unknown = 0;
    for (Operation op : history.operations()) {
      if (!op.function().equals("add") || op.outcome() == Outcome.FAIL) {
        continue;
      }
      long delta = delta(op);
      if (op.outcome() == Outcome.OK) {
        acknowledged += delta;
        lastCompletion = Math.max(lastCompletion, op.completed());
        continue;
      }
      unknown++;
      lowest += Math.min(0, delta);
      highest += Math.max(0, delta);
      if (exact) {
        Set<Long> grown = new HashSet<>(possible);
        for (long sum : possible) {
          grown.add(sum + delta);
        }
        possible = grown;
        exact = possible.size() <= MOST_SUMS;
      }
    }
    int finals = 0;
    for (Operation op : history.operations()) {
      if (!op.function().equals("read")
          || op.outcome() != Outcome.OK
          || op.invoked() <= lastCompletion) {
        continue;
      }
      finals++;
      if (!(op.output() instanceof Number number)) {
        throw new IllegalArgumentException("a counter's read returns a number: " + op.describe());
      }
      long value = number.longValue();
      long extra = value - acknowledged;
      boolean fits = exact ? possible.contains(extra) : extra >= lowest && extra <= highest;
      if (!fits) {
        return new CheckResult(
            Verdict.INVALID,
            String.format(
                Locale.ROOT,
                "final %s: the acknowledged adds sum to %,d, and %s",
                op.describe(),
                acknowledged,
                unknown == 0
                    ? "no add's outcome is unknown, so every final read must be " + acknowledged
                    : String.format(
                        Locale.ROOT,
                        "no subset of the %,d adds of unknown outcome (together between %,d and"
                            + " %,d) makes up the difference of %,d",
                        unknown,
                        lowest,
                        highest,
                        extra)));
      }
    }
    if (finals == 0) {
      return new CheckResult(
          Verdict.UNKNOWN, "no final read: no read was invoked after every add had completed");
    }
    return new CheckResult(
        Verdict.VALID,
        String.format(
            Locale.ROOT,
            "%,d final read%s fit: acknowledged adds sum to %,d%s",
            finals,
            finals == 1 ? "" : "s",
            acknowledged,
            unknown == 0
                ? ""
                : String.format(Locale.ROOT, ", %,d adds of unknown outcome", unknown)));
  }

  private static long delta(Operation op) {
    if (op.input() instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalArgumentException("a counter's add takes a number: " + op.describe());
  }
}
