package dev.procsim.core.internal.assembly;

import dev.procsim.core.internal.component.ComponentRuntime;
import dev.procsim.core.internal.process.Teardown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a simulation and ends it: the state (not started, running, closed), the start of every
 * component through the scheduler, and the close that leaves nothing behind (nemesis stopped,
 * scheduler stopped, network closed, every process tree ended, every message given a fate, the log
 * sealed). Closing is idempotent, safe after a failed start, and finishes its work even when the
 * calling thread is interrupted (the interrupt is kept). A JVM shutdown hook closes what is open.
 *
 * <pre>{@code
 * Lifecycle lifecycle = new Lifecycle(assembly);
 * lifecycle.start();
 * lifecycle.requireRunning();
 * lifecycle.close();
 * }</pre>
 */
public final class Lifecycle implements AutoCloseable {
  /** How long close() waits for exits to be recorded once every process is dead. */
  private static final long SETTLE_MILLIS = 2_000;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final Assembly assembly;
  private final FaultControls faults;
  // Volatile and read without the monitor: a fault on another thread never waits for start().
  private volatile State state = State.NEW;
  private boolean closing;

  /** The lifecycle of {@code assembly}; not started. */
  public Lifecycle(Assembly assembly) {
    this.assembly = assembly;
    this.faults = new FaultControls(assembly, this);
  }

  /** The faults of this simulation. */
  public FaultControls faults() {
    return faults;
  }

  /**
   * Starts every component and, when configured, the nemesis. On failure the simulation is closed
   * (no process of it is left running) and the failure rethrown.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException(
          "the simulator was already " + (state == State.RUNNING ? "started" : "closed"));
    }
    state = State.RUNNING;
    OpenSimulators.add(this);
    try {
      if (!assembly.config().network().isReliable()) {
        assembly.network().setNetwork(assembly.config().network());
      }
      assembly.scheduler().start(assembly.components());
      assembly.config().nemesis().ifPresent(faults::startNemesis);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Throws an {@link IllegalStateException} saying why, unless the simulation is running. */
  public void requireRunning() {
    if (state != State.RUNNING) {
      throw new IllegalStateException(
          "the simulator is " + (state == State.NEW ? "not started" : "closed"));
    }
  }

  /** Whether it has not been started yet. */
  public boolean isNew() {
    return state == State.NEW;
  }

  @Override
  public void close() {
    synchronized (this) {
      // Checked and marked in one step: a second close (say, the shutdown hook's) returns at once.
      // The state stays RUNNING until the nemesis has stopped, so it never acts on a closed sim.
      if (closing) {
        return;
      }
      closing = true;
    }
    // Not worth lifting the last fault (restarting a process only to kill it) when closing.
    boolean interrupted = faults.stopNemesis(false);
    for (ComponentRuntime component : assembly.components()) {
      component.refuseFaults("the simulator is closing");
    }
    assembly.scheduler().close();
    synchronized (this) {
      state = State.CLOSED;
    }
    assembly.network().close();
    interrupted |= Thread.interrupted();
    List<ProcessHandle> survivors = endEveryProcess(interrupted);
    interrupted |= Thread.interrupted();
    assembly.store().resolveInFlight("the simulator closed before the message was delivered");
    assembly.store().seal();
    assembly.exitHandlers().shutdown();
    for (ComponentRuntime component : assembly.components()) {
      component.refuseFaults("the simulator is closed");
    }
    OpenSimulators.remove(this);
    if (!survivors.isEmpty()) {
      List<Long> pids = new ArrayList<>();
      survivors.forEach(p -> pids.add(p.pid()));
      System.err.println(
          "procsim: processes of run " + assembly.runId() + " survived SIGKILL: " + pids);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the teardown to its end, without grace periods once interrupted; returns the processes
   * that survived SIGKILL (none, unless the kernel refused).
   */
  private List<ProcessHandle> endEveryProcess(boolean interrupted) {
    Duration grace = interrupted ? Duration.ZERO : assembly.config().closeGrace();
    boolean interruptedHere = false;
    List<ProcessHandle> survivors;
    while (true) {
      try {
        survivors =
            Teardown.run(assembly.components(), assembly.runId(), assembly.containment(), grace);
        for (ComponentRuntime component : assembly.components()) {
          component.awaitSettled(SETTLE_MILLIS);
        }
        break;
      } catch (InterruptedException e) {
        interruptedHere = true;
        grace = Duration.ZERO;
      }
    }
    if (interruptedHere) {
      Thread.currentThread().interrupt();
    }
    return survivors;
  }
}
