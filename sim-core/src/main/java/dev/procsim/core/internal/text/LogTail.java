package dev.procsim.core.internal.text;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of a log as a failure shows it: the last entries that say something, one per line with
 * sequence number and time. Runs of timer traffic (a request to {@code procsim}, the wake-up it
 * brings; four entries per timer) are folded into one line, so they do not push the useful lines
 * out; they stay in the log. An exit whose last stderr lines stand just above does not repeat them.
 *
 * <pre>{@code
 * String text = LogTail.render(log.events(), 40);
 * }</pre>
 */
public final class LogTail {
  private LogTail() {}

  /** The last {@code count} entries that are not timer traffic, with the timer traffic between. */
  public static String render(List<LogEvent> all, int count) {
    int first = all.size();
    int kept = 0;
    while (first > 0 && kept < count) {
      first--;
      if (!isTimerTraffic(all.get(first))) {
        kept++;
      }
    }
    List<LogEvent> window = all.subList(first, all.size());
    StringBuilder text = new StringBuilder();
    if (first > 0) {
      text.append("  ... ")
          .append(first)
          .append(first == 1 ? " earlier entry" : " earlier entries");
    }
    int i = 0;
    while (i < window.size()) {
      int run = 0;
      while (i + run < window.size() && isTimerTraffic(window.get(i + run))) {
        run++;
      }
      if (run >= 2) {
        line(text, "  ... " + run + " timer entries (requests to procsim and their wake-ups) ...");
        i += run;
        continue;
      }
      LogEvent event = window.get(i);
      line(text, entry(event, describe(event, window.subList(0, i))));
      i++;
    }
    return text.length() == 0 ? "  (no entries)" : text.toString();
  }

  /** One entry as failures show it: sequence number, time, description. */
  public static String entry(LogEvent event, String description) {
    return String.format(
        Locale.ROOT, "  %5d %9.3fs  %s", event.seq(), event.nanos() / 1e9, description);
  }

  private static void line(StringBuilder text, String line) {
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(line);
  }

  /** Its description; for an exit whose last stderr lines are the ones just shown, without them. */
  private static String describe(LogEvent event, List<LogEvent> before) {
    if (event instanceof LogEvent.ProcessExited exit
        && !exit.lastErrors().isEmpty()
        && endsWithErrors(before, exit.component(), exit.lastErrors())) {
      String text = exit.describe();
      return text.substring(0, text.indexOf("; last stderr lines:"))
          + " (its last stderr lines are above)";
    }
    return event.describe();
  }

  private static boolean endsWithErrors(
      List<LogEvent> before, String component, List<String> errors) {
    List<String> seen = new ArrayList<>();
    for (int i = before.size() - 1; i >= 0 && seen.size() < errors.size(); i--) {
      if (before.get(i) instanceof LogEvent.ErrorOutput err && err.component().equals(component)) {
        seen.add(0, err.line());
      }
    }
    return seen.equals(errors);
  }

  /** A timer request or a wake-up, sent or delivered: routine, folded in a tail. */
  static boolean isTimerTraffic(LogEvent event) {
    if (event instanceof LogEvent.Sent || event instanceof LogEvent.Delivered) {
      LogEvent.MessageEvent message = (LogEvent.MessageEvent) event;
      return message.to().equals(ComponentSpec.SIMULATOR_NAME)
          || message.from().equals(ComponentSpec.SIMULATOR_NAME);
    }
    return false;
  }
}
