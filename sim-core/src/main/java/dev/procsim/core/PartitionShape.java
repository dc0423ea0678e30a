package dev.procsim.core;

/**
 * Partitions with a name, as Jepsen's nemeses use them. Which components end up where is chosen by
 * the simulation seed, so a seed gives the same partitions every run.
 *
 * <pre>{@code
 * String what = sim.partition(PartitionShape.MAJORITIES_RING);
 * ...
 * sim.heal();
 * }</pre>
 */
public enum PartitionShape {
  /** One component cut off from all the others. */
  ISOLATE_ONE,
  /** The components split into two halves that cannot talk to each other. */
  RANDOM_HALVES,
  /**
   * The components in a ring, each talking only to its nearest neighbours: every one sees a
   * majority, but no two see the same majority.
   */
  MAJORITIES_RING,
  /** Two halves that cannot talk, and one component in the middle that talks to both. */
  BRIDGE
}
