package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.internal.seed.Mixing;
import org.junit.jupiter.api.Test;

/** The public seed functions: fixed forever, since users write seeds down. */
class SeedsTest {
  @Test
  void seedsOfASeriesAreFixedByTheFirst() {
    assertThat(Seeds.nth(42, 0)).isEqualTo(42);
    assertThat(Seeds.nth(42, 1)).isEqualTo(Seeds.nth(42, 1)).isNotEqualTo(42);
    // Fixed forever: the n-th seed of @SimulationTest(seed = 42, runs = N) never changes.
    assertThat(Seeds.nth(42, 1)).isEqualTo(Mixing.mix(42 + 0x9e3779b97f4a7c15L));
    assertThatThrownBy(() -> Seeds.nth(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aComponentsSeedIsWhatItFindsInItsEnvironment() {
    assertThat(Seeds.forComponent(42, "p1")).isEqualTo(-302072367834943624L);
  }
}
