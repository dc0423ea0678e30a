package dev.procsim.check;

import java.util.Objects;

/**
 * A checker's conclusion: the {@link Verdict} and, for a person, why. For {@link Verdict#INVALID}
 * the explanation names what cannot be placed and in which state; for {@link Verdict#UNKNOWN}, why
 * the checker stopped.
 *
 * <pre>{@code
 * CheckResult result = Linearizability.check(Models.casRegister(), history, Duration.ofSeconds(60));
 * if (result.verdict() != Verdict.VALID) {
 *   throw new AssertionError(result.explanation());
 * }
 * }</pre>
 *
 * @param verdict the conclusion
 * @param explanation why, in words; for a valid history, what was checked
 */
public record CheckResult(Verdict verdict, String explanation) {
  /** Checks for nulls. */
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(explanation, "explanation");
  }

  /** Whether the verdict is {@link Verdict#VALID}. */
  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  @Override
  public String toString() {
    return verdict + ": " + explanation;
  }
}
