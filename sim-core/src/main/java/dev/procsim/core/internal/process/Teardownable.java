package dev.procsim.core.internal.process;

import java.util.Optional;

/**
 * What {@link Teardown} needs of a component: to let a paused one run to its end, its process (if
 * it has one), and to stop writing to it.
 *
 * <pre>{@code
 * Teardown.run(List.of(component), runId, containment, Duration.ofMillis(500));
 * }</pre>
 */
public interface Teardownable {
  /** Lets a paused component run again, so it can see end of input or act on SIGTERM. */
  void resumeIfPaused();

  /** The root of its current process tree; empty for a component without a process. */
  Optional<ProcessHandle> processHandle();

  /** Stops delivering to it: what still waits becomes undeliverable with {@code reason}. */
  void closeInput(String reason);
}
