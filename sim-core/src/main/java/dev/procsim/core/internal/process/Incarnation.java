package dev.procsim.core.internal.process;

import dev.procsim.core.LogEvent;
import dev.procsim.core.SimulationException;
import dev.procsim.core.internal.log.ComponentRecords;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One process of a component and its three pumps: a thread reading its stdout into a line consumer
 * (the component's decoder), one reading its stderr into the log, and its stdin writer. When the
 * process exits, the exit is recorded once its last output has been read (at most {@value
 * #OUTPUT_DRAIN_MILLIS} ms): the writer stops, lines beyond the output limit are counted in the
 * log, and a non-zero exit shows its last stderr lines.
 *
 * <pre>{@code
 * Incarnation incarnation = Incarnation.launch(launcher.start(), launcher, writer, records, echo, 1 << 20, decoder::acceptAll, exitHandlers, "run-1-p1", () -> {});
 * int code = incarnation.awaitExitRecorded(Duration.ofSeconds(5));
 * }</pre>
 */
public final class Incarnation {
  /** How many stderr lines an exit with a non-zero code shows. */
  public static final int LAST_ERRORS_SHOWN = 10;

  /** How long an exit waits for the process's output to be read, so the log shows it first. */
  private static final long OUTPUT_DRAIN_MILLIS = 500;

  /** How long a process may take to exit after closing its stdout before that is worth noting. */
  private static final long STDOUT_CLOSE_GRACE_MILLIS = 200;

  private final String name;
  private final Process process;
  private final StdinWriter stdin;
  private final ComponentRecords records;
  private final ConsoleEcho echo;
  private final LinePump stdout;
  private final LinePump stderr;
  private final CompletableFuture<Integer> exitRecorded = new CompletableFuture<>();

  private Incarnation(
      String name,
      Process process,
      StdinWriter stdin,
      ComponentRecords records,
      ConsoleEcho echo,
      int maxLineLength,
      Consumer<List<LineReader.Line>> stdoutLines,
      Consumer<String> stderrLines,
      String threadPrefix) {
    this.name = name;
    this.process = process;
    this.stdin = stdin;
    this.records = records;
    this.echo = echo;
    String prefix = threadPrefix + "-" + name + "-" + process.pid();
    this.stdout =
        new LinePump(
            process.getInputStream(),
            maxLineLength,
            stdoutLines,
            this::noticeStdoutClosed,
            failure -> readerFailed("stdout", failure),
            prefix + "-stdout");
    this.stderr =
        new LinePump(
            process.getErrorStream(),
            maxLineLength,
            lines -> lines.forEach(line -> stderrLines.accept(line.text())),
            () -> {},
            failure -> readerFailed("stderr", failure),
            prefix + "-stderr");
    stdin.attach(process.getOutputStream(), () -> StdinRoom.of(process), prefix + "-stdin");
  }

  /**
   * Takes over {@code process}, just started by {@code launcher}, and records its start. Its stdout
   * lines go to {@code stdoutLines}, those of one read together, its stderr lines to {@code
   * stderrLines}; messages queued in {@code stdin} are written to it. Once its exit is recorded,
   * {@code afterExit} runs.
   */
  public static Incarnation launch(
      Process process,
      ProcessLauncher launcher,
      StdinWriter stdin,
      ComponentRecords records,
      ConsoleEcho echo,
      int maxLineLength,
      Consumer<List<LineReader.Line>> stdoutLines,
      Consumer<String> stderrLines,
      Executor exitHandlers,
      String threadPrefix,
      Runnable afterExit) {
    String name = launcher.spec().name();
    records.recordStarted(name, process.pid(), launcher.spec().command());
    Incarnation incarnation =
        new Incarnation(
            name,
            process,
            stdin,
            records,
            echo,
            maxLineLength,
            stdoutLines,
            stderrLines,
            threadPrefix);
    process
        .onExit()
        .thenRunAsync(
            () -> {
              incarnation.recordExit();
              afterExit.run();
              incarnation.exitRecorded.complete(process.exitValue());
            },
            exitHandlers);
    return incarnation;
  }

  /**
   * At the end of stdout: a process that exits closes it a moment before it is reaped, so only one
   * still running after a short wait closed its stdout on purpose, which is worth a log entry.
   */
  private void noticeStdoutClosed() {
    try {
      if (!process.waitFor(STDOUT_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        records.recordStdoutClosed(name, process.pid());
        echo.warning(name + " closed its stdout but keeps running: it can no longer send messages");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A pump died: the log says so and every wait fails at once, rather than a test waiting out its
   * time-out for lines nobody reads any more.
   */
  private void readerFailed(String stream, Throwable failure) {
    String problem =
        failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    records.recordReaderFailed(name, stream, problem);
    echo.warning("procsim stopped reading " + name + "'s " + stream + ": " + problem);
  }

  private void recordExit() {
    int code = process.exitValue();
    stdin.stop(name + " has exited (exit code " + code + ")");
    try {
      stdout.awaitEnd(OUTPUT_DRAIN_MILLIS);
      stderr.awaitEnd(OUTPUT_DRAIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    records.recordDiscardedOutput(name);
    List<String> shownErrors =
        code == 0 ? List.of() : records.lastErrorsOf(name, LAST_ERRORS_SHOWN);
    LogEvent.ProcessExited entry = records.recordExited(name, process.pid(), code, shownErrors);
    if (code != 0) {
      echo.warning(entry.describe());
    }
  }

  /** The process. */
  public Process process() {
    return process;
  }

  /** Its stdin writer. */
  public StdinWriter stdin() {
    return stdin;
  }

  /** Its stdout pump. */
  public LinePump stdout() {
    return stdout;
  }

  /**
   * Waits until the exit is recorded and returns the exit code.
   *
   * @throws TimeoutException when it is not recorded within {@code timeout}
   */
  public int awaitExitRecorded(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return exitRecorded.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new SimulationException("recording the exit of " + name + " failed", e.getCause());
    }
  }

  /**
   * After the process is gone: waits up to {@code millis} for its exit to be recorded and its
   * writer thread to end.
   */
  public void awaitSettled(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      awaitExitRecorded(Duration.ofMillis(millis));
    } catch (TimeoutException | SimulationException e) {
      // Reported by the caller through isAlive(); nothing more to wait for here.
    }
    stdin.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
  }
}
