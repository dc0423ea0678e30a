package dev.procsim.core.internal.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines one stream of one component printed, with bounded memory: the first {@code limit} lines
 * are kept; later ones are only counted (the count is logged when the process exits), except the
 * last few, which are always remembered so that an exit can show its last words. Not thread-safe:
 * the log guards it with its lock.
 *
 * <pre>{@code
 * OutputCapture stdout = new OutputCapture(100_000);
 * if (stdout.add(line) == OutputCapture.Outcome.KEPT) { ... record it ... }
 * }</pre>
 */
public final class OutputCapture {
  /** What happened to a line. */
  public enum Outcome {
    /** Kept. */
    KEPT,
    /** The first line past the limit: counted, not kept; the moment to warn. */
    FIRST_DISCARDED,
    /** Counted, not kept. */
    DISCARDED
  }

  private static final int RECENT = 10;

  private final int limit;
  private final List<String> kept = new ArrayList<>();
  private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
  private long discarded;
  private long reported;

  /** A capture that keeps at most {@code limit} lines. */
  public OutputCapture(int limit) {
    this.limit = limit;
  }

  /** Takes one line. */
  public Outcome add(String line) {
    if (recent.size() == RECENT) {
      recent.removeFirst();
    }
    recent.addLast(line);
    if (kept.size() < limit) {
      kept.add(line);
      return Outcome.KEPT;
    }
    discarded++;
    return discarded == 1 ? Outcome.FIRST_DISCARDED : Outcome.DISCARDED;
  }

  /** The kept lines, in order. */
  public List<String> kept() {
    return List.copyOf(kept);
  }

  /** The last {@code count} lines (at most 10), kept or not. */
  public List<String> recent(int count) {
    List<String> all = new ArrayList<>(recent);
    return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
  }

  /** Lines counted but not kept since the last call; 0 when none. */
  public long takeUnreported() {
    long fresh = discarded - reported;
    reported = discarded;
    return fresh;
  }

  /** The most lines kept. */
  public int limit() {
    return limit;
  }
}
