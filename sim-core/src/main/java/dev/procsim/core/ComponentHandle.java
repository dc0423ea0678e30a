package dev.procsim.core;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * One component of a running simulation (an OS process, or a Java {@link Node}), its captured
 * output and its state. Obtain it with {@link Simulator#component(String)}. Its name is not {@code
 * Component}, so that it never clashes with the {@code @Component} annotation that declares
 * components in a JUnit test.
 *
 * <pre>{@code
 * ComponentHandle p2 = sim.component("p2");
 * int code = p2.awaitExit(Duration.ofSeconds(5));
 * assertThat(p2.output()).contains("Hello from p1");
 *
 * ComponentHandle leader = sim.component("n1");
 * leader.crash();     // SIGKILL to the whole tree; messages to it are undeliverable
 * leader.restart();   // a fresh process, same name, command and environment, new pid
 * leader.pause();     // SIGSTOP; messages to it wait...
 * leader.resume();    // ...and arrive after SIGCONT
 * }</pre>
 *
 * <p>Output, errors and the log span every incarnation; {@link #pid()}, {@link #isAlive()} and
 * {@link #exitCode()} describe the current one. Once the simulator starts closing, {@link
 * #crash()}, {@link #restart()}, {@link #pause()} and {@link #resume()} throw an {@link
 * IllegalStateException} ("the simulator is closing: cannot restart n1"): nothing is started after
 * the teardown has begun, and a fault in progress is finished before it.
 */
public interface ComponentHandle {

  /** The component's name, as used in {@code send} lines. */
  String name();

  /** The command it runs. */
  List<String> command();

  /** The OS process id. */
  long pid();

  /**
   * Whether its process is still running, as the OS sees it now. The log records the exit a moment
   * later, once the process's last output has been read; {@link #exitCode()} follows the log.
   */
  boolean isAlive();

  /** The exit code, once the exit is recorded in the log. */
  OptionalInt exitCode();

  /**
   * Waits until the process has exited and returns its exit code.
   *
   * @throws AssertionError when it is still running after {@code timeout}
   */
  int awaitExit(Duration timeout);

  /** Its stdout lines that were not messages, in order. */
  List<String> output();

  /** Its stderr lines, in order. */
  List<String> errors();

  /**
   * Kills the whole process tree with SIGKILL, without warning, and returns once every process of
   * the tree is gone and the exit is recorded. Until {@link #restart()}, messages to it are {@link
   * Fate#UNDELIVERABLE} with the reason that it was crashed. Logged as a fault.
   *
   * @throws IllegalStateException when it is not running
   */
  void crash();

  /**
   * Starts a fresh process under the same name, with the same command and environment (a new pid);
   * a running one is crashed first. Messages sent from now on reach the new process. Logged.
   */
  void restart();

  /**
   * Stops the whole process tree with SIGSTOP. Messages to it wait, and are delivered after {@link
   * #resume()}. Logged. Does nothing when already paused.
   *
   * @throws IllegalStateException when it is not running
   */
  void pause();

  /** Continues a paused process tree with SIGCONT and delivers what waited. Logged. */
  void resume();

  /** Whether it is paused. */
  boolean isPaused();

  /**
   * Whether it was crashed (by the test or a nemesis) and not restarted since: its exit was a fault
   * procsim injected, not something it did.
   */
  boolean isCrashed();
}
