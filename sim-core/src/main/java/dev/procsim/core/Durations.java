package dev.procsim.core;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the short way people write them: {@code 250ms}, {@code 2s}, {@code
 * 1.5s}, {@code 500us}, {@code 100ns}, {@code 1m}. Annotations use this form.
 *
 * <pre>{@code
 * Duration d = Durations.parse("250ms");   // PT0.25S
 * String s = Durations.format(d);          // "250ms"
 * }</pre>
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min)\\s*");

  private Durations() {}

  /**
   * Parses {@code <number><unit>} with unit ns, us, ms, s or m (minutes).
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration; write a number and a unit: 5ms, 1.5s, 200us, 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    double nanosPerUnit =
        switch (m.group(2)) {
          case "ns" -> 1;
          case "us", "µs" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          default -> 60e9;
        };
    return Duration.ofNanos(Math.round(amount * nanosPerUnit));
  }

  /** The shortest exact form among ns, us, ms and s ({@code 1500us} → "1500us", 2s → "2s"). */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0ms";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    if (nanos % 1_000L == 0) {
      return nanos / 1_000L + "us";
    }
    return String.format(Locale.ROOT, "%dns", nanos);
  }
}
