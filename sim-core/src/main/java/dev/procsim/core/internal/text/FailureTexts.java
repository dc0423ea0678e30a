package dev.procsim.core.internal.text;

import dev.procsim.core.Durations;
import dev.procsim.core.LogEvent;
import java.time.Duration;
import java.util.List;

/**
 * Every failure text procsim shows when a wait ends without what was awaited, and the way log
 * entries are rendered in them: the important line first, durations in one format ({@link
 * Durations#format}), then the end of the log that shows why.
 *
 * <pre>{@code
 * throw new AssertionError(FailureTexts.timedOut("a pong from p2", timeout, messages, entries));
 * }</pre>
 */
public final class FailureTexts {
  /** Entries shown at the end of a failed wait. */
  public static final int TAIL = 30;

  private FailureTexts() {}

  /** The given entries, one per line, with sequence number and time, as failures show them. */
  public static String describe(List<? extends LogEvent> entries) {
    if (entries.isEmpty()) {
      return "  (no entries)";
    }
    StringBuilder text = new StringBuilder();
    for (LogEvent event : entries) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(LogTail.entry(event, event.describe()));
    }
    return text.toString();
  }

  /** The end of the log as failures show it: see {@link LogTail}. */
  public static String tail(List<LogEvent> all, int count) {
    return LogTail.render(all, count);
  }

  /** A wait that reached its time limit. */
  public static String timedOut(
      String awaited, Duration timeout, int messages, List<LogEvent> events) {
    return "timed out after "
        + Durations.format(timeout)
        + " waiting for "
        + awaited
        + "; the log has "
        + messages
        + " messages and "
        + events.size()
        + " entries, ending with:\n"
        + tail(events, TAIL);
  }

  /** A wait in a stepped run that ended because nothing more could happen. */
  public static String wentQuiet(String awaited, long steps, List<LogEvent> events) {
    return "the stepped simulation went quiet after "
        + steps
        + " steps without "
        + awaited
        + "; the log has "
        + events.size()
        + " entries, ending with:\n"
        + tail(events, TAIL);
  }

  /** A wait that cannot succeed because the simulator is closed and its log is final. */
  public static String closed(String awaited, List<LogEvent> events) {
    return "the simulator is closed, so its log will never show "
        + awaited
        + "; the log has "
        + events.size()
        + " entries, ending with:\n"
        + tail(events, TAIL);
  }

  /** A wait given up because the log lost part of its record ({@code failure} says what). */
  public static String incomplete(String awaited, String failure, List<LogEvent> events) {
    return failure
        + ", so the log may never show "
        + awaited
        + "; the log has "
        + events.size()
        + " entries, ending with:\n"
        + tail(events, TAIL);
  }

  /** A stepped run that was not quiet within its time limit. */
  public static String notQuiet(Duration timeout, long steps, List<LogEvent> events) {
    return "the stepped simulation was not quiet after "
        + Durations.format(timeout)
        + " ("
        + steps
        + " steps); the log ends with:\n"
        + tail(events, TAIL);
  }

  /** A component that did not become idle in time during a stepped run. */
  public static String notIdle(String component, Duration timeout, String when, String activity) {
    return component
        + " did not become idle within "
        + Durations.format(timeout)
        + " "
        + when
        + ", so the run stepped on without it. What it was doing: "
        + activity;
  }

  /** A stepped run that holds pending deliveries while nothing drives it. */
  public static String held(int pending, Duration idleFor) {
    return "the stepped simulation is held: "
        + pending
        + (pending == 1 ? " delivery is" : " deliveries are")
        + " pending and nothing has driven the run for "
        + Durations.format(idleFor)
        + ". A stepped run advances only while the test waits on it: log().awaitMessage(..) or"
        + " awaitEvent(..), awaitQuiescence(..), advance(n), advanceUntil(..),"
        + " component(..).awaitExit(..), or SimAwait; polling log().messages() does not drive it";
  }
}
