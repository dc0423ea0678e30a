package dev.procsim.junit.internal;

/**
 * How one seed of a sweep went: passed, failed (with the failure's first line), or aborted (an
 * assumption did not hold), and how long it took. A seed run twice (to check determinism) is one
 * result: failed if either run failed, with both runs' time.
 *
 * <pre>{@code
 * SeedResult result = new SeedResult(42L, SeedResult.Outcome.FAILED, 1250, "expected 3 but was 4");
 * }</pre>
 *
 * @param seed the seed
 * @param outcome how it went
 * @param millis how long its run (or runs) took, in milliseconds
 * @param failure the failure's headline ({@link FailureSignature#headline}), or null
 */
public record SeedResult(long seed, Outcome outcome, long millis, String failure) {
  /** How a seed went. */
  public enum Outcome {
    /** Every run passed. */
    PASSED,
    /** A run failed. */
    FAILED,
    /** A run was aborted (an assumption failed), none failed. */
    ABORTED
  }

  /** This result and {@code later}'s, for the same seed, as one. */
  public SeedResult and(SeedResult later) {
    Outcome worse =
        outcome == Outcome.FAILED || later.outcome == Outcome.FAILED
            ? Outcome.FAILED
            : outcome == Outcome.ABORTED || later.outcome == Outcome.ABORTED
                ? Outcome.ABORTED
                : Outcome.PASSED;
    return new SeedResult(
        seed, worse, millis + later.millis, failure != null ? failure : later.failure);
  }
}
