package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The threads blocked on a {@link LogStore}, and how an append wakes them: a waiter for some kind
 * of entry ({@link #awaitMatching}) is woken only by an entry of that kind; a waiter for a state of
 * the store ({@link #awaitState}) by every append. Once sealed (the simulator closed) or failed
 * (part of the record lost), every wait returns at once. Every method is called holding the store's
 * lock.
 *
 * <pre>{@code
 * waiters.appended(table, index);                               // in the store's append
 * boolean found = waiters.awaitMatching(entries, seen, e -> e instanceof LogEvent.ProcessExited, deadline);
 * }</pre>
 */
final class LogWaiters {
  private final ReentrantLock lock;
  private final Condition changed;
  private final List<Watcher> watchers = new ArrayList<>();
  private boolean sealed;
  private String failure;

  /** A blocked wait that wants to hear only of entries its filter accepts. */
  private static final class Watcher {
    final Predicate<LogEvent> filter;
    final Condition woken;
    boolean fired;

    Watcher(Predicate<LogEvent> filter, Condition woken) {
      this.filter = filter;
      this.woken = woken;
    }
  }

  LogWaiters(ReentrantLock lock) {
    this.lock = lock;
    this.changed = lock.newCondition();
  }

  /** Entry {@code index} of {@code entries} was appended: wakes whoever it concerns. */
  void appended(EventTable entries, int index) {
    changed.signalAll();
    if (watchers.isEmpty()) {
      return;
    }
    LogEvent entry = entries.get(index);
    for (int i = 0; i < watchers.size(); i++) {
      Watcher watcher = watchers.get(i);
      if (!watcher.fired && watcher.filter.test(entry)) {
        watcher.fired = true;
        watcher.woken.signal();
      }
    }
  }

  /**
   * Blocks until an entry at index {@code seen} of {@code entries} or later matches {@code filter},
   * the store is sealed, or the deadline ({@link System#nanoTime}) passes; true when one does.
   */
  boolean awaitMatching(
      EventTable entries, int seen, Predicate<LogEvent> filter, long deadlineNanos)
      throws InterruptedException {
    for (int i = seen; i < entries.size(); i++) {
      if (filter.test(entries.get(i))) {
        return true;
      }
    }
    Watcher watcher = new Watcher(filter, lock.newCondition());
    watchers.add(watcher);
    try {
      while (!watcher.fired && !sealed && failure == null) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        watcher.woken.awaitNanos(left);
      }
      return watcher.fired;
    } finally {
      watchers.remove(watcher);
    }
  }

  /** Blocks until {@code reached} holds, the store is sealed, or the deadline passes. */
  void awaitState(BooleanSupplier reached, long deadlineNanos) throws InterruptedException {
    while (!sealed && failure == null && !reached.getAsBoolean()) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      changed.awaitNanos(left);
    }
  }

  /** The store is final: every wait returns now. */
  void seal() {
    sealed = true;
    changed.signalAll();
    watchers.forEach(watcher -> watcher.woken.signal());
  }

  boolean isSealed() {
    return sealed;
  }

  /** The simulation lost part of its record: every wait returns now, and from now on at once. */
  void fail(String problem) {
    if (failure == null) {
      failure = problem;
    }
    changed.signalAll();
    watchers.forEach(watcher -> watcher.woken.signal());
  }

  /** Why waits fail at once, or null. */
  String failure() {
    return failure;
  }
}
