package dev.procsim.core.internal.component;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Durations;
import dev.procsim.core.Message;
import dev.procsim.core.SimulationException;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.WaitStrategy;
import dev.procsim.core.internal.process.Incarnation;
import dev.procsim.core.internal.process.ProcessLauncher;
import dev.procsim.core.internal.process.ProcessTree;
import dev.procsim.core.internal.process.StdinWriter;
import dev.procsim.core.internal.protocol.AckMarkerProtocol;
import dev.procsim.core.internal.protocol.StdoutDecoder;
import dev.procsim.core.internal.scheduling.AckTracker;
import dev.procsim.core.internal.scheduling.BlackBoxIdle;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * A component that is an OS process: one at a time, a new one after each {@link #restart()} (see
 * {@link Incarnation}). Its stdout is decoded with its wire protocol; deliveries are encoded with
 * it by its stdin writer. Faults (crash, restart, pause, resume) are serialised per component and
 * logged. Idle, for stepped runs, means acknowledged (when its spec {@link ComponentSpec#acks()}),
 * else idle as seen from outside ({@link BlackBoxIdle}).
 *
 * <pre>{@code
 * ProcessComponent node = new ProcessComponent(launcher, protocol, store, echo, waits, limits, exitHandlers, "run-1");
 * node.accept(message);   // may come before start: it waits in the stdin writer
 * node.start();
 * node.crash();
 * node.restart();
 * }</pre>
 */
public final class ProcessComponent extends ComponentRuntime {
  /** How long crash() waits for the killed tree, and pause() for the stopped tree. */
  private static final Duration CRASH_SETTLE = Duration.ofSeconds(10);

  /**
   * Per-process limits.
   *
   * @param maxLineLength longest stdout or stderr line in bytes before it is cut
   * @param stdinBacklog most messages waiting for the process's stdin
   */
  public record Limits(int maxLineLength, int stdinBacklog) {}

  private final ProcessLauncher launcher;
  private final ComponentSpec spec;
  private final WireProtocol protocol;
  private final Limits limits;
  private final Executor exitHandlers;
  private final String threadPrefix;
  private final AckTracker acks = new AckTracker();
  private StdoutDecoder decoder;
  private volatile StdinWriter stdin;
  private volatile Incarnation current;
  private volatile ProcessObserver observer;
  // Spawned by prepare() beside the other components, taken over by start(); or why it failed.
  // Written under the monitor, read by the teardown without it (it never waits for a fault).
  private volatile Process prepared;
  private SimulationException preparationFailure;

  /** A component that is not started yet; messages offered to it wait until it is. */
  public ProcessComponent(
      ProcessLauncher launcher,
      WireProtocol protocol,
      LogStore log,
      ConsoleEcho echo,
      WaitStrategy waits,
      Limits limits,
      Executor exitHandlers,
      String threadPrefix) {
    super(launcher.spec().name(), log, echo, waits);
    this.launcher = launcher;
    this.spec = launcher.spec();
    this.protocol = protocol;
    this.limits = limits;
    this.exitHandlers = exitHandlers;
    this.threadPrefix = threadPrefix;
    this.stdin = newWriter();
  }

  private StdinWriter newWriter() {
    return new StdinWriter(name(), protocol, log(), limits.stdinBacklog());
  }

  /**
   * Spawns the first process, for {@link #start()} to take over; its output waits in its pipes
   * until then. Nothing once the simulator is closing, or once started.
   */
  @Override
  public synchronized void prepare() {
    if (current != null || prepared != null || preparationFailure != null || isRefusing()) {
      return;
    }
    try {
      prepared = launcher.start();
    } catch (SimulationException e) {
      preparationFailure = e;
    }
  }

  /**
   * Starts the first process (the one {@link #prepare()} spawned, if it did) and its pumps.
   *
   * @throws SimulationException naming this component when the process cannot be started
   */
  @Override
  public synchronized void start() {
    if (preparationFailure != null) {
      throw preparationFailure;
    }
    WireProtocol decoding =
        spec.acks() ? new AckMarkerProtocol(protocol, spec.ackMarker()) : protocol;
    decoder =
        new StdoutDecoder(name(), decoding, router(), limits.maxLineLength(), acks::acknowledged);
    Process spawned = prepared;
    prepared = null;
    launch(stdin, spawned != null ? spawned : launcher.start());
  }

  private void launch(StdinWriter writer, Process process) {
    acks.started();
    ProcessObserver fresh = new ProcessObserver();
    Incarnation incarnation =
        Incarnation.launch(
            process,
            launcher,
            writer,
            records(),
            echo(),
            limits.maxLineLength(),
            decoder::acceptAll,
            line -> router().errorOutput(name(), line),
            exitHandlers,
            threadPrefix,
            () -> {
              acks.exited();
              fresh.close();
            });
    fresh.watch(incarnation);
    observer = fresh;
    current = incarnation;
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

  @Override
  public boolean isHeld() {
    return isPaused();
  }

  @Override
  public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    if (spec.acks()) {
      return acks.awaitIdle(deadlineNanos); // an exit counts once it is recorded
    }
    Incarnation incarnation = current;
    ProcessObserver watching = observer;
    if (incarnation == null || !BlackBoxIdle.awaitIdle(watching, deadlineNanos)) {
      return incarnation == null;
    }
    // A process that exited is idle once its exit is in the log, so that the log shows the exit
    // before anything a later step does: a stepped run's log must not depend on timing.
    return incarnation.process().isAlive() || exitRecordedBy(incarnation, deadlineNanos);
  }

  private static boolean exitRecordedBy(Incarnation incarnation, long deadlineNanos)
      throws InterruptedException {
    try {
      incarnation.awaitExitRecorded(
          Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  @Override
  public String activity() {
    ProcessObserver watching = observer;
    String processes =
        watching == null ? "it had not started" : BlackBoxIdle.describeActivity(watching);
    return spec.acks()
        ? "no acknowledgement marker \""
            + spec.ackMarker()
            + "\" had come for its last delivery; "
            + processes
        : processes;
  }

  @Override
  public synchronized void crash() {
    requireOpen("crash");
    Incarnation incarnation = requireRunning("crash");
    List<ProcessHandle> tree = ProcessTree.withDescendants(incarnation.process().toHandle());
    log()
        .recordFault(
            "crash",
            name()
                + " (pid "
                + incarnation.process().pid()
                + (tree.size() > 1 ? " and " + (tree.size() - 1) + " descendants" : "")
                + ") killed with SIGKILL");
    // Stopped first (what waits is undeliverable, in the log before the exit), but its stdin stays
    // open until the tree is gone: a process that read the end of its input could exit on its own
    // before the SIGKILL, with its own exit code, and a stepped run would not repeat (seen once).
    incarnation.stdin().stopKeepingStdinOpen(name() + " is down: it was crashed");
    // Marked before the kill: whoever sees the exit recorded must also see that it was a crash.
    setCrashed(true);
    try {
      ProcessTree.kill(tree);
      setPaused(false);
      // The whole tree, not only the root: a crashed node leaves nothing running behind it.
      ProcessTree.awaitExit(tree, System.nanoTime() + CRASH_SETTLE.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while crashing " + name(), e);
    } finally {
      incarnation.stdin().releaseStdin();
    }
    awaitRecorded(incarnation, "crash");
  }

  @Override
  public synchronized void restart() {
    requireOpen("restart");
    Incarnation old = requireStarted("restart");
    if (old.process().isAlive()) {
      crash();
    } else {
      awaitRecorded(old, "restart");
    }
    log().recordFault("restart", name() + " with its command and environment: " + spec.command());
    StdinWriter fresh = newWriter();
    stdin = fresh;
    launch(fresh, launcher.start());
    // Cleared once the new incarnation is current: until then the old exit still shows.
    setCrashed(false);
    fire(LifecycleListener.Change.RESTARTED);
  }

  @Override
  public synchronized void pause() {
    requireOpen("pause");
    Incarnation incarnation = requireRunning("pause");
    if (isPaused()) {
      return;
    }
    // Hold the writer first: nothing is written after the process stops reading.
    incarnation.stdin().hold(true);
    List<ProcessHandle> tree = ProcessTree.withDescendants(incarnation.process().toHandle());
    ProcessTree.signal(tree, "STOP");
    // pause() returns with the tree stopped, not merely signalled: nothing runs after it.
    if (!ProcessTree.awaitStopped(tree, System.nanoTime() + CRASH_SETTLE.toNanos())) {
      throw new SimulationException(
          "component \""
              + name()
              + "\": SIGSTOP was sent but the process did not stop within "
              + Durations.format(CRASH_SETTLE));
    }
    setPaused(true);
    log()
        .recordFault(
            "pause", name() + " (pid " + incarnation.process().pid() + ") stopped with SIGSTOP");
  }

  @Override
  public synchronized void resume() {
    requireOpen("resume");
    Incarnation incarnation = requireStarted("resume");
    if (!isPaused()) {
      return;
    }
    ProcessTree.signal(ProcessTree.withDescendants(incarnation.process().toHandle()), "CONT");
    setPaused(false);
    // Logged before the held messages go out, so the log shows them delivered after the resume.
    log()
        .recordFault(
            "resume", name() + " (pid " + incarnation.process().pid() + ") continued with SIGCONT");
    incarnation.stdin().hold(false);
    fire(LifecycleListener.Change.RESUMED);
  }

  @Override
  protected boolean isStarted() {
    return current != null;
  }

  private Incarnation requireStarted(String operation) {
    return requireStarted(current, operation);
  }

  private Incarnation requireRunning(String operation) {
    Incarnation incarnation = requireStarted(operation);
    if (!incarnation.process().isAlive()) {
      throw notRunning(operation);
    }
    return incarnation;
  }

  private void awaitRecorded(Incarnation incarnation, String operation) {
    try {
      incarnation.awaitExitRecorded(CRASH_SETTLE);
    } catch (TimeoutException e) {
      throw new SimulationException(
          "component \""
              + name()
              + "\": its exit was not recorded within "
              + Durations.format(CRASH_SETTLE)
              + " during "
              + operation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted during " + operation + " of " + name(), e);
    }
  }

  @Override
  public void resumeIfPaused() {
    if (isPaused()) {
      resume();
    }
  }

  @Override
  public void closeInput(String reason) {
    stdin.stop(reason);
    discardPrepared();
  }

  /**
   * A process spawned for a start that never came (an earlier component could not start) is no part
   * of the run: nothing was logged of it, so it is killed at once rather than given a grace.
   */
  private synchronized void discardPrepared() {
    if (prepared != null) {
      prepared.destroyForcibly();
    }
  }

  @Override
  public Optional<ProcessHandle> processHandle() {
    Incarnation incarnation = current;
    if (incarnation == null) {
      return Optional.ofNullable(prepared).map(Process::toHandle);
    }
    return Optional.of(incarnation.process().toHandle());
  }

  @Override
  public void awaitSettled(long millis) throws InterruptedException {
    Incarnation incarnation = current;
    if (incarnation != null) {
      incarnation.awaitSettled(millis);
    }
  }

  @Override
  public List<String> command() {
    return spec.command();
  }

  @Override
  public long pid() {
    return requireStarted("get the pid of").process().pid();
  }

  @Override
  public boolean isAlive() {
    Incarnation incarnation = current;
    return incarnation != null && incarnation.process().isAlive();
  }

  @Override
  public String toString() {
    Incarnation incarnation = current;
    return "component "
        + name()
        + (incarnation == null ? " (not started)" : " (pid " + incarnation.process().pid() + ")");
  }
}
