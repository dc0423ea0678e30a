package dev.procsim.core;

import dev.procsim.core.internal.seed.Mixing;

/**
 * The seeds of simulations: a fresh random one, the series of seeds a sweep runs, and the seed each
 * component gets. All of them are pure functions fixed forever, so a seed printed today means the
 * same run on any JVM, tomorrow.
 *
 * <pre>{@code
 * long first = Seeds.random();
 * for (int run = 0; run < 10; run++) {
 *   long seed = Seeds.nth(first, run);          // run 0 is `first` itself
 *   try (Simulator sim = Simulator.builder().seed(seed) ... .build().start()) { ... }
 * }
 * long mine = Seeds.forComponent(seed, "n1");   // what n1 finds in PROCSIM_SEED
 * }</pre>
 */
public final class Seeds {
  private Seeds() {}

  /** A fresh random seed (from {@link java.security.SecureRandom}). */
  public static long random() {
    return Mixing.randomSeed();
  }

  /**
   * Seed number {@code index} (from 0) of the series that starts with {@code first}: index 0 is
   * {@code first}, later ones are derived from it, so a series is fixed by its first seed.
   *
   * @throws IllegalArgumentException for a negative index
   */
  public static long nth(long first, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a seed index must not be negative: " + index);
    }
    return Mixing.nth(first, index);
  }

  /** The seed a component named {@code name} gets in {@code PROCSIM_SEED}. */
  public static long forComponent(long simulationSeed, String name) {
    return Mixing.forComponent(simulationSeed, name);
  }
}
