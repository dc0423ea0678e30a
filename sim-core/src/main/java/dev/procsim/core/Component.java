package dev.procsim.core;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * One component of a running simulation: an OS process, its captured output and its state. Obtain
 * it with {@link Simulator#component(String)}.
 *
 * <pre>{@code
 * Component p2 = sim.component("p2");
 * int code = p2.awaitExit(Duration.ofSeconds(5));
 * assertThat(p2.output()).contains("Hello from p1");
 * }</pre>
 */
public interface Component {

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
}
