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
 * A component backed by OS processes: one at a time, a new one after each {@link #restart()}. Each
 * incarnation has a pump for its stdout (through the line protocol), a pump for its stderr and a
 * writer for its stdin fed by the network. Fault operations (crash, restart, pause, resume) are
 * serialised per component and logged.
 *
 * <pre>{@code
 * ProcessComponent node = new ProcessComponent(spec, procsimEnv, log, echo, maxLine, backlog);
 * node.accept(message);                  // may come before launch: it waits
 * node.launch(router, exitHandlers, "procsim-run-1");
 * node.crash();
 * node.restart();
 * }</pre>
 */
public final class ProcessComponent implements Component, Endpoint {
  /** How many stderr lines an exit with a non-zero code shows. */
  static final int LAST_ERRORS_SHOWN = 10;

  /** How long an exit waits for the process's output to be read, so the log shows it first. */
  private static final long OUTPUT_DRAIN_MILLIS = 500;

  /** How long a process may take to exit after closing its stdout before that is worth noting. */
  private static final long STDOUT_CLOSE_GRACE_MILLIS = 200;

  /** How long crash() waits for the killed tree, and pause() for the stopped tree. */
  private static final Duration CRASH_SETTLE = Duration.ofSeconds(10);

  /** One process of this component and its pumps. */
  private static final class Incarnation {
    final Process process;
    final StdinWriter stdin;
    final LinePump stdout;
    final LinePump stderr;
    final CompletableFuture<Integer> exitRecorded = new CompletableFuture<>();
    volatile Optional<PipeGauge> stdoutGauge;

    Incarnation(Process process, StdinWriter stdin, LinePump stdout, LinePump stderr) {
      this.process = process;
      this.stdin = stdin;
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }

  private final ComponentSpec spec;
  private final Map<String, String> procsimEnvironment;
  private final RecordingLog log;
  private final ConsoleEcho echo;
  private final int maxLineLength;
  private final int stdinBacklog;
  private volatile StdinWriter stdin;
  private volatile Incarnation current;
  private volatile boolean paused;
  private volatile boolean crashed;
  private final AckTracker acks = new AckTracker();
  private volatile Runnable afterResume = () -> {};
  private volatile Runnable afterRestart = () -> {};
  private StdoutRouter router;
  private Executor exitHandlers;
  private String threadPrefix;

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
    this.stdinBacklog = stdinBacklog;
    this.stdin = new StdinWriter(spec.name(), log, stdinBacklog);
  }

  /**
   * Starts the first process and its pumps. Stdout lines go through {@code router}; exits are
   * recorded on {@code exitHandlers}.
   *
   * @throws SimulationException naming this component when the process cannot be started
   */
  public synchronized void launch(StdoutRouter router, Executor exitHandlers, String threadPrefix) {
    this.router = router;
    this.exitHandlers = exitHandlers;
    this.threadPrefix = threadPrefix;
    startIncarnation(stdin);
  }

  private void startIncarnation(StdinWriter writer) {
    ProcessBuilder builder = new ProcessBuilder(spec.command());
    Map<String, String> env = builder.environment();
    env.put("PYTHONUNBUFFERED", "1");
    env.putAll(spec.environment());
    env.putAll(procsimEnvironment);
    if (spec.acks()) {
      env.put("PROCSIM_ACK", spec.ackMarker());
    }
    spec.workingDirectoryIfSet().ifPresent(dir -> builder.directory(checkDirectory(dir)));
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new SimulationException(describeStartFailure(e), e);
    }
    acks.started();
    log.recordStarted(name(), started.pid(), spec.command());
    String prefix = threadPrefix + "-" + name() + "-" + started.pid();
    LinePump out =
        new LinePump(
            started.getInputStream(),
            maxLineLength,
            line -> router.route(name(), line),
            () -> noticeStdoutClosed(started),
            prefix + "-stdout");
    LinePump err =
        new LinePump(
            started.getErrorStream(),
            maxLineLength,
            this::onErrorLine,
            () -> {},
            prefix + "-stderr");
    Incarnation incarnation = new Incarnation(started, writer, out, err);
    current = incarnation;
    writer.attach(started.getOutputStream(), prefix + "-stdin");
    started.onExit().thenRunAsync(() -> recordExit(incarnation), exitHandlers);
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

  /**
   * At the end of stdout: a process that exits closes it a moment before it is reaped, so only one
   * still running after a short wait closed its stdout on purpose, which is worth a log entry.
   */
  private void noticeStdoutClosed(Process process) {
    try {
      if (!process.waitFor(STDOUT_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        log.recordStdoutClosed(name(), process.pid());
        echo.warning(
            name() + " closed its stdout but keeps running: it can no longer send messages");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onErrorLine(LineReader.Line line) {
    String text = line.text();
    router.echoIfKept(name(), text, log.recordErrorOutput(name(), text), "stderr");
  }

  private void recordExit(Incarnation incarnation) {
    int code = incarnation.process.exitValue();
    incarnation.stdin.stop(name() + " has exited (exit code " + code + ")");
    try {
      incarnation.stdout.awaitEnd(OUTPUT_DRAIN_MILLIS);
      incarnation.stderr.awaitEnd(OUTPUT_DRAIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.recordDiscardedOutput(name());
    List<String> shownErrors = code == 0 ? List.of() : log.lastErrorsOf(name(), LAST_ERRORS_SHOWN);
    LogEvent.ProcessExited entry =
        log.recordExited(name(), incarnation.process.pid(), code, shownErrors);
    if (code != 0) {
      echo.warning(entry.describe());
    }
    acks.exited();
    Optional<PipeGauge> gauge = incarnation.stdoutGauge;
    if (gauge != null) {
      gauge.ifPresent(PipeGauge::close);
    }
    incarnation.exitRecorded.complete(code);
  }

  @Override
  public String accept(Message message) {
    // Counted before the writer can pass it on, so the acknowledgement can never come first.
    acks.delivered();
    String refusal = stdin.offer(message);
    if (refusal != null) {
      acks.withdrawn();
    }
    return refusal;
  }

  /** The acknowledgement tracker (meaningful when the spec {@link ComponentSpec#acks()}). */
  public AckTracker acks() {
    return acks;
  }

  /** The spec it runs. */
  public ComponentSpec spec() {
    return spec;
  }

  /**
   * Black-box idleness, for components without acknowledgements: nothing waits to be written to its
   * stdin, its stdout reader has nothing pending, and {@link IdleProbe} sees its tree asleep,
   * waiting for input, with its CPU time still across two samples {@code gapNanos} apart. An exited
   * component is idle.
   */
  public boolean looksIdle(long gapNanos) {
    Incarnation incarnation = current;
    if (incarnation == null || !incarnation.process.isAlive()) {
      return true;
    }
    if (!incarnation.stdin.isIdle() || !incarnation.stdout.isQuiet()) {
      return false;
    }
    List<ProcessHandle> tree = ProcessTree.withDescendants(incarnation.process.toHandle());
    long lines = incarnation.stdout.linesRead();
    IdleProbe.Sample first = IdleProbe.sample(tree);
    if (!first.idle()) {
      return false;
    }
    java.util.concurrent.locks.LockSupport.parkNanos(gapNanos);
    IdleProbe.Sample second = IdleProbe.sample(tree);
    return second.idle()
        && second.cpuTicks() == first.cpuTicks()
        && incarnation.stdin.isIdle()
        && incarnation.stdout.isQuiet()
        && stdoutDrained(incarnation)
        && incarnation.stdout.linesRead() == lines;
  }

  /** Whether no byte of the process's stdout waits in the pipe for our reader. */
  private static boolean stdoutDrained(Incarnation incarnation) {
    Optional<PipeGauge> gauge = incarnation.stdoutGauge;
    if (gauge == null) {
      gauge = PipeGauge.forStdoutOf(incarnation.process.pid());
      incarnation.stdoutGauge = gauge;
    }
    return gauge.map(g -> g.pending() == 0).orElse(true);
  }

  @Override
  public synchronized void crash() {
    Incarnation incarnation = requireRunning("crash");
    List<ProcessHandle> tree = ProcessTree.withDescendants(incarnation.process.toHandle());
    log.recordFault(
        "crash",
        name()
            + " (pid "
            + incarnation.process.pid()
            + (tree.size() > 1 ? " and " + (tree.size() - 1) + " descendants" : "")
            + ") killed with SIGKILL");
    incarnation.stdin.stop(name() + " is down: it was crashed");
    ProcessTree.kill(tree);
    paused = false;
    crashed = true;
    try {
      // The whole tree, not only the root: a crashed node leaves nothing running behind it.
      ProcessTree.awaitExit(tree, System.nanoTime() + CRASH_SETTLE.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while crashing " + name(), e);
    }
    awaitRecorded(incarnation, CRASH_SETTLE, "crash");
  }

  @Override
  public synchronized void restart() {
    Incarnation old = requireLaunched("restart");
    if (old.process.isAlive()) {
      crash();
    } else {
      awaitRecorded(old, CRASH_SETTLE, "restart");
    }
    log.recordFault("restart", name() + " with its command and environment: " + spec.command());
    StdinWriter fresh = new StdinWriter(name(), log, stdinBacklog);
    stdin = fresh;
    crashed = false;
    startIncarnation(fresh);
    afterRestart.run();
  }

  @Override
  public synchronized void pause() {
    Incarnation incarnation = requireRunning("pause");
    if (paused) {
      return;
    }
    // Hold the writer first: nothing is written after the process stops reading.
    incarnation.stdin.hold(true);
    List<ProcessHandle> tree = ProcessTree.withDescendants(incarnation.process.toHandle());
    ProcessTree.signal(tree, "STOP");
    // pause() returns with the tree stopped, not merely signalled: nothing runs after it.
    if (!ProcessTree.awaitStopped(tree, System.nanoTime() + CRASH_SETTLE.toNanos())) {
      throw new SimulationException(
          "component \""
              + name()
              + "\": SIGSTOP was sent but the process did not stop within "
              + CRASH_SETTLE);
    }
    paused = true;
    log.recordFault(
        "pause", name() + " (pid " + incarnation.process.pid() + ") stopped with SIGSTOP");
  }

  @Override
  public synchronized void resume() {
    Incarnation incarnation = requireLaunched("resume");
    if (!paused) {
      return;
    }
    ProcessTree.signal(ProcessTree.withDescendants(incarnation.process.toHandle()), "CONT");
    paused = false;
    // Logged before the held messages go out, so the log shows them delivered after the resume.
    log.recordFault(
        "resume", name() + " (pid " + incarnation.process.pid() + ") continued with SIGCONT");
    incarnation.stdin.hold(false);
    afterResume.run();
  }

  /** Runs {@code action} after every resume (the network notes that held messages can go). */
  public void afterResume(Runnable action) {
    this.afterResume = action;
  }

  /** Runs {@code action} after every restart (a stepped run waits for the new process). */
  public void afterRestart(Runnable action) {
    this.afterRestart = action;
  }

  @Override
  public boolean isPaused() {
    return paused;
  }

  @Override
  public boolean isHeld() {
    return paused;
  }

  /** Whether it was crashed and not restarted since. */
  public boolean isCrashed() {
    return crashed;
  }

  private Incarnation requireLaunched(String operation) {
    Incarnation incarnation = current;
    if (incarnation == null) {
      throw new IllegalStateException(
          "cannot " + operation + " " + name() + ": the simulator has not started it");
    }
    return incarnation;
  }

  private Incarnation requireRunning(String operation) {
    Incarnation incarnation = requireLaunched(operation);
    if (!incarnation.process.isAlive()) {
      throw new IllegalStateException(
          "cannot " + operation + " " + name() + ": it is not running (" + describeExit() + ")");
    }
    return incarnation;
  }

  private String describeExit() {
    OptionalInt code = exitCode();
    return code.isPresent() ? "it exited with code " + code.getAsInt() : "it is exiting";
  }

  private void awaitRecorded(Incarnation incarnation, Duration timeout, String operation) {
    try {
      incarnation.exitRecorded.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new SimulationException(
          "component \""
              + name()
              + "\": its exit was not recorded within "
              + timeout
              + " during "
              + operation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted during " + operation + " of " + name(), e);
    } catch (ExecutionException e) {
      throw new SimulationException("recording the exit of " + name() + " failed", e.getCause());
    }
  }

  /** Stops writing to stdin and closes it; messages still waiting become undeliverable. */
  public void closeStdin(String reason) {
    stdin.stop(reason);
  }

  /** The current process, once launched. */
  public Optional<ProcessHandle> handle() {
    Incarnation incarnation = current;
    return incarnation == null ? Optional.empty() : Optional.of(incarnation.process.toHandle());
  }

  /**
   * After the process is gone: waits up to {@code millis} for its exit to be recorded and its
   * threads to end.
   */
  public void awaitSettled(long millis) throws InterruptedException {
    Incarnation incarnation = current;
    if (incarnation == null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      incarnation.exitRecorded.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Reported by the caller through isAlive(); nothing more to wait for here.
    }
    incarnation.stdin.join(
        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
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
    return requireLaunched("get the pid of").process.pid();
  }

  @Override
  public boolean isAlive() {
    Incarnation incarnation = current;
    return incarnation != null && incarnation.process.isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return log.exitCodeOf(name());
  }

  @Override
  public int awaitExit(Duration timeout) {
    Incarnation incarnation = requireLaunched("wait for the exit of");
    try {
      return incarnation.exitRecorded.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "component \""
              + name()
              + "\" is still running after "
              + timeout
              + " (pid "
              + incarnation.process.pid()
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
    Incarnation incarnation = current;
    return "component "
        + name()
        + (incarnation == null ? " (not started)" : " (pid " + incarnation.process.pid() + ")");
  }
}
