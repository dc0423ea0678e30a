package dev.procsim.core.internal.network;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.PartitionShape;
import java.util.List;

/**
 * What a nemesis may do to a simulation: partition it in a named shape, heal it, and crash,
 * restart, pause or resume its components (through their public {@link Component} API).
 *
 * <pre>{@code
 * String chosen = actions.partition(PartitionShape.BRIDGE);
 * actions.heal();
 * }</pre>
 */
public interface NemesisActions {
  /** Partitions the components in {@code shape}, chosen by the seed; returns what was chosen. */
  Partitions.Plan partition(PartitionShape shape);

  /** Partitions the components in {@code shape} drawn in {@code order}: a recorded partition. */
  Partitions.Plan partition(PartitionShape shape, List<String> order);

  /** Lifts the partition and every cut. */
  void heal();

  /** Every component, in declaration order. */
  List<ComponentHandle> components();
}
