package dev.procsim.check;

import java.util.List;
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
 * @param ordered for an invalid history, operations found to fit (for linearizability, the longest
 *     order found, in the order its operations take effect); often empty
 * @param culprits for an invalid history, the operations that make it so (for linearizability, the
 *     one that cannot take effect); often empty
 */
public record CheckResult(
    Verdict verdict, String explanation, List<Operation> ordered, List<Operation> culprits) {
  /** Checks for nulls and copies the lists. */
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(explanation, "explanation");
    ordered = List.copyOf(ordered);
    culprits = List.copyOf(culprits);
  }

  /** A conclusion without operations to point at. */
  public CheckResult(Verdict verdict, String explanation) {
    this(verdict, explanation, List.of(), List.of());
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
