package dev.procsim.junit.internal;

import dev.procsim.core.Simulator;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Turns a failure of a simulation test into the one a person reads: the first line names the seed
 * and what went wrong (it is what Surefire's summary shows), the rest says it once. A failure that
 * already carries procsim's report (from {@code SimAwait}, say) gets only the rerun recipe added;
 * one that already shows the end of the log is not shown it again; Awaitility's wrappers are
 * unwrapped, and its "within 3 seconds", which it glues after the last line of a long message, is
 * moved to the headline. The cause of the original is kept, not the original itself, whose text
 * would be printed a second time.
 *
 * <pre>{@code
 * throw FailureMessages.rewrite(failure, sim, "seed 42", recipe, 40);
 * }</pre>
 */
final class FailureMessages {
  /** A line of a rendered log: sequence number, time in seconds. */
  private static final Pattern LOG_LINE = Pattern.compile("(?m)^\\s+\\d+\\s+\\d+\\.\\d{3}s  ");

  private static final Pattern WITHIN_AT_END =
      Pattern.compile("(?s)(.*?)\\s*(within [^\\n]+?)\\.$");

  private static final Pattern ALIASED =
      Pattern.compile(
          "(?s)^Condition with alias '(.*?)' didn't complete (within .+?) because (.*)\\.$");

  private FailureMessages() {}

  /**
   * The failure to report instead of {@code failure}, for the run named {@code label} ("seed 42"),
   * with {@code recipe} and the last {@code tail} entries of the log.
   */
  static Throwable rewrite(
      Throwable failure, Simulator sim, String label, String recipe, int tail) {
    Throwable root = unwrapped(failure);
    String message = messageOf(root);
    String text = compose(message, sim, label, recipe, tail);
    Throwable reported;
    if (root instanceof AssertionFailedError original && original.isExpectedDefined()) {
      // Keeps expected and actual, so IDEs still offer their comparison view.
      reported =
          new AssertionFailedError(
              text, original.getExpected().getValue(), original.getActual().getValue());
    } else {
      reported = new AssertionError(text);
    }
    Throwable cause = root.getCause();
    if (cause != null && !isAwaitilityRetelling(root, cause)) {
      reported.initCause(cause);
    }
    for (Throwable suppressed : root.getSuppressed()) {
      reported.addSuppressed(suppressed);
    }
    // The failure points where the original did, not into this extension.
    reported.setStackTrace(root.getStackTrace());
    return reported;
  }

  /** The headline, then the rest once, then what procsim adds that is not there yet. */
  static String compose(String message, Simulator sim, String label, String recipe, int tail) {
    String body = message.strip();
    int newline = body.indexOf('\n');
    String headline = label + ": " + (newline < 0 ? body : body.substring(0, newline));
    String rest = newline < 0 ? "" : body.substring(newline);
    String seedLine = "procsim: seed " + sim.seed() + " ";
    if (rest.contains(seedLine)) {
      // procsim's report is there already (SimAwait's): add the recipe to it, nothing more.
      if (!rest.contains(recipe)) {
        int at = rest.indexOf('\n', rest.indexOf(seedLine));
        rest =
            at < 0 ? rest + "\n" + recipe : rest.substring(0, at + 1) + recipe + rest.substring(at);
      }
      return headline + rest;
    }
    boolean showsLog = LOG_LINE.matcher(rest).find();
    return headline + rest + "\n\n" + FailureReport.of(sim, tail, recipe, !showsLog);
  }

  /** Awaitility's fail-fast wrapper around procsim's own assertion: the assertion says it all. */
  /** The message a failure would be reported with, before procsim adds its part: its cause's. */
  static String rawMessage(Throwable failure) {
    return messageOf(unwrapped(failure));
  }

  private static Throwable unwrapped(Throwable failure) {
    if (failure.getClass().getName().equals("org.awaitility.core.TerminalFailureException")
        && failure.getCause() instanceof AssertionError) {
      return failure.getCause();
    }
    return failure;
  }

  /** The failure's words; for an Awaitility time-out, its "within ..." first. */
  private static String messageOf(Throwable root) {
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.toString();
    }
    if (root instanceof TimeoutException
        && root.getSuppressed().length > 0
        && root.getSuppressed()[0].getMessage() != null) {
      // JUnit's @Timeout: what the test was doing when interrupted is in its suppressed failure
      // (procsim's waits say what they were waiting for; a bare InterruptedException says nothing).
      return message + ", " + root.getSuppressed()[0].getMessage();
    }
    if (!(root instanceof AssertionError) && !isAwaitilityTimeout(root)) {
      message = root.getClass().getName() + ": " + message;
    }
    if (isAwaitilityTimeout(root) && message.contains("\n")) {
      Matcher aliased = ALIASED.matcher(message);
      if (aliased.matches()) {
        return "'"
            + aliased.group(1)
            + "' did not hold "
            + aliased.group(2)
            + ":\n"
            + aliased.group(3);
      }
      Matcher within = WITHIN_AT_END.matcher(message);
      if (within.matches()) {
        return "the awaited condition did not hold " + within.group(2) + ":\n" + within.group(1);
      }
    }
    return message;
  }

  private static boolean isAwaitilityTimeout(Throwable failure) {
    return failure.getClass().getName().equals("org.awaitility.core.ConditionTimeoutException");
  }

  /** An Awaitility time-out's cause is the last failed evaluation, whose text it already holds. */
  private static boolean isAwaitilityRetelling(Throwable root, Throwable cause) {
    return isAwaitilityTimeout(root)
        && cause.getMessage() != null
        && root.getMessage() != null
        && root.getMessage().contains(cause.getMessage().strip());
  }
}
