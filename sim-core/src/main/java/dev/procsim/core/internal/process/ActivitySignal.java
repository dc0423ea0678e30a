package dev.procsim.core.internal.process;

import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the one thread that watches a process for idleness (a stepped run's stepper) when its pumps
 * move: a message written to its stdin, a line read from its stdout. Black-box idle detection has
 * to look at the process from outside, and these moments are when a look is worth taking: the
 * watcher parks between looks and is woken by them instead of guessing how long to wait.
 *
 * <pre>{@code
 * signal.watch(Thread.currentThread());   // the watcher, before it parks
 * signal.moved();                          // a pump, after a write or a line
 * signal.watch(null);
 * }</pre>
 */
public final class ActivitySignal {
  private volatile Thread watcher;

  /** The thread to wake from now on, or null for none. */
  public void watch(Thread thread) {
    watcher = thread;
  }

  /** Something moved: wakes the watcher, if any (a spare wake-up only costs it one look). */
  public void moved() {
    Thread thread = watcher;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
