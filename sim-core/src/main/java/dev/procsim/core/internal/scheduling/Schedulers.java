package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.seed.Mixing;
import dev.procsim.core.internal.seed.SeededRandom;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;

/**
 * The one place that knows which kinds of scheduler exist and picks one.
 *
 * <pre>{@code
 * Scheduler scheduler = Schedulers.create(true, seed, echo, Duration.ofSeconds(10), Duration.ofSeconds(5), "run-1");
 * }</pre>
 */
public final class Schedulers {
  private Schedulers() {}

  /**
   * A stepped scheduler (virtual clock; {@code stepTimeout} per idle wait, a warning after {@code
   * stallWarning} without a driver) when {@code stepped}, else a real-time one.
   */
  public static Scheduler create(
      boolean stepped,
      long seed,
      ConsoleEcho echo,
      Duration stepTimeout,
      Duration stallWarning,
      String threadPrefix) {
    if (!stepped) {
      return new RealTimeScheduler(threadPrefix + "-network");
    }
    return new SteppedScheduler(
        echo,
        new SeededRandom(Mixing.forPurpose(seed, "steps")),
        stepTimeout,
        stallWarning,
        threadPrefix + "-stepper");
  }
}
