package dev.procsim.core.internal.log;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The append-only store behind a simulation's message log. Every append takes one lock, stamps the
 * entry with the next sequence number and the simulation clock's time, and wakes the waiters it
 * concerns ({@link LogWaiters}), so waiting on it needs no polling. The per-component views live
 * under the same lock ({@link ComponentRecords}). Once {@link #seal() sealed} (the simulator
 * closed), waits on it return at once: nothing more will come.
 *
 * <pre>{@code
 * LogStore store = new LogStore(clock, 100_000);
 * Message m = store.recordSent("p1", "p2", "hello");
 * store.recordDelivered(m.id());
 * }</pre>
 */
public final class LogStore {
  private final LongSupplier clock;
  private final ReentrantLock lock = new SpinThenParkLock();
  private final LogWaiters waiters = new LogWaiters(lock);
  private final MessageTable messages = new MessageTable();
  private final EventTable events = new EventTable(messages);
  private final ComponentRecords components;
  private final ProtocolErrors errors = new ProtocolErrors(this);

  /**
   * A store whose entries are stamped by {@code clock} (nanoseconds of simulation time); of each
   * component's stdout and stderr it keeps the first {@code outputLimit} lines and counts the rest.
   */
  public LogStore(LongSupplier clock, int outputLimit) {
    this(clock, outputLimit, new OutputBudget(Long.MAX_VALUE, Long.MAX_VALUE));
  }

  /** A store that also keeps no more output text than {@code budget} allows. */
  public LogStore(LongSupplier clock, int outputLimit, OutputBudget budget) {
    this.clock = clock;
    this.components = new ComponentRecords(this, outputLimit, budget);
  }

  /** The protocol errors recorded in this log, and those only counted. */
  public ProtocolErrors errors() {
    return errors;
  }

  /** What each component printed, its starts and its exits, recorded in this log. */
  public ComponentRecords components() {
    return components;
  }

  // ---------------------------------------------------------------- messages

  /** Records a new message in flight and returns it with its id. */
  public Message recordSent(String from, String to, String body) {
    lock.lock();
    try {
      long now = now();
      long id = messages.add(from, to, body, now, 0);
      waiters.appended(events, events.addSent(now, id));
      return new Message(id, from, to, body, Fate.IN_FLIGHT, "", now, 0);
    } finally {
      lock.unlock();
    }
  }

  /** Records a network-made copy of {@code original}, in flight, and returns it. */
  public Message recordDuplicate(Message original) {
    lock.lock();
    try {
      // Sent with the original: its delay counts from the same send, however late this entry is
      // written (a copy's time to delivery was shorter than its latency otherwise).
      long sentAt = original.sentAtNanos();
      long id =
          messages.add(original.from(), original.to(), original.body(), sentAt, original.id());
      Message copy =
          new Message(
              id,
              original.from(),
              original.to(),
              original.body(),
              Fate.IN_FLIGHT,
              "",
              sentAt,
              original.id());
      append(
          new LogEvent.Duplicated(
              nextSeq(), now(), copy.id(), original.id(), copy.from(), copy.to(), copy.body()));
      return copy;
    } finally {
      lock.unlock();
    }
  }

  /** Marks a message delivered; false when it already had a final fate. */
  public boolean recordDelivered(long id) {
    return recordFate(id, Fate.DELIVERED, "");
  }

  /**
   * Marks each of {@code delivering} delivered, in order, under one taking of the lock and at one
   * time: the lines of one write, which hand them over together. Says, per message, whether it was
   * marked (false: it already had a final fate, say the simulator closed).
   */
  public boolean[] recordDelivered(List<Message> delivering) {
    boolean[] marked = new boolean[delivering.size()];
    lock.lock();
    try {
      long now = now();
      for (int i = 0; i < marked.length; i++) {
        long id = delivering.get(i).id();
        if (messages.fate(id).isFinal()) {
          continue;
        }
        messages.setFate(id, Fate.DELIVERED, "");
        waiters.appended(events, events.addDelivered(now, id));
        marked[i] = true;
      }
    } finally {
      lock.unlock();
    }
    return marked;
  }

  /**
   * A message recorded as delivered whose write then failed: its fate becomes undeliverable, with
   * the reason, and the log shows both entries in order. Does nothing for any other fate.
   */
  public void correctToUndeliverable(long id, String reason) {
    lock.lock();
    try {
      if (messages.fate(id) != Fate.DELIVERED) {
        return;
      }
      String corrected = reason + " (the write of its line failed)";
      messages.setFate(id, Fate.UNDELIVERABLE, corrected);
      append(
          new LogEvent.Undeliverable(
              nextSeq(), now(), id, messages.from(id), messages.to(id), corrected));
    } finally {
      lock.unlock();
    }
  }

  /** Marks a message undeliverable with the reason; false when it already had a final fate. */
  public boolean recordUndeliverable(long id, String reason) {
    return recordFate(id, Fate.UNDELIVERABLE, reason);
  }

  /** Marks a message dropped with the reason; false when it already had a final fate. */
  public boolean recordDropped(long id, String reason) {
    return recordFate(id, Fate.DROPPED, reason);
  }

