package dev.procsim.core.internal.log;

import java.util.HashMap;
import java.util.Map;

/**
 * How much output text a simulation may keep, per component (stdout and stderr together) and in
 * all: a count of lines bounds nothing when one line can be a megabyte, so the log also counts
 * sizes. A line's size is its length in characters, which is its size in bytes for ASCII text and
 * at most half its size in memory otherwise. Not thread-safe: the log guards it with its lock.
 *
 * <pre>{@code
 * OutputBudget budget = new OutputBudget(32 << 20, 256 << 20);
 * String refused = budget.charge("p1", line.length()); // null: kept and charged
 * }</pre>
 */
public final class OutputBudget {
  private final long perComponent;
  private final long perSimulation;
  private final Map<String, Long> used = new HashMap<>();
  private long total;

  /** A budget of {@code perComponent} bytes for each component and {@code perSimulation} in all. */
  public OutputBudget(long perComponent, long perSimulation) {
    this.perComponent = perComponent;
    this.perSimulation = perSimulation;
  }

  /**
   * Charges {@code size} to {@code component} when both bounds allow it and returns null; otherwise
   * charges nothing and returns the bound that refused it, in words.
   */
  public String charge(String component, long size) {
    long mine = used.getOrDefault(component, 0L);
    if (mine + size > perComponent) {
      return "past the " + Sizes.bytes(perComponent) + " of output kept per component";
    }
    if (total + size > perSimulation) {
      return "past the " + Sizes.bytes(perSimulation) + " of output kept per simulation";
    }
    used.put(component, mine + size);
    total += size;
    return null;
  }
}
