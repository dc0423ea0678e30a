package dev.procsim.core.internal.seed;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The pure functions every seeded decision is built from. Everything here is fixed forever (never
 * {@link java.util.SplittableRandom} or {@link java.util.Random} internals, which may change
 * between JDKs), so that a seed printed today reproduces the same run on any JVM.
 *
 * <pre>{@code
 * long seed = Mixing.randomSeed();
 * long forP1 = Mixing.forComponent(seed, "p1");   // PROCSIM_SEED of p1
 * }</pre>
 */
public final class Mixing {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Mixing() {}

  /** A fresh random simulation seed, for runs that did not fix one. */
  public static long randomSeed() {
    return new SecureRandom().nextLong();
  }

  /** The seed a component receives in {@code PROCSIM_SEED}: a function of the seed and its name. */
  public static long forComponent(long simulationSeed, String name) {
    return mix(simulationSeed ^ mix(hash(name)));
  }

  /** The seed of run {@code index} (from 0) of a series that starts with {@code first}. */
  public static long nth(long first, int index) {
    return index == 0 ? first : mix(first + index * GOLDEN_GAMMA);
  }

  /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code text}: stable across JVMs, unlike hashCode. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * A seed for one purpose ("nemesis", "steps", ...) of a simulation, independent of the others.
   */
  public static long forPurpose(long simulationSeed, String purpose) {
    return mix(simulationSeed ^ hash(purpose));
  }
}
