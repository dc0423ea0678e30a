package dev.procsim.core;

import dev.procsim.core.internal.report.ReportWriter;
import dev.procsim.core.internal.report.ShiVizLog;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A picture of a run, for a person: one self-contained HTML file (no network, no CDN: its script
 * and style are in the file) with a space-time diagram, a lane per component and an arrow per
 * message from its send to its delivery (a cross where it was dropped, with the reason), the
 * partitions, cuts, crashes, restarts and pauses marked, outputs and protocol errors on their
 * lanes; hover and click show a message's body, fate and times; filter lanes, search bodies, zoom
 * and scroll; the time axis in simulated time or in the log's steps. A run with client operations
 * (a Maelstrom run) shows them under it, the checker's verdict, and the operations that make it
 * invalid. Everything a component wrote is shown as text, never run. The log can also go out in
 * ShiViz's format, with vector clocks ({@link #writeShiViz}).
 *
 * <pre>{@code
 * Path page = RunReport.of(sim).title("my run").write(Path.of("target/run.html"));
 * sim.writeReport(Path.of("target/run.html"));   // the same, titled by the seed
 * }</pre>
 */
public final class RunReport {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Simulator sim;
  private String title;
  private String failure;
  private History history;

  private RunReport(Simulator sim) {
    this.sim = sim;
    this.title = "procsim run, seed " + sim.seed();
  }

  /** A report of {@code sim}'s run so far (or whole, once it is closed). */
  public static RunReport of(Simulator sim) {
    return new RunReport(Objects.requireNonNull(sim, "sim"));
  }

  /** The heading; "procsim run, seed N" by default. */
  public RunReport title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return this;
  }

  /** Why the run failed: shown first, in red. */
  public RunReport failure(String failure) {
    this.failure = failure;
    return this;
  }

  /** Client operations to show under the diagram, with the checker's verdict. */
  public RunReport history(History history) {
    this.history = history;
    return this;
  }

  /** Writes the page to {@code file} (its directory made when missing) and returns it. */
  public Path write(Path file) {
    List<LogEvent> events = sim.log().events();
    long end = sim.now().toNanos();
    for (LogEvent event : events) {
      end = Math.max(end, event.nanos());
    }
    ReportWriter.write(
        file,
        new ReportWriter.Content(
            title,
            subtitle(end),
            failure,
            sim.isStepped(),
            sim.components().stream().map(ComponentHandle::name).toList(),
            events,
            end,
            history));
    return file;
  }

  /**
   * Writes the log in ShiViz's format to {@code file}: the parsing expression on the first line,
   * then two lines per event (what happened, then the component with its vector clock), sends and
   * deliveries carrying the clocks from sender to receiver. Paste it or load it at ShiViz's page.
   */
  public Path writeShiViz(Path file) {
    ShiVizLog.write(file, sim.log().events());
    return file;
  }

  private String subtitle(long endNanos) {
    String time = Durations.format(java.time.Duration.ofNanos(endNanos));
    String run =
        sim.isStepped()
            ? String.format(
                Locale.ROOT, "stepped, %,d steps, %s of virtual time", sim.steps(), time)
            : "real time, " + time;
    return "seed "
        + sim.seed()
        + ", "
        + run
        + ", "
        + sim.components().size()
        + " components, "
        + String.format(Locale.ROOT, "%,d", sim.log().messageCount())
        + " messages; written "
        + LocalDateTime.now().format(WHEN);
  }

  /**
   * Client operations and what a checker made of them.
   *
   * @param verdict VALID, INVALID or UNKNOWN
   * @param explanation the checker's explanation
   * @param note what the marks mean, e.g. which operation cannot take effect
   * @param operations the operations, in history order
   */
  public record History(
      String verdict, String explanation, String note, List<Operation> operations) {
    /** Checks for nulls and copies the list. */
    public History {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(note, "note");
      operations = List.copyOf(operations);
    }
  }

  /** How an operation ended. */
  public enum Outcome {
    /** It happened. */
    OK,
    /** It did not happen. */
    FAIL,
    /** Unknown: it may have happened. */
    INFO
  }

  /** What the checker says of an operation. */
  public enum Mark {
    /** Nothing. */
    NONE,
    /** Fine: placed in the longest order the checker found, say. */
    ORDERED,
    /** Part of what makes the history invalid. */
    INVALID
  }

  /**
   * One client operation.
   *
   * @param process the client's process number
   * @param function what it did, e.g. {@code cas}
   * @param input its argument, as text
   * @param output its result, as text (empty when none)
   * @param invokedNanos when it was invoked, in simulation time
   * @param completedNanos when it completed, or -1 when it never did
   * @param outcome how it ended
   * @param mark what the checker says of it
   */
  public record Operation(
      int process,
      String function,
      String input,
      String output,
      long invokedNanos,
      long completedNanos,
      Outcome outcome,
      Mark mark) {
    /** Checks for nulls. */
    public Operation {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(mark, "mark");
    }
  }
}
