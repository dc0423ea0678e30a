package dev.procsim.core.internal.process;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where one simulation's processes are kept together beyond their marks and their tree: its {@link
 * RunCgroup}, made when the first process starts (a simulator that is built but never started makes
 * none), or nothing where the platform allows none. Thread-safe.
 *
 * <pre>{@code
 * RunContainment containment = new RunContainment(runId);
 * Process p = containment.start(builder::start);
 * List<ProcessHandle> killed = containment.endAll();   // at close
 * containment.remove();
 * }</pre>
 */
public final class RunContainment {
  private final String runId;
  private Optional<RunCgroup> cgroup; // null until the first start

  /** The containment of run {@code runId}. */
  public RunContainment(String runId) {
    this.runId = runId;
  }

  /** A containment that makes no cgroup: for processes that are not a simulation's. */
  public static RunContainment none() {
    RunContainment none = new RunContainment("none");
    none.cgroup = Optional.empty();
    return none;
  }

  private synchronized Optional<RunCgroup> cgroup(boolean create) {
    if (cgroup == null && create) {
      cgroup = RunCgroup.create(runId);
    }
    return cgroup == null ? Optional.empty() : cgroup;
  }

  /** Starts a process with {@code start}, inside the run's cgroup where there is one. */
  public Process start(Callable<Process> start) throws Exception {
    Optional<RunCgroup> inside = cgroup(true);
    return inside.isPresent() ? inside.get().start(start) : start.call();
  }

  /**
   * Kills whatever is still in the run's cgroup (whatever its marks say); returns what it killed.
   */
  public List<ProcessHandle> endAll() {
    return cgroup(false).map(RunCgroup::killAll).orElse(List.of());
  }

  /**
   * Whether every process of the run (and every descendant) is in its cgroup: true for cgroup v1,
   * where each is born inside; false for v2 (moved in after its start) and without a cgroup.
   */
  public boolean holdsEveryProcess() {
    return cgroup(false).map(RunCgroup::bornInside).orElse(false);
  }

  /** Removes the run's cgroup, once its processes are gone. */
  public void remove() {
    cgroup(false).ifPresent(RunCgroup::remove);
  }

  /** The run's cgroup, if it has one (made at the first start). */
  public Optional<RunCgroup> current() {
    return cgroup(false);
  }
}
