package dev.procsim.junit.internal;

import dev.procsim.core.Seeds;
import dev.procsim.junit.SimulationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which seeds a {@link SimulationTest} runs with: the {@code procsim.seed} parameter alone when it
 * is set (a rerun), else {@code runs} seeds starting from the annotation's seed or a random one.
 * Later seeds are derived from the first, so a fixed seed with {@code runs = 10} always runs the
 * same ten seeds.
 *
 * <pre>{@code
 * List<Long> seeds = SeedPlan.seeds(annotation, context.getConfigurationParameter("procsim.seed"), "MyTest.test()");
 * }</pre>
 */
public final class SeedPlan {
  /** The configuration parameter (or system property) that reruns one seed. */
  public static final String SEED_PARAMETER = "procsim.seed";

  private SeedPlan() {}

  /** The seeds to run, in order. */
  public static List<Long> seeds(SimulationTest settings, Optional<String> override, String test) {
    if (settings.runs() < 1) {
      throw new ExtensionConfigurationException(
          test + ": @SimulationTest(runs = " + settings.runs() + ") must be at least 1");
    }
    if (override.isPresent() && !override.get().isBlank()) {
      try {
        return List.of(Long.parseLong(override.get().trim()));
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(
            SEED_PARAMETER + " = \"" + override.get() + "\" is not a seed (a long integer)", e);
      }
    }
    long first = settings.seed() == SimulationTest.RANDOM_SEED ? Seeds.random() : settings.seed();
    List<Long> seeds = new ArrayList<>(settings.runs());
    for (int run = 0; run < settings.runs(); run++) {
      seeds.add(Seeds.nth(first, run));
    }
    return seeds;
  }
}
