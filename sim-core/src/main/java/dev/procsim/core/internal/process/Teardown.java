package dev.procsim.core.internal.process;

import dev.procsim.core.internal.log.Deadlines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends every process of a simulation, whole trees included: close stdin and wait a grace period
 * (well-behaved nodes exit on end of input), then SIGTERM and wait again, then SIGKILL, and finally
 * SIGKILL anything still carrying the run's {@code PROCSIM_RUN} mark, such as daemons that left
 * their parent's tree, stopping them first and scanning again until nothing is left, and anything
 * left in the run's cgroup ({@link RunContainment}), such as a daemon that also dropped its mark.
 *
 * <pre>{@code
 * List<ProcessHandle> survivors =
 *     Teardown.run(components, runId, containment, Duration.ofMillis(500));
 * }</pre>
 */
public final class Teardown {
  /**
   * After SIGKILL the kernel needs only moments; this bounds the wait should something be stuck.
   */
  private static final Duration AFTER_KILL = Duration.ofSeconds(5);

  /** The most scans of the final sweep for marked processes. */
  private static final int MAX_SWEEPS = 1000;

  private Teardown() {}

  /**
   * Runs the sequence for {@code components}; returns the processes still alive at the end (none,
   * unless the kernel refused to kill them).
   */
  public static List<ProcessHandle> run(
      Collection<? extends Teardownable> components,
      String runId,
      RunContainment containment,
      Duration grace)
      throws InterruptedException {
    for (Teardownable component : components) {
      // A stopped process cannot see end of input or act on SIGTERM: let it run to its end.
      try {
        component.resumeIfPaused();
      } catch (RuntimeException e) {
        // It is killed below all the same.
      }
    }
    Set<ProcessHandle> roots = new LinkedHashSet<>();
    for (Teardownable component : components) {
      component.processHandle().ifPresent(roots::add);
    }
    Set<ProcessHandle> known = ProcessTree.expand(roots);
    for (Teardownable component : components) {
      component.closeInput("the simulator closed before the message was written");
    }
    if (!ProcessTree.awaitExit(known, deadline(grace))) {
      Set<ProcessHandle> remaining = ProcessTree.expand(known);
      ProcessTree.terminate(remaining);
      known.addAll(remaining);
      if (!ProcessTree.awaitExit(known, deadline(grace))) {
        known.addAll(ProcessTree.expand(known));
        ProcessTree.kill(known);
      }
    }
    // What left the tree and lost its mark (setsid env -i ...) is still in the run's cgroup. When
    // every process was born in it, nothing of the run is elsewhere: the marks need no scan of
    // every process's environment (a second or more with a thousand components).
    known.addAll(containment.endAll());
    if (!containment.holdsEveryProcess()) {
      known.addAll(endMarked(runId));
    }
    ProcessTree.awaitExit(known, deadline(AFTER_KILL));
    containment.remove();
    List<ProcessHandle> survivors = new ArrayList<>();
    for (ProcessHandle process : known) {
      if (process.isAlive()) {
        survivors.add(process);
      }
    }
    return survivors;
  }

  /**
   * Stops, then kills, every process that carries the run's mark, and scans again until two passes
   * in a row find none. Stopped first, all of one pass together: a process that forks in a loop
   * (its pid changing all the time) cannot fork again between the scan and the kill. Two empty
   * passes, because a child caught in the middle of its exec shows no environment for a moment.
   * Bounded: a process in uninterruptible sleep ignores SIGKILL until it wakes.
   */
  private static Set<ProcessHandle> endMarked(String runId) {
    Set<ProcessHandle> ended = new LinkedHashSet<>();
    int emptyPasses = 0;
    for (int pass = 0; pass < MAX_SWEEPS && emptyPasses < 2; pass++) {
      List<ProcessHandle> marked = ProcessTree.findByRun(runId);
      if (marked.isEmpty()) {
        emptyPasses++;
        continue;
      }
      emptyPasses = 0;
      try {
        ProcessTree.signal(marked, "STOP");
      } catch (IllegalStateException e) {
        // Killed all the same, just below.
      }
      ProcessTree.kill(marked);
      ended.addAll(marked);
    }
    return ended;
  }

  private static long deadline(Duration wait) {
    return Deadlines.after(wait);
  }
}
