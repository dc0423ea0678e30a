package dev.procsim.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the short way people write them ({@code 250ms}, {@code 2s}, {@code 1.5s}, {@code
 * 500us}, {@code 100ns}, {@code 1m}; annotations use this form) and writes them the one way procsim
 * shows every duration to a person: a number, a space and a unit ({@code 250 ms}, {@code 1.5 s},
 * {@code 40 µs}), which {@link #parse} reads back.
 *
 * <pre>{@code
 * Duration d = Durations.parse("250ms");              // PT0.25S
 * String s = Durations.format(d);                     // "250 ms"
 * Durations.format(Duration.ofMillis(1500));          // "1.5 s"
 * }</pre>
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min)\\s*");
  private static final long[] UNIT_NANOS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};
  private static final String[] UNIT_NAMES = {"s", "ms", "µs", "ns"};

  private Durations() {}

  /**
   * Parses {@code <number><unit>} with unit ns, us (or µs), ms, s or m (minutes); a space between
   * number and unit is allowed.
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

  /**
   * The duration in the largest unit (s, ms, µs, ns) it holds at least once, with at most three
   * decimals: {@code 10 s}, {@code 1.5 s}, {@code 250 ms}, {@code 1.234 ms}, {@code 0 ms}.
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0 ms";
    }
    String sign = nanos < 0 ? "-" : "";
    long magnitude = Math.abs(nanos);
    for (int i = 0; i < UNIT_NANOS.length; i++) {
      if (magnitude >= UNIT_NANOS[i] || i == UNIT_NANOS.length - 1) {
        BigDecimal amount =
            BigDecimal.valueOf(magnitude)
                .divide(BigDecimal.valueOf(UNIT_NANOS[i]), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return sign + amount.toPlainString() + " " + UNIT_NAMES[i];
      }
    }
    throw new AssertionError("unreachable");
  }
}
