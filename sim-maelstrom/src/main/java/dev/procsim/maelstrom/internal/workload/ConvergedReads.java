package dev.procsim.maelstrom.internal.workload;

import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Operation;
import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What procsim adds to Jepsen's set-full for a set that must converge (broadcast, g-set): the final
 * reads come after every fault has ended and a quiet recovery time, so each of them must hold every
 * element known before the final phase (acknowledged, or seen by a read). Set-full alone calls an
 * element lost only when a read that missed it began after one that saw it had ended; Maelstrom's
 * final reads overlap, so a node that never got an element passes whenever its final read overlaps
 * one that has it: Maelstrom's issue #44, a broadcast that ignores partitions passing by luck.
 *
 * <pre>{@code
 * CheckResult result = ConvergedReads.check(history, finalsFrom, setFull);
 * }</pre>
 */
final class ConvergedReads {
  /** Most missing elements an explanation lists. */
  private static final int MOST_LISTED = 10;

  private ConvergedReads() {}

  /**
   * The set-full verdict {@code setFull}, made invalid when a final read (one invoked from {@code
   * finalsFrom} on) misses an element known before it; {@code add} is the history's name for an
   * addition; {@code options} name the clients.
   */
  static CheckResult check(
      History history, long finalsFrom, String add, CheckResult setFull, WorkloadOptions options) {
    Set<Object> known = new LinkedHashSet<>();
    List<Operation> finals = new ArrayList<>();
    for (Operation op : history.operations()) {
      if (op.outcome() != Outcome.OK) {
        continue;
      }
      if (op.function().equals(add) && op.completed() < finalsFrom) {
        known.add(op.input());
      } else if (op.function().equals("read") && op.output() instanceof Collection<?> seen) {
        if (op.invoked() >= finalsFrom) {
          finals.add(op);
        } else {
          known.addAll(seen);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    int count = 0;
    for (Operation read : finals) {
      Set<Object> seen = new HashSet<>((Collection<?>) read.output());
      List<Object> absent =
          known.stream()
              .filter(element -> !seen.contains(element))
              .sorted(ConvergedReads::byValue)
              .toList();
      if (!absent.isEmpty()) {
        count += absent.size();
        missing.add(
            absent.size()
                + " missing from the final read of "
                + options.client(read.process())
                + ": "
                + (absent.size() > MOST_LISTED
                    ? absent.subList(0, MOST_LISTED)
                        + " and "
                        + (absent.size() - MOST_LISTED)
                        + " more"
                    : absent.toString()));
      }
    }
    if (missing.isEmpty()) {
      return setFull;
    }
    return new CheckResult(
        Verdict.INVALID,
        count
            + " known element(s) missing from final reads, made after every fault had ended and"
            + " the recovery time: the nodes did not converge\n"
            + String.join("\n", missing)
            + "\nset-full: "
            + setFull.verdict()
            + ": "
            + setFull.explanation());
  }

  /** Numbers by value, anything else by its text: a list a person can scan. */
  private static int byValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
