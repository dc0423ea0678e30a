package dev.procsim.core.internal.report;

import dev.procsim.core.LogEvent;
import dev.procsim.core.RunReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as one HTML file: the page ({@code report-template.html}, its script and style
 * inline) with the run's data as JSON in a script block, in the format the page reads
 * ("procsim-report/1"): lanes, messages in columns, marks, shaded periods, and a history when there
 * is one. Bodies are clipped to {@value #LONGEST_BODY} characters; the page shows text only as
 * text, never as markup, and the JSON escapes anything that could end its block.
 *
 * <pre>{@code
 * ReportWriter.write(path, new ReportWriter.Content(title, subtitle, failure, true, components,
 *     sim.log().events(), endNanos, null));
 * }</pre>
 */
public final class ReportWriter {
  /** The longest body a report keeps of a message; the log keeps all of it. */
  static final int LONGEST_BODY = 4_000;

  private static final String TEMPLATE = "report-template.html";
  private static final String DATA_MARKER = "/*PROCSIM_DATA*/";
  private static final String TITLE_MARKER = "/*PROCSIM_TITLE*/";
  private static final String HASH_MARKER = "/*PROCSIM_SCRIPT_SHA256*/";
  private static final String SCRIPT_OPEN = "<script>";

  private ReportWriter() {}

  /**
   * What a report shows.
   *
   * @param title the heading
   * @param subtitle the line under it
   * @param failure why the run failed, or null
   * @param stepped whether the run was stepped (its axis then starts in steps)
   * @param components the components' names, in declaration order
   * @param events the log's entries
   * @param endNanos the simulation time at the end of the run
   * @param history client operations, or null
   */
  public record Content(
      String title,
      String subtitle,
      String failure,
      boolean stepped,
      List<String> components,
      List<LogEvent> events,
      long endNanos,
      RunReport.History history) {}

  /** Writes {@code content} to {@code file} (its directory made when missing). */
  public static void write(Path file, Content content) {
    String template = template();
    int data = template.indexOf(DATA_MARKER);
    if (data < 0) {
      throw new IllegalStateException("the report template has no data marker");
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        out.write(template.substring(0, data).replace(TITLE_MARKER, html(content.title())));
        new Json(new JsonOut(out), content).write();
        out.write(template.substring(data + DATA_MARKER.length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  /**
   * The page, its policy pinned to its own script: the browser runs that script, whose hash the
   * policy names, and no other, so a script that got into the page some other way would still not
   * run (the escaping is the first guard, this the second).
   */
  static String template() {
    String page;
    try (InputStream in = ReportWriter.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("procsim's jar has no " + TEMPLATE);
      }
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE, e);
    }
    int open = page.indexOf(SCRIPT_OPEN, page.indexOf(DATA_MARKER));
    int close = page.indexOf("</script>", open);
    if (open < 0 || close < 0 || !page.contains(HASH_MARKER)) {
      throw new IllegalStateException("the report template has no script to pin its policy to");
    }
    // The browser hashes the script as its parser sees it, line ends made \n (a checkout may have
    // made them \r\n).
    String script =
        page.substring(open + SCRIPT_OPEN.length(), close)
            .replace("\r\n", "\n")
            .replace('\r', '\n');
    return page.replace(HASH_MARKER, sha256(script));
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every JVM must have", e);
    }
  }

  /** Text for an HTML element's content (the title). */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The data, gathered from the log and written as JSON. */
  private static final class Json {
    private final JsonOut json;
    private final Content content;
    private final Map<String, Integer> lanes = new LinkedHashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<Long, Integer> rows = new HashMap<>();
    private final Messages messages = new Messages();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Period> periods = new ArrayList<>();
    private long endSeq;

    Json(JsonOut json, Content content) {
      this.json = json;
      this.content = content;
      for (String name : content.components()) {
        lane(name);
      }
    }

    private int lane(String name) {
      return lanes.computeIfAbsent(name, n -> lanes.size());
    }

    void write() throws IOException {
      gather();
      json.raw("{\"format\":\"procsim-report/1\",\"title\":")
          .string(content.title())
          .raw(",\"subtitle\":")
          .string(content.subtitle())
          .raw(",\"failure\":")
          .string(content.failure())
          .raw(",\"axis\":")
          .string(content.stepped() && content.history() == null ? "steps" : "time")
          .raw(",\"lanes\":[");
      int i = 0;
      for (String name : lanes.keySet()) {
        json.raw(i++ == 0 ? "{\"name\":" : ",{\"name\":")
            .string(name)
            .raw(",\"kind\":")
            .string(
                content.components().contains(name) ? kinds.getOrDefault(name, "process") : "other")
            .raw("}");
      }
      json.raw("],\"end\":{\"t\":")
          .number(content.endNanos())
          .raw(",\"seq\":")
          .number(endSeq)
          .raw("},\"messages\":");
      messages.write(json);
      json.raw(",\"marks\":[");
      for (int m = 0; m < marks.size(); m++) {
        marks.get(m).write(json, m == 0);
      }
      json.raw("],\"periods\":[");
      for (int p = 0; p < periods.size(); p++) {
        periods.get(p).write(json, p == 0);
      }
      json.raw("],\"history\":");
      HistoryJson.write(json, content.history());
      json.raw("}");
    }

    private void gather() {
      Map<String, Period> paused = new HashMap<>();
      Map<String, Period> down = new HashMap<>();
      List<Period> partitions = new ArrayList<>();
      for (LogEvent event : content.events()) {
        endSeq = Math.max(endSeq, event.seq());
        if (event instanceof LogEvent.Sent sent) {
          rows.put(
              sent.messageId(),
              messages.add(
                  sent.messageId(), lane(sent.from()), lane(sent.to()), event, 0, sent.body()));
        } else if (event instanceof LogEvent.Duplicated copy) {
          rows.put(
              copy.messageId(),
              messages.add(
                  copy.messageId(),
                  lane(copy.from()),
                  lane(copy.to()),
                  event,
                  copy.copyOf(),
                  copy.body()));
        } else if (event instanceof LogEvent.Delivered delivered) {
          end(delivered.messageId(), event, Messages.DELIVERED, "");
        } else if (event instanceof LogEvent.Dropped dropped) {
          end(dropped.messageId(), event, Messages.DROPPED, dropped.reason());
        } else if (event instanceof LogEvent.Undeliverable refused) {
          end(refused.messageId(), event, Messages.UNDELIVERABLE, refused.reason());
        } else if (event instanceof LogEvent.ProcessStarted started) {
          kinds.putIfAbsent(started.component(), started.pid() < 0 ? "node" : "process");
          mark(event, started.component(), "start", "started " + started.component());
        } else if (event instanceof LogEvent.ProcessExited exited) {
          mark(event, exited.component(), "exit", exited.describe());
        } else if (event instanceof LogEvent.Output output) {
          mark(event, output.component(), "output", output.line());
        } else if (event instanceof LogEvent.ErrorOutput error) {
          mark(event, error.component(), "stderr", error.line());
        } else if (event instanceof LogEvent.ProtocolError error) {
          mark(event, error.component(), "protocol-error", error.describe());
        } else if (event instanceof LogEvent.Warning warning) {
          marks.add(new Mark(event, -1, "warning", warning.text()));
        } else if (event instanceof LogEvent.FaultInjected fault) {
          fault(event, fault, paused, down, partitions);
        } else {
          marks.add(new Mark(event, -1, "warning", event.describe()));
        }
      }
    }

    private void end(long id, LogEvent event, int fate, String reason) {
      Integer row = rows.get(id);
      if (row != null) {
        messages.end(row, event, fate, reason);
      }
    }

    private void mark(LogEvent event, String component, String kind, String text) {
      marks.add(new Mark(event, lane(component), kind, text));
    }

    private void fault(
        LogEvent event,
        LogEvent.FaultInjected fault,
        Map<String, Period> paused,
        Map<String, Period> down,
        List<Period> open) {
      String first = fault.detail().split(" ", 2)[0];
      switch (fault.kind()) {
        case "crash" -> {
          mark(event, first, "crash", fault.describe());
          down.put(first, period("down", event, List.of(lane(first)), fault.detail()));
        }
        case "restart" -> {
          mark(event, first, "restart", fault.describe());
          close(down.remove(first), event);
        }
        case "pause" -> {
          mark(event, first, "pause", fault.describe());
          paused.put(first, period("paused", event, List.of(lane(first)), fault.detail()));
        }
        case "resume" -> {
          mark(event, first, "resume", fault.describe());
          close(paused.remove(first), event);
        }
        case "partition", "cut" -> {
          if (fault.kind().equals("partition")) {
            open.removeIf(
                p -> {
                  if (p.kind.equals("partition")) {
                    close(p, event);
                    return true;
                  }
                  return false;
                });
          }
          // The components the partition or cut names are the lanes it shades.
          List<Integer> named = new ArrayList<>();
          for (String word : fault.detail().split("[\\s\\[\\],|>-]+")) {
            if (content.components().contains(word) && !named.contains(lanes.get(word))) {
              named.add(lanes.get(word));
            }
          }
          open.add(period(fault.kind(), event, named, fault.detail()));
          marks.add(new Mark(event, -1, "fault", fault.describe()));
        }
        case "heal" -> {
          open.forEach(p -> close(p, event));
          open.clear();
          marks.add(new Mark(event, -1, "fault", fault.describe()));
        }
        default -> marks.add(new Mark(event, -1, "fault", fault.describe()));
      }
    }

    private Period period(String kind, LogEvent from, List<Integer> lanes, String text) {
      Period period = new Period(kind, from, lanes, text);
      periods.add(period);
      return period;
    }

    private static void close(Period period, LogEvent at) {
      if (period != null && period.toT < 0) {
        period.toT = at.nanos();
        period.toSeq = at.seq();
      }
    }
  }

  /** A mark on a lane (or on the whole run: lane -1). */
  private record Mark(LogEvent event, int lane, String kind, String text) {
    void write(JsonOut json, boolean first) throws IOException {
      json.raw(first ? "{\"t\":" : ",{\"t\":")
          .number(event.nanos())
          .raw(",\"seq\":")
          .number(event.seq())
          .raw(",\"lane\":")
          .number(lane)
          .raw(",\"kind\":")
          .string(kind)
          .raw(",\"text\":")
          .string(clip(text))
          .raw("}");
    }
  }

  /** A shaded stretch of time over some lanes: a partition, a cut, a pause, a crash. */
  private static final class Period {
    final String kind;
    final long fromT;
    final long fromSeq;
    final List<Integer> lanes;
    final String text;
    long toT = -1;
    long toSeq = -1;

    Period(String kind, LogEvent from, List<Integer> lanes, String text) {
      this.kind = kind;
      this.fromT = from.nanos();
      this.fromSeq = from.seq();
      this.lanes = List.copyOf(lanes);
      this.text = text;
    }

    void write(JsonOut json, boolean first) throws IOException {
      json.raw(first ? "{\"kind\":" : ",{\"kind\":")
          .string(kind)
          .raw(",\"fromT\":")
          .number(fromT)
          .raw(",\"fromSeq\":")
          .number(fromSeq)
          .raw(",\"toT\":")
          .number(toT)
          .raw(",\"toSeq\":")
          .number(toSeq)
          .raw(",\"lanes\":[");
      for (int i = 0; i < lanes.size(); i++) {
        json.raw(i == 0 ? "" : ",").number(lanes.get(i));
      }
      json.raw("],\"text\":").string(clip(text)).raw("}");
    }
  }

  static String clip(String text) {
    return text.length() <= LONGEST_BODY
        ? text
        : text.substring(0, LONGEST_BODY) + "... (" + text.length() + " characters)";
  }
}
