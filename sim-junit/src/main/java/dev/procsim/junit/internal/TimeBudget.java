package dev.procsim.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The time budget of a sweep, from {@code @SimulationTest(time = ...)}: {@code "10m"}, {@code
 * "90s"}, {@code "1h30m"}, {@code "500ms"}, or ISO-8601 such as {@code "PT10M"}.
 *
 * <pre>{@code
 * Optional<Duration> budget = TimeBudget.parse("1h30m", "LeaderTest.elects()"); // PT1H30M
 * }</pre>
 */
public final class TimeBudget {
  /** How a duration is written, for error messages. */
  public static final String FORMS =
      "write a positive duration such as \"10m\", \"90s\", \"1h30m\", \"500ms\" or \"PT10M\"";

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private TimeBudget() {}

  /** The budget {@code text} gives, empty for an empty text; a clear error naming {@code test}. */
  public static Optional<Duration> parse(String text, String test) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    Duration budget = duration(text);
    if (budget == null) {
      throw new ExtensionConfigurationException(
          test + ": @SimulationTest(time = \"" + text + "\") is not a time budget: " + FORMS);
    }
    return Optional.of(budget);
  }

  /** The positive duration {@code text} writes, or null when it writes none. */
  public static Duration duration(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    try {
      Duration parsed = trimmed.startsWith("p") ? iso(trimmed) : parts(trimmed);
      return parsed == null || parsed.isNegative() || parsed.isZero() ? null : parsed;
    } catch (ArithmeticException tooLong) {
      return null;
    }
  }

  private static Duration iso(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration parts(String text) {
    Matcher part = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount;
      try {
        amount = Long.parseLong(part.group(1));
      } catch (NumberFormatException tooLong) {
        return null;
      }
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
      end = part.end();
    }
    return end == text.length() ? total : null;
  }
}
