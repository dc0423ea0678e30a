package dev.procsim.core.internal.scheduling;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Knows when a component that speaks the acknowledgement protocol is idle: it has printed its
 * marker once since it started (ready), and once for every input handed to it since; or it has
 * exited. Waiting is on a condition, with no polling.
 *
 * <pre>{@code
 * tracker.started();          // a new process: not ready until its first marker
 * tracker.delivered();        // the stepper handed it an input
 * tracker.acknowledged();     // the router saw its marker line
 * tracker.awaitIdle(deadline);
 * }</pre>
 */
public final class AckTracker {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean ready;
  private boolean exited;
  private long outstanding;

  /** A new process: busy until its first marker. */
  public void started() {
    lock.lock();
    try {
      ready = false;
      exited = false;
      outstanding = 0;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** An input was handed to the process. */
  public void delivered() {
    lock.lock();
    try {
      outstanding++;
    } finally {
      lock.unlock();
    }
  }

  /**
   * An input counted by {@link #delivered()} was refused after all: it will not be acknowledged.
   */
  public void withdrawn() {
    lock.lock();
    try {
      if (outstanding > 0) {
        outstanding--;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The process printed its marker. */
  public void acknowledged() {
    lock.lock();
    try {
      if (!ready) {
        ready = true;
      } else if (outstanding > 0) {
        outstanding--;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The process exited: it will acknowledge nothing more, and is idle. */
  public void exited() {
    lock.lock();
    try {
      exited = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether it is idle now. */
  public boolean isIdle() {
    lock.lock();
    try {
      return exited || (ready && outstanding == 0);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until idle or the deadline ({@link System#nanoTime}); true when idle. */
  public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (!(exited || (ready && outstanding == 0))) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
