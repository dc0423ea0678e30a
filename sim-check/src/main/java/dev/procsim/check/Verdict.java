package dev.procsim.check;

/**
 * What a checker concluded about a history; shared by every checker.
 *
 * <pre>{@code
 * if (result.verdict() == Verdict.INVALID) {
 *   System.out.println(result.explanation());
 * }
 * }</pre>
 */
public enum Verdict {
  /** The history has the property checked. */
  VALID,
  /** The history breaks it; the result explains how. */
  INVALID,
  /** The checker could not decide (its time limit was reached). */
  UNKNOWN
}
