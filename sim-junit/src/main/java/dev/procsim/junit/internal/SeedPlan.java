package dev.procsim.junit.internal;

import dev.procsim.core.Seeds;
import dev.procsim.junit.SimulationTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which seeds a {@link SimulationTest} runs with: the {@code procsim.seed} parameter alone when it
 * is set (a rerun); else the seeds that made it fail before (its regression file) first, then
 * {@code runs} seeds starting from the annotation's seed, {@code procsim.sweepSeed}, or a random
 * one; of those, a shard ({@code procsim.shard = K/N}) takes its share. Later seeds are derived
 * from the first, so a fixed seed with {@code runs = 10} always runs the same ten seeds.
 *
 * <pre>{@code
 * Stream<Long> seeds = SeedPlan.seeds(annotation, parameters, regressions, "MyTest.test()", false);
 * }</pre>
 */
public final class SeedPlan {
  /** The configuration parameter (or system property) that reruns one seed. */
  public static final String SEED_PARAMETER = "procsim.seed";

  /** The configuration parameter that fixes the first seed of a sweep whose seed is random. */
  public static final String SWEEP_SEED_PARAMETER = "procsim.sweepSeed";

  /**
   * What the build says about seeds.
   *
   * @param seed {@code procsim.seed}
   * @param sweepSeed {@code procsim.sweepSeed}
   * @param shard {@code procsim.shard}
   */
  public record Parameters(
      Optional<String> seed, Optional<String> sweepSeed, Optional<String> shard) {
    /** None set. */
    public static Parameters none() {
      return new Parameters(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  private SeedPlan() {}

  /**
   * The seeds to run, in order; {@code regressions} are the seeds that failed before. With {@code
   * unbounded} (a sweep for a time budget, which stops it) the stream does not end after {@code
   * runs} seeds; it is lazy either way.
   */
  public static Stream<Long> seeds(
      SimulationTest settings,
      Parameters parameters,
      List<Long> regressions,
      String test,
      boolean unbounded) {
    if (settings.runs() < 1) {
      throw new ExtensionConfigurationException(
          test + ": @SimulationTest(runs = " + settings.runs() + ") must be at least 1");
    }
    Optional<Long> rerun = parse(parameters.seed(), SEED_PARAMETER);
    if (rerun.isPresent()) {
      return Stream.of(rerun.get());
    }
    Optional<SweepShard> shard = SweepShard.parse(parameters.shard());
    Optional<Long> sweepSeed = parse(parameters.sweepSeed(), SWEEP_SEED_PARAMETER);
    long first;
    if (settings.seed() != SimulationTest.RANDOM_SEED) {
      first = settings.seed();
    } else if (sweepSeed.isPresent()) {
      first = sweepSeed.get();
    } else if (shard.isPresent()) {
      throw new ExtensionConfigurationException(
          test
              + ": "
              + SweepShard.PARAMETER
              + " = "
              + shard.get()
              + " needs the same seeds in every shard, but this test's seed is random: fix it"
              + " with @SimulationTest(seed = ...) or -D"
              + SWEEP_SEED_PARAMETER
              + "=<n> (one value for every shard, such as the CI pipeline's number)");
    } else {
      first = Seeds.random();
    }
    List<Long> remembered = List.copyOf(new LinkedHashSet<>(regressions));
    Set<Long> rememberedSet = Set.copyOf(remembered);
    int runs = unbounded ? Integer.MAX_VALUE : settings.runs();
    Stream<Long> fresh =
        IntStream.range(0, runs)
            .mapToObj(run -> Seeds.nth(first, run))
            .filter(seed -> !rememberedSet.contains(seed));
    Stream<Long> all = Stream.concat(remembered.stream(), fresh);
    return shard.map(s -> s.select(all)).orElse(all);
  }

  private static Optional<Long> parse(Optional<String> value, String parameter) {
    if (value.isEmpty() || value.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException(
          parameter + " = \"" + value.get() + "\" is not a seed (a long integer)", e);
    }
  }
}