  private boolean recordFate(long id, Fate fate, String reason) {
    lock.lock();
    try {
      if (messages.fate(id).isFinal()) {
        return false;
      }
      if (fate == Fate.DELIVERED) {
        messages.setFate(id, fate, "");
        waiters.appended(events, events.addDelivered(now(), id));
        return true;
      }
      messages.setFate(id, fate, reason);
      long now = now();
      String from = messages.from(id);
      String to = messages.to(id);
      append(
          switch (fate) {
            case DROPPED -> new LogEvent.Dropped(nextSeq(), now, id, from, to, reason);
            case UNDELIVERABLE -> new LogEvent.Undeliverable(nextSeq(), now, id, from, to, reason);
            case DELIVERED, IN_FLIGHT ->
                throw new IllegalArgumentException("not a final fate: " + fate);
          });
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives every message still in flight the fate {@link Fate#UNDELIVERABLE} with {@code reason}, so
   * that a closed simulation has no message without a fate.
   */
  public void resolveInFlight(String reason) {
    lock.lock();
    try {
      for (long id = 1; id <= messages.size(); id++) {
        if (messages.fate(id) == Fate.IN_FLIGHT) {
          recordFate(id, Fate.UNDELIVERABLE, reason);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- faults, errors, warnings

  /** Records an injected or lifted fault. */
  public void recordFault(String kind, String detail) {
    lock.lock();
    try {
      append(new LogEvent.FaultInjected(nextSeq(), now(), kind, detail));
    } finally {
      lock.unlock();
    }
  }

  /** Records a warning from procsim itself. */
  public void recordWarning(String text) {
    lock.lock();
    try {
      append(new LogEvent.Warning(nextSeq(), now(), text));
    } finally {
      lock.unlock();
    }
  }

  /** The next sequence number; call holding the lock. */
  long nextSeq() {
    return events.nextSeq();
  }

  /** The simulation time now; call holding the lock, so times never go back along the log. */
  long now() {
    return clock.getAsLong();
  }

  /** Appends an entry and wakes the waiters it concerns; call holding the lock. */
  void append(LogEvent event) {
    waiters.appended(events, events.add(event));
  }

  /** The one lock of the log and its views. */
  ReentrantLock lock() {
    return lock;
  }

  // ---------------------------------------------------------------- reading

  /** Every message, in its current state, in send order. */
  public List<Message> messages() {
    lock.lock();
    try {
      return allMessages();
    } finally {
      lock.unlock();
    }
  }

  private List<Message> allMessages() {
    List<Message> all = new ArrayList<>(messages.size());
    for (long id = 1; id <= messages.size(); id++) {
      all.add(messages.get(id));
    }
    return Collections.unmodifiableList(all);
  }

  /** Every entry, in order: a view of the entries there are now, each made when read. */
  public List<LogEvent> events() {
    return eventsFrom(0);
  }

  /** The entries from index {@code from} (0-based) on. */
  public List<LogEvent> eventsFrom(int from) {
    lock.lock();
    try {
      return new EventView(lock, events, from, events.size());
    } finally {
      lock.unlock();
    }
  }

  /** The message with this id, in its current state. */
  public Message message(long id) {
    lock.lock();
    try {
      return messages.get(id);
    } finally {
      lock.unlock();
    }
  }

  /** How many messages the log has. */
  public long messageCount() {
    lock.lock();
    try {
      return messages.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many entries the log has. */
  public int size() {
    lock.lock();
    try {
      return events.size();
    } finally {
      lock.unlock();
    }
  }

  /** The messages with these ids (from the log's own entries), in their current state. */
  public List<Message> messages(Collection<Long> ids) {
    lock.lock();
    try {
      List<Message> current = new ArrayList<>(ids.size());
      for (long id : ids) {
        current.add(messages.get(id));
      }
      return current;
    } finally {
      lock.unlock();
    }
  }

  /** The logical entries ({@link LogFingerprint}), read in one step. */
  public List<String> logicalEntries() {
    lock.lock();
    try {
      return LogFingerprint.entries(new EventView(lock, events, 0, events.size()), allMessages());
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Blocks until an entry at index {@code seen} or later matches {@code filter}, the store is
   * sealed, or the deadline ({@link System#nanoTime}) passes; the entries that do not match wake
   * nobody. Returns true when there is such an entry.
   */
  public boolean awaitEntry(int seen, Predicate<LogEvent> filter, long deadlineNanos)
      throws InterruptedException {
    lock.lock();
    try {
      return waiters.awaitMatching(events, seen, filter, deadlineNanos);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until message {@code id} has a final fate, the store is sealed, or the deadline. */
  public void awaitFate(long id, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      waiters.awaitState(
          () -> !messages.contains(id) || messages.fate(id).isFinal(), deadlineNanos);
    } finally {
      lock.unlock();
    }
  }

  /** Marks the log final: the simulator closed. Waits return at once from now on. */
  public void seal() {
    lock.lock();
    try {
      waiters.seal();
    } finally {
      lock.unlock();
    }
  }

  /** Part of the record is lost: every wait returns now, and from now on at once. Under lock. */
  void failWaits(String problem) {
    waiters.fail(problem);
  }

  /** Why the log is incomplete (a {@link LogEvent.ReaderFailed}'s description), or null. */
  public String failure() {
    lock.lock();
    try {
      return waiters.failure();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the log is final. */
  public boolean isSealed() {
    lock.lock();
    try {
      return waiters.isSealed();
    } finally {
      lock.unlock();
    }
  }
}
