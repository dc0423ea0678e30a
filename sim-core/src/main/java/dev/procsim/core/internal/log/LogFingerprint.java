package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The logical content of a log, for comparing runs: the order of sends, copies, outputs, starts,
 * exits, faults and protocol errors with their endpoints and bodies, then every message's final
 * fate. Left out: times, pids and run ids (they differ between runs by nature), stderr
 * (diagnostics, read by a thread of its own), procsim's own warnings, and the moments fates were
 * recorded (a writer thread records them); fates themselves are compared, in message order.
 *
 * <pre>{@code
 * String fingerprint = LogFingerprint.of(log);
 * Optional<String> where = LogFingerprint.firstDifference(first, second);
 * }</pre>
 */
public final class LogFingerprint {
  private static final Pattern PID = Pattern.compile("pid \\d+");

  private LogFingerprint() {}

  /** The logical entries, one line each. */
  public static List<String> entries(List<LogEvent> events, List<Message> messages) {
    List<String> lines = new ArrayList<>();
    for (LogEvent event : events) {
      String line = logical(event);
      if (line != null) {
        lines.add(line);
      }
    }
    for (Message m : messages) {
      lines.add(
          "fate #" + m.id() + " " + m.fate() + (m.reason().isEmpty() ? "" : ": " + m.reason()));
    }
    return lines;
  }

  /** SHA-256 of the logical entries, in hex. */
  public static String of(List<String> entries) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : entries) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Where two runs' logical entries first differ, with a few entries of context; empty when they
   * are the same.
   */
  public static Optional<String> firstDifference(List<String> first, List<String> second) {
    int n = Math.min(first.size(), second.size());
    int at = 0;
    while (at < n && first.get(at).equals(second.get(at))) {
      at++;
    }
    if (at == n && first.size() == second.size()) {
      return Optional.empty();
    }
    StringBuilder text =
        new StringBuilder("the logs differ at logical entry ").append(at + 1).append(":\n");
    for (int i = Math.max(0, at - 3); i < at; i++) {
      text.append("    same:   ").append(first.get(i)).append('\n');
    }
    text.append("    first:  ")
        .append(at < first.size() ? first.get(at) : "(end of log)")
        .append('\n');
    text.append("    second: ").append(at < second.size() ? second.get(at) : "(end of log)");
    return Optional.of(text.toString());
  }

  private static String logical(LogEvent event) {
    if (event instanceof LogEvent.Sent e) {
      return "send #" + e.messageId() + " " + e.from() + " -> " + e.to() + " " + e.body();
    } else if (event instanceof LogEvent.Duplicated e) {
      return "duplicate #" + e.messageId() + " of #" + e.copyOf();
    } else if (event instanceof LogEvent.Output e) {
      return "output " + e.component() + ": " + e.line();
    } else if (event instanceof LogEvent.ProcessStarted e) {
      return "start " + e.component();
    } else if (event instanceof LogEvent.ProcessExited e) {
      return "exit " + e.component() + " " + e.exitCode();
    } else if (event instanceof LogEvent.FaultInjected e) {
      return "fault " + e.kind() + ": " + PID.matcher(e.detail()).replaceAll("pid _");
    } else if (event instanceof LogEvent.ProtocolError e) {
      return "protocol error " + e.component() + ": " + e.problem() + " | " + e.line();
    } else if (event instanceof LogEvent.ProtocolErrorsCounted e) {
      return "protocol errors counted " + e.component() + ": " + e.example() + " | " + e.count();
    } else if (event instanceof LogEvent.OutputDiscarded e) {
      return "discarded " + e.component() + " " + e.stream() + " " + e.count();
    } else if (event instanceof LogEvent.StdoutClosed e) {
      return "stdout closed " + e.component();
    }
    // Delivered, Dropped, Undeliverable (fates, compared below); ErrorOutput (diagnostics, read
    // by a thread of its own); Warning (about the real-time pace of the test, not the run).
    return null;
  }
}
