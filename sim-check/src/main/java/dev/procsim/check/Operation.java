package dev.procsim.check;

import java.util.Objects;

/**
 * One operation of a history: which client process ran it, the function and its input, what it
 * returned, when it was invoked and when it completed, and how it ended. Times are any increasing
 * numbers (nanoseconds, line numbers); an {@link Outcome#INFO} operation never completes: its
 * completion is {@link #NEVER}. Inputs and outputs are plain values (numbers as {@code Long},
 * strings, booleans, lists, null), as models and JSON lines expect them.
 *
 * <pre>{@code
 * Operation write = new Operation(4, "write", 3L, null, 10, 25, Outcome.OK);
 * Operation read = Operation.ok(2, "read", null, 3L, 12, 30);
 * }</pre>
 *
 * @param process the client process (at most one pending operation each)
 * @param function what was called: {@code read}, {@code write}, {@code cas}, {@code get}, ...
 * @param input its argument, or null
 * @param output what it returned, or null
 * @param invoked when it was invoked
 * @param completed when it completed; {@link #NEVER} for {@link Outcome#INFO}
 * @param outcome how it ended
 */
public record Operation(
    int process,
    String function,
    Object input,
    Object output,
    long invoked,
    long completed,
    Outcome outcome) {
  /** The completion time of an operation that never completed. */
  public static final long NEVER = Long.MAX_VALUE;

  /** Checks the fields: a function and an outcome, a completion not before the invocation. */
  public Operation {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(outcome, "outcome");
    if (process < 0) {
      throw new IllegalArgumentException("process " + process + " is negative");
    }
    if (outcome == Outcome.INFO) {
      completed = NEVER;
    }
    if (completed < invoked) {
      throw new IllegalArgumentException(
          function
              + " by process "
              + process
              + " completed at "
              + completed
              + ", before its invocation at "
              + invoked);
    }
  }

  /** An operation that completed with {@code output}. */
  public static Operation ok(
      int process, String function, Object input, Object output, long invoked, long completed) {
    return new Operation(process, function, input, output, invoked, completed, Outcome.OK);
  }

  /** An operation whose outcome is unknown: it may take effect after {@code invoked}, or never. */
  public static Operation info(int process, String function, Object input, long invoked) {
    return new Operation(process, function, input, null, invoked, NEVER, Outcome.INFO);
  }

  /**
   * For a person: {@code "write 3 by process 4 at [10, 25]"}, {@code "read -> 3 by process 2 at
   * [12, 30]"}, {@code "cas [1, 2] by process 0 at [5, never] (unknown outcome)"}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(function);
    if (input != null) {
      text.append(' ').append(input);
    }
    if (outcome == Outcome.OK && output != null) {
      text.append(" -> ").append(output);
    }
    text.append(" by process ").append(process).append(" at [").append(invoked).append(", ");
    text.append(completed == NEVER ? "never" : Long.toString(completed)).append(']');
    if (outcome != Outcome.OK) {
      text.append(outcome == Outcome.INFO ? " (unknown outcome)" : " (failed)");
    }
    return text.toString();
  }
}
