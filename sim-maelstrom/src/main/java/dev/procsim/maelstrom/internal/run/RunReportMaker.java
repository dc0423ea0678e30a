package dev.procsim.maelstrom.internal.run;

import dev.procsim.check.CheckResult;
import dev.procsim.check.Operation;
import dev.procsim.core.RunReport;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report of a Maelstrom run ({@code report.html} in its directory): procsim's picture of the
 * run, with the clients' operations under it, the verdict and its explanation, and the operations
 * the checker points at marked: for linearizability, the longest order it found and the operation
 * that cannot take effect.
 *
 * <pre>{@code
 * RunReportMaker.write(dir.resolve("report.html"), result, checked, sim);
 * }</pre>
 */
final class RunReportMaker {
  private RunReportMaker() {}

  static void write(Path file, MaelstromResult result, CheckResult checked, Simulator sim) {
    Set<String> ordered = keys(checked.ordered());
    Set<String> culprits = keys(checked.culprits());
    List<RunReport.Operation> ops = new ArrayList<>();
    for (Operation op : result.history().operations()) {
      String key = key(op);
      ops.add(
          new RunReport.Operation(
              op.process(),
              op.function(),
              text(op.input()),
              text(op.output()),
              op.invoked(),
              op.completed() == Operation.NEVER ? -1 : op.completed(),
              RunReport.Outcome.valueOf(op.outcome().name()),
              culprits.contains(key)
                  ? RunReport.Mark.INVALID
                  : ordered.contains(key) ? RunReport.Mark.ORDERED : RunReport.Mark.NONE));
    }
    String note =
        culprits.isEmpty()
            ? ""
            : "red: what the checker could not place"
                + (ordered.isEmpty()
                    ? ""
                    : "; green: the longest order it found, " + ordered.size() + " operations");
    RunReport.of(sim)
        .title(
            "maelstrom " + result.workload() + ": " + result.verdict() + ", seed " + result.seed())
        .failure(result.isValid() ? null : result.summary())
        .history(new RunReport.History(result.verdict().name(), result.explanation(), note, ops))
        .write(file);
  }

  /** An operation's identity across copies of the history: its process and invocation time. */
  private static String key(Operation op) {
    return op.process() + "@" + op.invoked();
  }

  private static Set<String> keys(List<Operation> ops) {
    Set<String> keys = new HashSet<>();
    ops.forEach(op -> keys.add(key(op)));
    return keys;
  }

  private static String text(Object value) {
    return value == null ? "" : Json.write(Json.tree(value));
  }
}
