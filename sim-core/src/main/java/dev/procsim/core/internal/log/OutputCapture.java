package dev.procsim.core.internal.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines one stream of one component printed, with bounded memory: lines are kept while the
 * stream has kept fewer than {@code limit} lines and the {@link OutputBudget} of its component and
 * simulation allows their size; later ones are only counted (the count is logged when the process
 * exits), except the last few, which are always remembered so that an exit can show its last words.
 * Not thread-safe: the log guards it with its lock.
 *
 * <pre>{@code
 * OutputCapture stdout = new OutputCapture("p1", 100_000, budget);
 * if (stdout.add(line) == OutputCapture.Outcome.KEPT) { ... record it ... }
 * }</pre>
 */
public final class OutputCapture {
  /** What happened to a line. */
  public enum Outcome {
    /** Kept. */
    KEPT,
    /** The first line not kept: counted, not kept; the moment to warn. */
    FIRST_DISCARDED,
    /** Counted, not kept. */
    DISCARDED
  }

  private static final int RECENT = 10;

  /** Remembered lines longer than this are cut, so that last words stay small. */
  private static final int RECENT_LINE_LENGTH = 4096;

  private final String component;
  private final int limit;
  private final OutputBudget budget;
  private final List<String> kept = new ArrayList<>();
  private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
  private String firstRefusal;
  private long discarded;
  private long discardedSize;
  private long reported;
  private long reportedSize;

  /** A capture of {@code component}'s stream that keeps at most {@code limit} lines. */
  public OutputCapture(String component, int limit, OutputBudget budget) {
    this.component = component;
    this.limit = limit;
    this.budget = budget;
  }

  /** Takes one line. */
  public Outcome add(String line) {
    if (recent.size() == RECENT) {
      recent.removeFirst();
    }
    recent.addLast(
        line.length() > RECENT_LINE_LENGTH ? line.substring(0, RECENT_LINE_LENGTH) + "…" : line);
    // Once a line is refused, none is kept after it: the kept lines stay a prefix of the stream.
    String refusal =
        firstRefusal != null
            ? firstRefusal
            : kept.size() < limit
                ? budget.charge(component, line.length())
                : "beyond the first " + limit + " lines of the stream";
    if (refusal == null) {
      kept.add(line);
      return Outcome.KEPT;
    }
    discarded++;
    discardedSize += line.length();
    if (firstRefusal == null) {
      firstRefusal = refusal;
      return Outcome.FIRST_DISCARDED;
    }
    return Outcome.DISCARDED;
  }

  /** The kept lines, in order. */
  public List<String> kept() {
    return List.copyOf(kept);
  }

  /** The last {@code count} lines (at most 10), kept or not; very long ones cut. */
  public List<String> recent(int count) {
    List<String> all = new ArrayList<>(recent);
    return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
  }

  /**
   * Lines counted but not kept since the last call, as {count, total size}; {0, 0} when none.
   * {@link #firstRefusal()} says why they were not kept (the first refusal stops all keeping).
   */
  public long[] takeUnreported() {
    long[] fresh = {discarded - reported, discardedSize - reportedSize};
    reported = discarded;
    reportedSize = discardedSize;
    return fresh;
  }

  /** Why the first line not kept was refused, e.g. "beyond the first 1000 lines"; null if none. */
  public String firstRefusal() {
    return firstRefusal;
  }
}
