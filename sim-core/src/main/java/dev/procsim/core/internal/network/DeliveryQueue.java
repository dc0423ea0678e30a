package dev.procsim.core.internal.network;

import dev.procsim.core.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Messages waiting for their due time, ordered by (due time, sequence): of two messages due at the
 * same time, the one queued first leaves first, so a link without latency stays FIFO. Not
 * thread-safe: the network guards it with its lock.
 *
 * <pre>{@code
 * DeliveryQueue queue = new DeliveryQueue();
 * queue.add(clock.nanos() + latency, message);
 * DeliveryQueue.Pending due = queue.pollDue(clock.nanos());   // null until it is due
 * }</pre>
 */
public final class DeliveryQueue {
  /**
   * A message waiting in the queue.
   *
   * @param dueNanos simulation time at which it may be delivered
   * @param seq order of arrival in the queue, the tie-breaker
   * @param message the message
   */
  public record Pending(long dueNanos, long seq, Message message) {}

  private static final Comparator<Pending> ORDER =
      Comparator.comparingLong(Pending::dueNanos).thenComparingLong(Pending::seq);

  private final PriorityQueue<Pending> pending = new PriorityQueue<>(ORDER);
  private long nextSeq;

  /** Queues {@code message} for delivery at {@code dueNanos}. */
  public Pending add(long dueNanos, Message message) {
    Pending entry = new Pending(dueNanos, nextSeq++, message);
    pending.add(entry);
    return entry;
  }

  /** The next message to leave, or null when empty. */
  public Pending peek() {
    return pending.peek();
  }

  /** Removes and returns the next message if it is due at {@code nowNanos}, else null. */
  public Pending pollDue(long nowNanos) {
    Pending head = pending.peek();
    if (head == null || head.dueNanos() > nowNanos) {
      return null;
    }
    return pending.poll();
  }

  /** Removes and returns every message due at {@code nowNanos}, in (due time, sequence) order. */
  public List<Pending> pollAllDue(long nowNanos) {
    List<Pending> due = new ArrayList<>();
    Pending next;
    while ((next = pollDue(nowNanos)) != null) {
      due.add(next);
    }
    return due;
  }

  /** Puts back a message taken out by {@link #pollAllDue}, with its place in the order. */
  public void putBack(Pending entry) {
    // A Pending keeps its due time and sequence, so it goes back to the very same place.
    pending.add(entry);
  }

  /** Whether nothing is waiting. */
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** How many messages are waiting. */
  public int size() {
    return pending.size();
  }

  /** Removes and returns everything, in delivery order. */
  public List<Pending> drain() {
    List<Pending> all = new ArrayList<>(pending.size());
    Pending next;
    while ((next = pending.poll()) != null) {
      all.add(next);
    }
    return all;
  }
}
