package dev.procsim.junit.assertj;

import dev.procsim.core.ComponentHandle;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one {@link ComponentHandle}: its output, its errors, its exit.
 *
 * <pre>{@code
 * SimAssertions.assertThat(sim.component("p2"))
 *     .hasOutputLine("Hello from p1")
 *     .hasExitCode(0);
 * }</pre>
 */
public class ComponentAssert extends AbstractAssert<ComponentAssert, ComponentHandle> {

  /** Assertions on {@code actual}; use {@link SimAssertions#assertThat(ComponentHandle)}. */
  public ComponentAssert(ComponentHandle actual) {
    super(actual, ComponentAssert.class);
  }

  /** The component printed this stdout line (not a message). */
  public ComponentAssert hasOutputLine(String line) {
    isNotNull();
    List<String> output = actual.output();
    if (!output.contains(line)) {
      failWithLines(
          "%nExpecting %s to print %s, but its output was:%n  %s",
          actual.name(), quote(line), quoteAll(output));
    }
    return this;
  }

  /** The component wrote this stderr line. */
  public ComponentAssert hasErrorLine(String line) {
    isNotNull();
    List<String> errors = actual.errors();
    if (!errors.contains(line)) {
      failWithLines(
          "%nExpecting %s to write %s to stderr, but its stderr was:%n  %s",
          actual.name(), quote(line), quoteAll(errors));
    }
    return this;
  }

  /** The component's process is running. */
  public ComponentAssert isAlive() {
    isNotNull();
    if (!actual.isAlive()) {
      failWithLines(
          "%nExpecting %s to be running, but it exited%s; its last stderr lines:%n  %s",
          actual.name(), describeExit(), String.join("\n  ", lastErrors()));
    }
    return this;
  }

  /** The component's process has exited with {@code code}. */
  public ComponentAssert hasExitCode(int code) {
    isNotNull();
    OptionalInt exit = actual.exitCode();
    if (exit.isEmpty() || exit.getAsInt() != code) {
      failWithLines(
          "%nExpecting %s to have exited with code %d, but it %s",
          actual.name(),
          code,
          exit.isEmpty() ? "is still running" : "exited with code " + exit.getAsInt());
    }
    return this;
  }

  private static String quote(String text) {
    return dev.procsim.core.Texts.quote(text);
  }

  private static String quoteAll(List<String> lines) {
    return lines.isEmpty()
        ? "(nothing)"
        : String.join("\n  ", lines.stream().map(ComponentAssert::quote).toList());
  }

  private String describeExit() {
    OptionalInt exit = actual.exitCode();
    return exit.isPresent() ? " with code " + exit.getAsInt() : "";
  }

  private List<String> lastErrors() {
    List<String> errors = actual.errors();
    return errors.subList(Math.max(0, errors.size() - 10), errors.size());
  }

  /**
   * Fails with a message that ends with a line break: Awaitility appends " within 5 seconds." to
   * the message of the last failed attempt, which would otherwise be glued to the last line shown.
   */
  private void failWithLines(String format, Object... arguments) {
    failWithMessage(format + "%n", arguments);
  }
}
