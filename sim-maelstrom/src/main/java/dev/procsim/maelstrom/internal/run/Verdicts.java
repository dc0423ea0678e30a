package dev.procsim.maelstrom.internal.run;

import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.internal.client.RunBoard;
import dev.procsim.maelstrom.internal.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a run as Maelstrom composes its checkers: the workload's checker; the statistics (an
 * operation that never once succeeded makes the run invalid, as Maelstrom's {@code :stats} does);
 * the availability, when one is asked for ({@code --availability}); and the replies that broke the
 * workload's schema (Maelstrom stops on them; here each is named and the run is invalid). Invalid
 * wins over unknown, unknown over valid; the explanation leads with what failed.
 *
 * <pre>{@code
 * CheckResult verdict = new Verdicts(settings, workload).judge(board);
 * }</pre>
 */
final class Verdicts {
  private final RunSettings settings;
  private final Workload workload;

  Verdicts(RunSettings settings, Workload workload) {
    this.settings = settings;
    this.workload = workload;
  }

  CheckResult judge(RunBoard board) {
    History history = board.history();
    CheckResult checker = workload.check(history, board.finalsFrom());
    List<String> invalid = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    sort(
        checker.verdict(),
        workload.name() + " checker: " + checker.explanation(),
        invalid,
        unknown);
    for (Map.Entry<String, Map<Outcome, Long>> counts :
        ResultMaker.operations(history).entrySet()) {
      long ok = counts.getValue().getOrDefault(Outcome.OK, 0L);
      if (ok == 0) {
        invalid.add(
            "no "
                + counts.getKey()
                + " succeeded ("
                + counts.getValue().getOrDefault(Outcome.FAIL, 0L)
                + " failed, "
                + counts.getValue().getOrDefault(Outcome.INFO, 0L)
                + " of unknown outcome)");
      }
    }
    if (settings.availability() != null) {
      long all = history.size();
      long ok = history.operations().stream().filter(op -> op.outcome() == Outcome.OK).count();
      double share = all == 0 ? 1 : (double) ok / all;
      if (share < settings.availability()) {
        invalid.add(
            String.format(
                Locale.ROOT,
                "availability %.2f %% (%d of %d operations succeeded), below the %.2f %% asked for",
                100 * share,
                ok,
                all,
                100 * settings.availability()));
      }
    }
    List<String> bad = board.badReplies();
    if (!bad.isEmpty()) {
      invalid.add(
          bad.size()
              + (bad.size() == 1 ? " reply" : " replies")
              + " broke the "
              + workload.name()
              + " workload's protocol; the first: "
              + bad.get(0));
    }
    if (!invalid.isEmpty()) {
      return new CheckResult(
          Verdict.INVALID, join(invalid, checker), checker.ordered(), checker.culprits());
    }
    if (!unknown.isEmpty()) {
      return new CheckResult(Verdict.UNKNOWN, join(unknown, checker));
    }
    return new CheckResult(Verdict.VALID, checker.explanation());
  }

  private static void sort(
      Verdict verdict, String text, List<String> invalid, List<String> unknown) {
    if (verdict == Verdict.INVALID) {
      invalid.add(text);
    } else if (verdict == Verdict.UNKNOWN) {
      unknown.add(text);
    }
  }

  /** The failed parts, one per line; the checker's own finding last when it passed. */
  private static String join(List<String> parts, CheckResult checker) {
    StringBuilder text = new StringBuilder(String.join("\n", parts));
    if (checker.verdict() == Verdict.VALID) {
      text.append("\n(the checker itself found nothing wrong: ")
          .append(checker.explanation())
          .append(')');
    }
    return text.toString();
  }
}
