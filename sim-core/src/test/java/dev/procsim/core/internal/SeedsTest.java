package dev.procsim.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void componentSeedsAreFixedForeverForAGivenSeedAndName() {
    // Golden values computed independently (a Python transcription of FNV-1a and SplitMix64):
    // changing them breaks every seed users have written down.
    assertThat(Seeds.hash("p1")).isEqualTo(0x08d59707b575eabaL);
    assertThat(Seeds.forComponent(42, "p1")).isEqualTo(-302072367834943624L);
    assertThat(Seeds.forComponent(-7, "node-3")).isEqualTo(-4552934074465549479L);
  }

  @Test
  void differentNamesAndSeedsGiveDifferentComponentSeeds() {
    assertThat(Seeds.forComponent(42, "p1")).isNotEqualTo(Seeds.forComponent(42, "p2"));
    assertThat(Seeds.forComponent(42, "p1")).isNotEqualTo(Seeds.forComponent(43, "p1"));
  }
}
