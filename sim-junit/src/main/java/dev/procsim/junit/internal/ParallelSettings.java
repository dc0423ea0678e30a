package dev.procsim.junit.internal;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What JUnit's configuration says about parallel execution, as far as a sweep cares: whether
 * invocations may run at once, and so how many seeds a sweep hands out before earlier ones finish
 * (twice the parallelism, so that no worker waits for the next seed).
 *
 * <pre>{@code
 * int limit = ParallelSettings.inFlightLimit(context); // 0 when JUnit runs one test at a time
 * }</pre>
 */
public final class ParallelSettings {
  private static final String ENABLED = "junit.jupiter.execution.parallel.enabled";
  private static final String STRATEGY = "junit.jupiter.execution.parallel.config.strategy";
  private static final String FIXED = "junit.jupiter.execution.parallel.config.fixed.parallelism";
  private static final String FACTOR = "junit.jupiter.execution.parallel.config.dynamic.factor";

  private ParallelSettings() {}

  /** Twice the parallelism when tests run in parallel; 0 (no limit needed) when they do not. */
  public static int inFlightLimit(ExtensionContext context) {
    if (!context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)) {
      return 0;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    String strategy = context.getConfigurationParameter(STRATEGY).orElse("dynamic").strip();
    int parallelism;
    if (strategy.equalsIgnoreCase("fixed")) {
      parallelism = number(context.getConfigurationParameter(FIXED)).orElse(cores);
    } else if (strategy.equalsIgnoreCase("dynamic")) {
      double factor =
          context.getConfigurationParameter(FACTOR).flatMap(ParallelSettings::decimal).orElse(1.0);
      parallelism = (int) Math.max(1, Math.round(factor * cores));
    } else {
      parallelism = cores; // a custom strategy: its parallelism is its own business
    }
    return 2 * Math.max(1, parallelism);
  }

  private static Optional<Integer> number(Optional<String> text) {
    return text.flatMap(ParallelSettings::decimal).map(d -> (int) Math.max(1, d.longValue()));
  }

  private static Optional<Double> decimal(String text) {
    try {
      return Optional.of(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // JUnit reports its own bad configuration
    }
  }
}
