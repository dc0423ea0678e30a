package dev.procsim.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The small texts of a sweep: signatures, budgets, rough durations, JSON strings. */
class SweepTextsTest {
  @Test
  void aSignatureIsTheHeadlineWithoutSeedAndNumbers() {
    String message = "seed 42: expected 3 leaders but was -4 after 1.5 s\nrerun this seed: ...";
    assertThat(FailureSignature.headline(message))
        .isEqualTo("expected 3 leaders but was -4 after 1.5 s");
    assertThat(FailureSignature.of(message)).isEqualTo("expected N leaders but was N after N s");
    assertThat(FailureSignature.of("seed -7 (again, compared): two runs gave different logs"))
        .isEqualTo("two runs gave different logs");
    assertThat(FailureSignature.of(null)).isEqualTo("(a failure without a message)");
    assertThat(FailureSignature.headline("x".repeat(1000))).hasSize(301).endsWith("…");
  }

  @Test
  void aTimeBudgetIsWrittenInUnitsOrIso8601() {
    assertThat(TimeBudget.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(TimeBudget.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeBudget.duration(" 1h 30m ")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeBudget.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TimeBudget.duration("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(TimeBudget.duration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(TimeBudget.duration("0s")).isNull();
    assertThat(TimeBudget.duration("10")).isNull();
    assertThat(TimeBudget.duration("10 minutes")).isNull();
    assertThat(TimeBudget.duration("99999999999999999999d")).isNull();
    assertThat(TimeBudget.duration("9999999999999999d")).isNull();
    assertThat(TimeBudget.parse("", "T.t()")).isEmpty();
    assertThatThrownBy(() -> TimeBudget.parse("soon", "T.t()"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "T.t(): @SimulationTest(time = \"soon\") is not a time budget: write a positive duration"
                + " such as \"10m\", \"90s\", \"1h30m\", \"500ms\" or \"PT10M\"");
  }

  @Test
  void roughDurationsAreReadableAtEverySize() {
    assertThat(RoughDuration.of(Duration.ofMillis(540))).isEqualTo("540 ms");
    assertThat(RoughDuration.of(Duration.ofMillis(5_240))).isEqualTo("5.2 s");
    assertThat(RoughDuration.of(Duration.ofMillis(95_400))).isEqualTo("1m 35s");
    assertThat(RoughDuration.of(Duration.ofMinutes(125))).isEqualTo("2h 05m");
    assertThat(RoughDuration.of(Duration.ofMillis(-5))).isEqualTo("0 ms");
  }

  @Test
  void jsonStringsEscapeWhatJsonRequires() {
    assertThat(JsonText.quote("say \"hi\"\\\n\t\r")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\r\"");
    assertThat(JsonText.quote("\u0001 é 😀")).isEqualTo("\"\\u0001 é 😀\"");
    assertThat(JsonText.quote("a\uD800b")).isEqualTo("\"a\\ud800b\"");
    assertThat(JsonText.quote(null)).isEqualTo("null");
  }
}
