package dev.procsim.core.internal.report;

import dev.procsim.core.LogEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log in ShiViz's format: the first line is the expression that parses it, the second the
 * (empty) delimiter of several executions, then two lines per event: what happened, and the host
 * with its vector clock as JSON. Each component (and each sender that is not one: the test,
 * procsim's timers) is a host whose own entry rises by one per event; a delivery merges the clock
 * its message was sent with, which is how ShiViz draws the arrow. A message dropped or refused is
 * an event of its sender's.
 *
 * <pre>{@code
 * ShiVizLog.write(Path.of("target/run.shiviz"), sim.log().events());
 * }</pre>
 */
public final class ShiVizLog {
  /** ShiViz's parsing expression for the lines written here. */
  static final String EXPRESSION = "(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})";

  private ShiVizLog() {}

  /** Writes {@code events} to {@code file}. */
  public static void write(Path file, List<LogEvent> events) {
    Map<String, Map<String, Long>> clocks = new HashMap<>();
    Map<Long, Map<String, Long>> sentWith = new HashMap<>();
    Map<Long, String> senders = new HashMap<>();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        out.write(EXPRESSION + "\n\n");
        for (LogEvent event : events) {
          if (event instanceof LogEvent.Sent sent) {
            Map<String, Long> clock = tick(clocks, sent.from());
            sentWith.put(sent.messageId(), new LinkedHashMap<>(clock));
            senders.put(sent.messageId(), sent.from());
            line(
                out,
                "send #" + sent.messageId() + " to " + sent.to() + ": " + sent.body(),
                sent.from(),
                clock);
          } else if (event instanceof LogEvent.Duplicated copy) {
            Map<String, Long> original = sentWith.get(copy.copyOf());
            sentWith.put(copy.messageId(), original == null ? Map.of() : original);
            senders.put(copy.messageId(), copy.from());
          } else if (event instanceof LogEvent.Delivered delivered) {
            Map<String, Long> clock = tick(clocks, delivered.to());
            sentWith
                .getOrDefault(delivered.messageId(), Map.of())
                .forEach((host, time) -> clock.merge(host, time, Math::max));
            line(
                out,
                "receive #" + delivered.messageId() + " from " + delivered.from(),
                delivered.to(),
                clock);
          } else if (event instanceof LogEvent.Dropped dropped) {
            String host = senders.getOrDefault(dropped.messageId(), dropped.from());
            line(
                out,
                "#" + dropped.messageId() + " to " + dropped.to() + " dropped: " + dropped.reason(),
                host,
                tick(clocks, host));
          } else if (event instanceof LogEvent.Undeliverable refused) {
            String host = senders.getOrDefault(refused.messageId(), refused.from());
            line(
                out,
                "#"
                    + refused.messageId()
                    + " to "
                    + refused.to()
                    + " undeliverable: "
                    + refused.reason(),
                host,
                tick(clocks, host));
          } else {
            String host = host(event);
            if (host != null) {
              line(out, event.describe(), host, tick(clocks, host));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ShiViz log " + file, e);
    }
  }

  /** The component an event belongs to, or null for one of the whole run. */
  private static String host(LogEvent event) {
    if (event instanceof LogEvent.Output e) {
      return e.component();
    } else if (event instanceof LogEvent.ErrorOutput e) {
      return e.component();
    } else if (event instanceof LogEvent.ProcessStarted e) {
      return e.component();
    } else if (event instanceof LogEvent.ProcessExited e) {
      return e.component();
    } else if (event instanceof LogEvent.ProtocolError e) {
      return e.component();
    } else if (event instanceof LogEvent.FaultInjected e
        && List.of("crash", "restart", "pause", "resume").contains(e.kind())) {
      return e.detail().split(" ", 2)[0];
    }
    return null;
  }

  private static Map<String, Long> tick(Map<String, Map<String, Long>> clocks, String host) {
    Map<String, Long> clock = clocks.computeIfAbsent(host, h -> new LinkedHashMap<>());
    clock.merge(host, 1L, Long::sum);
    return clock;
  }

  private static void line(Writer out, String what, String host, Map<String, Long> clock)
      throws IOException {
    // One line per event: a line break inside a body would end it.
    out.write(what.replace("\r", "\\r").replace("\n", "\\n"));
    out.write('\n');
    out.write(host.isEmpty() ? "(none)" : host.replace(' ', '_'));
    out.write(' ');
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Long> entry : clock.entrySet()) {
      if (json.length() > 1) {
        json.append(", ");
      }
      json.append('"').append(escape(entry.getKey())).append("\": ").append(entry.getValue());
    }
    out.write(json.append("}\n").toString());
  }

  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
