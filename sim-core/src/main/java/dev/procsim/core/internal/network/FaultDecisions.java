package dev.procsim.core.internal.network;

import dev.procsim.core.LinkFaults;
import dev.procsim.core.internal.seed.Mixing;

/**
 * The network's fault decisions as a pure function of (seed, from, to, the message's number on that
 * link): how many copies of a message travel, whether each copy is lost, and how long each is
 * delayed. Nothing here depends on time or on thread interleaving, so the same seed makes the same
 * decisions for the same messages in every run. The function is fixed forever: changing it would
 * change what every recorded seed means.
 *
 * <pre>{@code
 * FaultDecisions.Decision d = FaultDecisions.decide(seed, "p1", "p2", 17, faults);
 * for (FaultDecisions.Copy copy : d.copies()) { ... copy.lost() ... copy.delayNanos() ... }
 * }</pre>
 */
public final class FaultDecisions {
  // Stream numbers: 0 decides duplication; copy i uses 1 + 2i for loss and 2 + 2i for its delay.
  private static final int DUPLICATE = 0;

  private static final Decision ONE_COPY_AT_ONCE = new Decision(new Copy[] {new Copy(false, 0)});

  private FaultDecisions() {}

  /**
   * What happens to one copy of a message.
   *
   * @param lost whether the network loses it
   * @param delayNanos how long it is held before delivery
   */
  public record Copy(boolean lost, long delayNanos) {}

  /** The copies of one message: one, or two when it is duplicated. */
  public record Decision(Copy[] copies) {}

  /** The decision for message number {@code n} (from 1) on the link {@code from -> to}. */
  public static Decision decide(long seed, String from, String to, long n, LinkFaults faults) {
    if (faults.isPerfect()) {
      return ONE_COPY_AT_ONCE;
    }
    long link = linkKey(seed, from, to);
    int count = uniform(link, n, DUPLICATE) < faults.duplication() ? 2 : 1;
    Copy[] copies = new Copy[count];
    for (int i = 0; i < count; i++) {
      boolean lost = uniform(link, n, 1 + 2 * i) < faults.loss();
      long delay = faults.latency().sampleNanos(uniform(link, n, 2 + 2 * i));
      copies[i] = new Copy(lost, delay);
    }
    return new Decision(copies);
  }

  /** A number identifying (seed, from, to), the base of every decision on that link. */
  static long linkKey(long seed, String from, String to) {
    return Mixing.mix(Mixing.mix(seed ^ Mixing.mix(Mixing.hash(from))) ^ Mixing.hash(to));
  }

  /** A uniform number in [0, 1) for decision {@code stream} of message {@code n} on a link. */
  static double uniform(long linkKey, long n, int stream) {
    long bits = Mixing.mix(Mixing.mix(linkKey + n * 0x9e3779b97f4a7c15L) ^ stream);
    return (bits >>> 11) * 0x1.0p-53;
  }
}
