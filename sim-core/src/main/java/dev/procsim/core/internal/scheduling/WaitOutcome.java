package dev.procsim.core.internal.scheduling;

/**
 * How a waiter's drive of a stepped run ended ({@link Stepper#runUntil}).
 *
 * <pre>{@code
 * if (stepper.runUntil(condition, Long.MAX_VALUE, deadline) == WaitOutcome.TIMED_OUT) { ... }
 * }</pre>
 */
enum WaitOutcome {
  /** The condition held, between two steps. */
  MET,
  /** Nothing more can happen and the condition does not hold. */
  QUIET,
  /** The deadline passed. */
  TIMED_OUT,
  /** The simulator was closed while the condition did not hold. */
  CLOSED
}
