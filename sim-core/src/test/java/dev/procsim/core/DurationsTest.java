package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One duration format for people, which reads back. */
class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 ms",
    "1, 1 ns",
    "999, 999 ns",
    "1500, 1.5 µs",
    "250000000, 250 ms",
    "1500000000, 1.5 s",
    "10000000000, 10 s",
    "1234567, 1.235 ms",
    "120000000000, 120 s"
  })
  void formatsInTheLargestUnitWithAtMostThreeDecimals(long nanos, String text) {
    assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "250ms, 250000000",
    "250 ms, 250000000",
    "1.5s, 1500000000",
    "40 µs, 40000",
    "2m, 120000000000"
  })
  void parsesTheShortFormAndTheFormatsOwn(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @Test
  void whatItFormatsParsesBackExactlyWhenNoDigitIsRoundedAway() {
    for (Duration d :
        new Duration[] {
          Duration.ofMillis(250),
          Duration.ofMillis(1500),
          Duration.ofNanos(1500),
          Duration.ofSeconds(7)
        }) {
      assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
  }

  @Test
  void notADurationSaysWhatToWrite() {
    assertThatThrownBy(() -> Durations.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"soon\" is not a duration");
  }
}
