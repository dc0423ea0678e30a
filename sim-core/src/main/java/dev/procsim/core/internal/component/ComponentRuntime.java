package dev.procsim.core.internal.component;

import dev.procsim.core.Component;
import dev.procsim.core.ComponentHandle;
import dev.procsim.core.LogEvent;
import dev.procsim.core.internal.log.ComponentRecords;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.Probe;
import dev.procsim.core.internal.log.WaitStrategy;
import dev.procsim.core.internal.network.Endpoint;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.process.Teardownable;
import dev.procsim.core.internal.scheduling.Participant;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What every kind of component is to the rest of the simulation: the {@link ComponentHandle} users
 * hold, an {@link Endpoint} the network delivers to, a {@link Participant} the scheduler starts and
 * waits for, and something {@link Teardownable} at the end. A process ({@link ProcessComponent}) or
 * a Java object ({@link NodeComponent}); nothing outside this room knows which. Output, errors and
 * exit codes come from the log, so a component and the log never disagree.
 *
 * <pre>{@code
 * ComponentRuntime c = new ProcessComponent(...);
 * c.connect(router);
 * c.addListener((component, change) -> scheduler.participantChanged(component));
 * c.start();
 * }</pre>
 */
// Implements the deprecated Component, which Simulator.component() still returns for old code.
@SuppressWarnings("deprecation")
public abstract class ComponentRuntime implements Component, Endpoint, Participant, Teardownable {
  private final String name;
  private final LogStore log;
  private final ConsoleEcho echo;
  private final WaitStrategy waits;
  private final List<LifecycleListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Router router;
  private volatile boolean paused;
  private volatile boolean crashed;
  // Why faults are refused: set when the simulator starts closing, so that nothing is started
  // after the teardown has looked for what to end.
  private volatile String refusal;

  /** A component named {@code name}, recorded in {@code log}, waited on with {@code waits}. */
  protected ComponentRuntime(String name, LogStore log, ConsoleEcho echo, WaitStrategy waits) {
    this.name = name;
    this.log = log;
    this.echo = echo;
    this.waits = waits;
  }

  /**
   * Refuses every later crash, restart, pause and resume with {@code reason} (say, "the simulator
   * is closing"). Synchronized with them: it returns once a fault in progress has finished, so the
   * process a restart started is there for the teardown to end.
   */
  public final synchronized void refuseFaults(String reason) {
    refusal = reason;
  }

  /** Throws an {@link IllegalStateException} when faults are refused. */
  protected final void requireOpen(String operation) {
    String reason = refusal;
    if (reason != null) {
      throw new IllegalStateException(reason + ": cannot " + operation + " " + name);
    }
  }

  /** Whether faults (and so new processes) are refused: the simulator is closing. */
  protected final boolean isRefusing() {
    return refusal != null;
  }

  /** Gives it the router its messages and output go through; once, before {@link #start()}. */
  public void connect(Router router) {
    this.router = router;
  }

  /** Adds a listener for restarts and resumes. */
  public void addListener(LifecycleListener listener) {
    listeners.add(listener);
  }

  /** Tells every listener. */
  protected void fire(LifecycleListener.Change change) {
    for (LifecycleListener listener : listeners) {
      listener.changed(this, change);
    }
  }

  @Override
  public final boolean isCrashed() {
    return crashed;
  }

  @Override
  public final boolean isPaused() {
    return paused;
  }

  /** Notes that it is paused, or no longer. */
  protected void setPaused(boolean paused) {
    this.paused = paused;
  }

  /** Notes that it was crashed, or restarted. */
  protected void setCrashed(boolean crashed) {
    this.crashed = crashed;
  }

  /** {@code incarnation}, or an exception saying it was not started, for {@code operation}. */
  protected <T> T requireStarted(T incarnation, String operation) {
    if (incarnation == null) {
      throw new IllegalStateException(
          "cannot " + operation + " " + name + ": the simulator has not started it");
    }
    return incarnation;
  }

  /** The exception for an {@code operation} that needs it running, when it is not. */
  protected IllegalStateException notRunning(String operation) {
    OptionalInt code = exitCode();
    return new IllegalStateException(
        "cannot "
            + operation
            + " "
            + name
            + ": it is not running ("
            + (code.isPresent() ? "it exited with code " + code.getAsInt() : "it is exiting")
            + ")");
  }

  /**
   * After the simulation closed: waits up to {@code millis} for its exit to be recorded and its
   * threads to end.
   */
  public abstract void awaitSettled(long millis) throws InterruptedException;

  /** Whether it has been started (its first incarnation exists). */
  protected abstract boolean isStarted();

  /** Where its messages and output go. */
  protected Router router() {
    return router;
  }

  /** The log it is recorded in. */
  protected LogStore log() {
    return log;
  }

  /** Its records in the log: output, errors, starts and exits. */
  protected ComponentRecords records() {
    return log.components();
  }

  /** The console echo. */
  protected ConsoleEcho echo() {
    return echo;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final OptionalInt exitCode() {
    return records().exitCodeOf(name);
  }

  @Override
  public final List<String> output() {
    return records().outputOf(name);
  }

  @Override
  public final List<String> errors() {
    return records().errorsOf(name);
  }

  @Override
  public final int awaitExit(Duration timeout) {
    if (!isStarted()) {
      throw new IllegalStateException(
          "cannot wait for the exit of " + name + ": the simulator has not started it");
    }
    String what = "the exit of " + this;
    return waits.await(
        new Probe<Integer>() {
          @Override
          public Optional<Integer> poll() {
            OptionalInt code = exitCode();
            return code.isPresent() ? Optional.of(code.getAsInt()) : Optional.empty();
          }

          @Override
          public String description() {
            return what;
          }

          @Override
          public Predicate<LogEvent> wakesOn() {
            return entry ->
                entry instanceof LogEvent.ProcessExited exit && name.equals(exit.component());
          }
        },
        timeout);
  }
}
