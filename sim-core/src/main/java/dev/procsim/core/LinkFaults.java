package dev.procsim.core;

import java.util.Objects;

/**
 * The faults of one link (or of every link, as a network's default): its latency, the probability
 * that a message is lost, and the probability that it is duplicated. Immutable.
 *
 * <p>A duplicated message travels as two copies; each copy is lost, or delayed, independently.
 *
 * <pre>{@code
 * LinkFaults flaky = LinkFaults.none().withLoss(0.3).withLatency(Latency.fixed(Duration.ofMillis(50)));
 * Network net = Network.builder().link("client", "server", flaky).build();
 * }</pre>
 *
 * @param latency how long each copy is held
 * @param loss probability in [0, 1] that a copy is lost
 * @param duplication probability in [0, 1] that a message is sent twice
 */
public record LinkFaults(Latency latency, double loss, double duplication) {
  private static final LinkFaults NONE = new LinkFaults(Latency.none(), 0, 0);

  /** Checks the probabilities. */
  public LinkFaults {
    Objects.requireNonNull(latency, "latency");
    requireProbability(loss, "loss");
    requireProbability(duplication, "duplication");
  }

  /** A perfect link: no latency, no loss, no duplication. */
  public static LinkFaults none() {
    return NONE;
  }

  /** This link with another latency. */
  public LinkFaults withLatency(Latency newLatency) {
    return new LinkFaults(newLatency, loss, duplication);
  }

  /** This link with another loss probability. */
  public LinkFaults withLoss(double probability) {
    return new LinkFaults(latency, probability, duplication);
  }

  /** This link with another duplication probability. */
  public LinkFaults withDuplication(double probability) {
    return new LinkFaults(latency, loss, probability);
  }

  /** Whether this link delivers every message once, at once. */
  public boolean isPerfect() {
    return loss == 0 && duplication == 0 && latency.equals(Latency.none());
  }

  @Override
  public String toString() {
    return isPerfect()
        ? "reliable"
        : "latency " + latency + ", loss " + loss + ", duplication " + duplication;
  }

  private static void requireProbability(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("the " + what + " probability must be in [0, 1]: " + p);
    }
  }
}
