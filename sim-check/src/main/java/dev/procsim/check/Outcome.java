package dev.procsim.check;

/**
 * How an operation ended, as its client saw it.
 *
 * <pre>{@code
 * recorder.complete(3, Outcome.INFO, null); // timed out: it may or may not have happened
 * }</pre>
 */
public enum Outcome {
  /** It happened, with the output recorded. */
  OK,
  /** It definitely did not happen (no effect, no output). */
  FAIL,
  /**
   * Unknown: it may have taken effect at any time after its invocation, or never, and its output
   * (if recorded) is not to be trusted.
   */
  INFO
}
