package dev.procsim.junit.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * A duration as a progress line or summary shows it, precise enough to read and no more: {@code 540
 * ms}, {@code 5.2 s}, {@code 1m 35s}, {@code 2h 05m}.
 *
 * <pre>{@code
 * RoughDuration.of(Duration.ofMillis(95_400)); // "1m 35s"
 * }</pre>
 */
public final class RoughDuration {
  private RoughDuration() {}

  /** {@code duration}, rounded to what a person reads at its size. */
  public static String of(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = Math.round(millis / 1000.0);
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    long minutes = Math.round(seconds / 60.0);
    return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
  }
}
