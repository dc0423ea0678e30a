package dev.procsim.core.internal.scheduling;

/**
 * A component as the scheduler sees it: something to start, and something that can say when it is
 * idle (done with its last input and waiting for the next), which a stepped run waits for before
 * each step. How it knows is its own business: acknowledgement markers, black-box observation of a
 * process, or a Java node's handler having returned.
 *
 * <pre>{@code
 * participant.start();
 * boolean idle = participant.awaitIdle(System.nanoTime() + timeout.toNanos());
 * }</pre>
 */
public interface Participant {
  /** Its name. */
  String name();

  /**
   * Does the slow part of its start that may run beside other participants' preparations, and
   * nothing a test or the log can see: a process component spawns its first process (the kernel's
   * and the JDK's part of a start), which {@link #start()} then takes over. A failure is kept for
   * {@link #start()} to throw, so a simulation fails at the same component as without it. Nothing
   * by default.
   */
  default void prepare() {}

  /**
   * Starts it.
   *
   * @throws dev.procsim.core.SimulationException naming it when it cannot start
   */
  void start();

  /**
   * Waits until it is idle, or the deadline ({@link System#nanoTime}) passes, or the thread is
   * interrupted; true when idle. One that has exited is idle.
   */
  boolean awaitIdle(long deadlineNanos) throws InterruptedException;

  /**
   * What it is doing instead of being idle, for the step-timeout report (no leading capital):
   * "python3 (pid 42): running on a CPU, ...", "its receive() of message #7 had not returned, ...".
   */
  String activity();
}
