package dev.procsim.core;

/**
 * A simulation could not be set up or run as asked: a command that cannot be started, a working
 * directory that does not exist, a simulator used in the wrong state. The message always names the
 * component concerned when there is one.
 *
 * <pre>{@code
 * try {
 *   Simulator.builder().component("p1", "no-such-program").build().start();
 * } catch (SimulationException e) {
 *   // component "p1": cannot start [no-such-program]: no such file or directory ...
 * }
 * }</pre>
 */
public class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what went wrong and with which component. */
  public SimulationException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
