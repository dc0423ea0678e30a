package dev.procsim.check;

import java.util.Set;

/**
 * The transactional consistency models {@link ListAppend} checks against, each by the anomalies it
 * forbids (Adya's, as Elle names them).
 *
 * <pre>{@code
 * CheckResult result = ListAppend.check(history, ConsistencyModel.SERIALIZABLE);
 * }</pre>
 */
public enum ConsistencyModel {
  /** No dirty writes or reads: forbids G0, G1a, G1b and G1c. */
  READ_COMMITTED(Set.of("G0", "G1a", "G1b", "G1c", "incompatible-order")),
  /** As if one transaction ran at a time: also forbids G-single and G2. */
  SERIALIZABLE(Set.of("G0", "G1a", "G1b", "G1c", "G-single", "G2", "incompatible-order")),
  /** Serializable in an order that respects real time: also forbids cycles through real time. */
  STRICT_SERIALIZABLE(
      Set.of(
          "G0",
          "G1a",
          "G1b",
          "G1c",
          "G-single",
          "G2",
          "incompatible-order",
          "G0-realtime",
          "G1c-realtime",
          "G-single-realtime",
          "G2-realtime"));

  private final Set<String> forbidden;

  ConsistencyModel(Set<String> forbidden) {
    this.forbidden = forbidden;
  }

  /** Whether this model forbids the anomaly named {@code anomaly}. */
  public boolean forbids(String anomaly) {
    return forbidden.contains(anomaly);
  }
}
