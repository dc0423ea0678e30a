package dev.procsim.core.internal.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * A small deterministic random sequence (SplitMix64) for choices that are not about one message:
 * partition shapes, the nemesis's schedule. Unlike {@link java.util.Random}, its output is fixed
 * here, so a seed means the same choices on every JVM. Not thread-safe.
 *
 * <pre>{@code
 * SeededRandom random = new SeededRandom(Mixing.forPurpose(seed, "nemesis"));
 * int victim = random.nextInt(components.size());
 * }</pre>
 */
public final class SeededRandom {
  private long state;

  /** A sequence determined by {@code seed}. */
  public SeededRandom(long seed) {
    this.state = seed;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += 0x9e3779b97f4a7c15L;
    return Mixing.mix(state);
  }

  /** A uniform number in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform integer in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** A uniform long in [min, max]. */
  public long nextLong(long min, long max) {
    return min + (long) (nextDouble() * (max - min + 1));
  }

  /** A shuffled copy of {@code items} (Fisher-Yates). */
  public <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      T swap = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, swap);
    }
    return copy;
  }
}
