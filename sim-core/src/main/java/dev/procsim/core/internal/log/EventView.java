package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unmodifiable list of a range of the log's entries as they were when it was taken: entries are
 * never changed once appended, so the range needs no copy. Each entry is made when it is read
 * ({@link EventTable#get}), under the log's lock, so a view of a million entries costs a few bytes
 * until it is read.
 *
 * <pre>{@code
 * List<LogEvent> all = new EventView(lock, table, 0, table.size());
 * }</pre>
 */
final class EventView extends AbstractList<LogEvent> implements RandomAccess {
  private final ReentrantLock lock;
  private final EventTable table;
  private final int from;
  private final int size;

  /** Entries {@code from} (inclusive) to {@code to} (exclusive) of {@code table}. */
  EventView(ReentrantLock lock, EventTable table, int from, int to) {
    this.lock = lock;
    this.table = table;
    this.from = from;
    this.size = Math.max(0, to - from);
  }

  @Override
  public LogEvent get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("entry " + index + " of " + size);
    }
    lock.lock();
    try {
      return table.get(from + index);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    return size;
  }
}
