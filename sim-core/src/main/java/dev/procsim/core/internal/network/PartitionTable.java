package dev.procsim.core.internal.network;

import java.util.HashMap;
import java.util.Map;

/**
 * Which links between components are down, and why. A partition (sides or a named shape) replaces
 * the previous partition; one-way cuts add up; {@link #heal()} lifts everything. Not thread-safe:
 * the network guards it with its lock.
 *
 * <pre>{@code
 * table.partition(Partitions.ofSides(List.of(Set.of("n1")), all).blocked());
 * String reason = table.blocking("n1", "n2");   // why the link is down, or null
 * }</pre>
 */
public final class PartitionTable {
  private Map<Link, String> partitioned = Map.of();
  private final Map<Link, String> cuts = new HashMap<>();

  /** Makes {@code blocked} (link → reason) the current partition. */
  public void partition(Map<Link, String> blocked) {
    partitioned = Map.copyOf(blocked);
  }

  /** Takes down one direction. */
  public void cut(Link link) {
    cuts.put(link, "the link " + link + " is cut");
  }

  /** Brings every link back up. */
  public void heal() {
    partitioned = Map.of();
    cuts.clear();
  }

  /** Why {@code from -> to} is down, or null when it is up. */
  public String blocking(String from, String to) {
    if (partitioned.isEmpty() && cuts.isEmpty()) {
      return null;
    }
    Link link = new Link(from, to);
    String cut = cuts.get(link);
    return cut != null ? cut : partitioned.get(link);
  }
}
