package dev.procsim.core.internal;

import dev.procsim.core.Component;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.SimulationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A component backed by an OS process: the process, a pump for its stdout (through the line
 * protocol), a pump for its stderr, and a writer for its stdin fed by the network.
 *
 * <pre>{@code
 * ProcessComponent node = new ProcessComponent(spec, procsimEnv, log, echo, maxLine, backlog);
 * node.accept(message);                  // may come before launch: it waits
 * node.launch(router, exitHandlers, "procsim-run-1");
 * }</pre>
 */
public final class ProcessComponent implements Component, Endpoint {
  /** How many stderr lines an exit with a non-zero code shows. */
  static final int LAST_ERRORS_SHOWN = 10;

  /** How long an exit waits for the process's output to be read, so the log shows it first. */
  private static final long OUTPUT_DRAIN_MILLIS = 500;

  private final ComponentSpec spec;
  private final Map<String, String> procsimEnvironment;
  private final RecordingLog log;
  private final ConsoleEcho echo;
  private final int maxLineLength;
  private final StdinWriter stdin;
  private final CompletableFuture<Integer> exitRecorded = new CompletableFuture<>();
  private volatile Process process;
  private LinePump stdoutPump;
  private LinePump stderrPump;

  /**
   * A component that is not started yet; messages offered to it wait until it is.
   *
   * @param procsimEnvironment the {@code PROCSIM_*} variables it gets on top of its spec's
   */
  public ProcessComponent(
      ComponentSpec spec,
      Map<String, String> procsimEnvironment,
      RecordingLog log,
      ConsoleEcho echo,
      int maxLineLength,
      int stdinBacklog) {
    this.spec = spec;
    this.procsimEnvironment = Map.copyOf(procsimEnvironment);
    this.log = log;
    this.echo = echo;
    this.maxLineLength = maxLineLength;
    this.stdin = new StdinWriter(spec.name(), log, stdinBacklog);
  }

  /**
   * Starts the process and its pumps. Stdout lines go through {@code router}; the exit is recorded
   * on {@code exitHandlers}.
   *
   * @throws SimulationException naming this component when the process cannot be started
   */
  public void launch(StdoutRouter router, Executor exitHandlers, String threadPrefix) {
    ProcessBuilder builder = new ProcessBuilder(spec.command());
    Map<String, String> env = builder.environment();
    env.put("PYTHONUNBUFFERED", "1");
    env.putAll(spec.environment());
    env.putAll(procsimEnvironment);
    spec.workingDirectoryIfSet().ifPresent(dir -> builder.directory(checkDirectory(dir)));
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new SimulationException(describeStartFailure(e), e);
    }
    process = started;
    log.recordStarted(name(), started.pid(), spec.command());
    String prefix = threadPrefix + "-" + name();
    stdoutPump =
        new LinePump(
            started.getInputStream(),
            maxLineLength,
            line -> router.route(name(), line),
            prefix + "-stdout");
    stderrPump =
        new LinePump(
            started.getErrorStream(), maxLineLength, this::onErrorLine, prefix + "-stderr");
    stdin.attach(started.getOutputStream(), prefix + "-stdin");
    started.onExit().thenRunAsync(this::recordExit, exitHandlers);
  }

  private File checkDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SimulationException(
          "component \""
              + name()
              + "\": the working directory "
              + dir.toAbsolutePath()
              + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    return dir.toFile();
  }

  private String describeStartFailure(IOException e) {
    String program = spec.command().get(0);
    String detail = String.valueOf(e.getMessage());
    String why;
    if (detail.contains("error=2,")) {
      why =
          program.contains("/")
              ? "no such file: " + program
              : "no program \"" + program + "\" on the PATH (" + System.getenv("PATH") + ")";
    } else if (detail.contains("error=13,")) {
      why =
          program
              + " cannot be executed (permission denied: is it a directory, or not executable?)";
    } else {
      why = detail;
    }
    return "component \"" + name() + "\": cannot start " + spec.command() + ": " + why;
  }

  private void onErrorLine(LineReader.Line line) {
    String text = line.text();
    log.recordErrorOutput(name(), text);
    echo.error(name(), text);
  }

  private void recordExit() {
    Process exited = process;
    int code = exited.exitValue();
    stdin.stop(name() + " has exited (exit code " + code + ")");
    try {
      stdoutPump.awaitEnd(OUTPUT_DRAIN_MILLIS);
      stderrPump.awaitEnd(OUTPUT_DRAIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> shownErrors = code == 0 ? List.of() : log.lastErrorsOf(name(), LAST_ERRORS_SHOWN);
    LogEvent.ProcessExited entry = log.recordExited(name(), exited.pid(), code, shownErrors);
    if (code != 0) {
      echo.warning(entry.describe());
    }
    exitRecorded.complete(code);
  }

  @Override
  public String accept(Message message) {
    return stdin.offer(message);
  }

  /** Stops writing to stdin and closes it; messages still waiting become undeliverable. */
  public void closeStdin(String reason) {
    stdin.stop(reason);
  }

  /** The process, once launched. */
  public Optional<ProcessHandle> handle() {
    Process p = process;
    return p == null ? Optional.empty() : Optional.of(p.toHandle());
  }

  /**
   * After the process is gone: waits up to {@code millis} for its exit to be recorded and its
   * threads to end.
   */
  public void awaitSettled(long millis) throws InterruptedException {
    if (process == null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      exitRecorded.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Reported by the caller through isAlive(); nothing more to wait for here.
    }
    stdin.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public List<String> command() {
    return spec.command();
  }

  @Override
  public long pid() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("component \"" + name() + "\" has not been started");
    }
    return p.pid();
  }

  @Override
  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return log.exitCodeOf(name());
  }

  @Override
  public int awaitExit(Duration timeout) {
    try {
      return exitRecorded.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "component \""
              + name()
              + "\" is still running after "
              + timeout
              + " (pid "
              + pid()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while waiting for " + name() + " to exit", e);
    } catch (ExecutionException e) {
      throw new SimulationException("recording the exit of " + name() + " failed", e.getCause());
    }
  }

  @Override
  public List<String> output() {
    return log.outputOf(name());
  }

  @Override
  public List<String> errors() {
    return log.errorsOf(name());
  }

  @Override
  public String toString() {
    Process p = process;
    return "component " + name() + (p == null ? " (not started)" : " (pid " + p.pid() + ")");
  }
}
