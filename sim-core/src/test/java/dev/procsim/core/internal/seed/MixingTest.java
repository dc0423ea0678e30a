package dev.procsim.core.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixingTest {

  @Test
  void componentSeedsAreFixedForeverForAGivenSeedAndName() {
    // Golden values computed independently (a Python transcription of FNV-1a and SplitMix64):
    // changing them breaks every seed users have written down.
    assertThat(Mixing.hash("p1")).isEqualTo(0x08d59707b575eabaL);
    assertThat(Mixing.forComponent(42, "p1")).isEqualTo(-302072367834943624L);
    assertThat(Mixing.forComponent(-7, "node-3")).isEqualTo(-4552934074465549479L);
  }

  @Test
  void differentNamesAndSeedsGiveDifferentComponentSeeds() {
    assertThat(Mixing.forComponent(42, "p1")).isNotEqualTo(Mixing.forComponent(42, "p2"));
    assertThat(Mixing.forComponent(42, "p1")).isNotEqualTo(Mixing.forComponent(43, "p1"));
  }
}
