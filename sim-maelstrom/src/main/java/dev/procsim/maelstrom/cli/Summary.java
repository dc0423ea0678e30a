package dev.procsim.maelstrom.cli;

import dev.procsim.check.Verdict;
import dev.procsim.core.Texts;
import dev.procsim.maelstrom.MaelstromResult;

/**
 * The one screen {@code procsim test} prints at the end: the verdict and why first, then the
 * statistics, the seed with the line that runs the test again, where the files are, and the verdict
 * once more on the last line (where Maelstrom users look, and scripts too).
 *
 * <pre>{@code
 * out.print(Summary.of(result));
 * }</pre>
 */
final class Summary {
  /** Lines of the explanation shown; the rest is in results.json. */
  private static final int MOST_LINES = 12;

  private Summary() {}

  static String of(MaelstromResult result) {
    StringBuilder text = new StringBuilder();
    text.append(result.workload()).append(": ").append(result.verdict()).append('\n');
    String[] lines = result.explanation().split("\n");
    for (int i = 0; i < lines.length && i < MOST_LINES; i++) {
      text.append("  ").append(Texts.clip(lines[i])).append('\n');
    }
    if (lines.length > MOST_LINES) {
      text.append("  ... ")
          .append(lines.length - MOST_LINES)
          .append(" more lines in results.json\n");
    }
    text.append('\n').append(result.statistics());
    text.append('\n');
    text.append("seed ")
        .append(result.seed())
        .append(result.stepped() ? " (stepped: repeats exactly)" : " (real time)")
        .append("; run it again:\n  ")
        .append(result.rerunCommand())
        .append('\n');
    if (!result.stepped()) {
      text.append("  (add --stepped for a run that repeats exactly)\n");
    }
    result.directory().ifPresent(dir -> text.append("results: ").append(dir).append('\n'));
    result.shrunk().ifPresent(found -> text.append('\n').append(found.summary()).append('\n'));
    text.append('\n').append(lastLine(result.verdict())).append('\n');
    return text.toString();
  }

  /** The last line: the verdict, in words Maelstrom users know. */
  static String lastLine(Verdict verdict) {
    return switch (verdict) {
      case VALID -> "VALID: everything looks good";
      case INVALID -> "INVALID: analysis invalid";
      case UNKNOWN -> "UNKNOWN: errors occurred during analysis, but no anomalies found";
    };
  }
}
