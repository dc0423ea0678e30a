package dev.procsim.core.internal;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.MessageLog;
import dev.procsim.core.SimulationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The writable message log. Every append takes one lock, stamps the entry with the next sequence
 * number and the clock's time, and wakes every waiter, so waiting needs no polling.
 *
 * <pre>{@code
 * RecordingLog log = new RecordingLog(new RealClock());
 * Message m = log.recordSent("p1", "p2", "hello");
 * log.recordDelivered(m.id());
 * }</pre>
 */
public final class RecordingLog implements MessageLog {
  /** Entries shown at the end of a timed-out wait. */
  private static final int TAIL_ON_TIMEOUT = 30;

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayList<LogEvent> events = new ArrayList<>();
  private final ArrayList<Message> messages = new ArrayList<>();
  private final ArrayList<LogEvent.ProtocolError> protocolErrors = new ArrayList<>();
  // Per-component views of the output entries, kept under the same lock as the log itself, so a
  // reader who saw an entry in the log also sees it in the component's lines.
  private final Map<String, OutputCapture> outputByComponent = new HashMap<>();
  private final Map<String, OutputCapture> errorsByComponent = new HashMap<>();
  private final int outputLimit;
  private volatile Stepper stepper;
  private final Map<String, Integer> exitCodeByComponent = new HashMap<>();

  /** Lines kept per component and stream when no limit is given. */
  public static final int DEFAULT_OUTPUT_LIMIT = 100_000;

  /** A log whose entries are stamped by {@code clock}, keeping the default number of lines. */
  public RecordingLog(Clock clock) {
    this(clock, DEFAULT_OUTPUT_LIMIT);
  }

  /**
   * A log whose entries are stamped by {@code clock}; of each component's stdout and stderr it
   * keeps the first {@code outputLimit} lines and counts the rest.
   */
  public RecordingLog(Clock clock, int outputLimit) {
    this.clock = clock;
    this.outputLimit = outputLimit;
  }

  /** Records a new message in flight and returns it with its id. */
  public Message recordSent(String from, String to, String body) {
    lock.lock();
    try {
      long now = clock.nanos();
      Message message =
          new Message(messages.size() + 1L, from, to, body, Fate.IN_FLIGHT, "", now, 0);
      messages.add(message);
      append(new LogEvent.Sent(nextSeq(), now, message.id(), from, to, body));
      return message;
    } finally {
      lock.unlock();
    }
  }

  /** Records a network-made copy of {@code original}, in flight, and returns it. */
  public Message recordDuplicate(Message original) {
    lock.lock();
    try {
      long now = clock.nanos();
      Message copy =
          new Message(
              messages.size() + 1L,
              original.from(),
              original.to(),
              original.body(),
              Fate.IN_FLIGHT,
              "",
              now,
              original.id());
      messages.add(copy);
      append(
          new LogEvent.Duplicated(
              nextSeq(), now, copy.id(), original.id(), copy.from(), copy.to(), copy.body()));
      return copy;
    } finally {
      lock.unlock();
    }
  }

  /** Records an injected or lifted fault. */
  public void recordFault(String kind, String detail) {
    lock.lock();
    try {
      append(new LogEvent.FaultInjected(nextSeq(), clock.nanos(), kind, detail));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records, as one atomic step, a send line that cannot be routed: the message (at once {@link
   * Fate#UNDELIVERABLE} with {@code problem} as reason) and the protocol error. Whoever sees the
   * message's fate also sees the error.
   */
  public Message recordRejectedSend(
      String component, String target, String body, String line, String problem) {
    lock.lock();
    try {
      Message message = recordSent(component, target, body);
      recordProtocolError(component, line, problem);
      recordUndeliverable(message.id(), problem);
      return messages.get((int) (message.id() - 1));
    } finally {
      lock.unlock();
    }
  }

  /**
   * In a stepped run, log waits drive the stepper: the simulation advances while a test waits on
   * the log, and stops at the step where the awaited thing happened.
   */
  public void driveWith(Stepper driver) {
    this.stepper = driver;
  }

  /** Waits (without driving anything) until message {@code id} has a final fate or the deadline. */
  public void awaitFate(long id, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (id >= 1 && id <= messages.size() && !messages.get((int) (id - 1)).fate().isFinal()) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return;
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Marks a message delivered; false when it already had a final fate. */
  public boolean recordDelivered(long id) {
    return recordFate(id, Fate.DELIVERED, "");
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
      int index = Math.toIntExact(id - 1);
      Message current = messages.get(index);
      if (current.fate().isFinal()) {
        return false;
      }
      Message updated = current.withFate(fate, reason);
      messages.set(index, updated);
      long now = clock.nanos();
      String from = updated.from();
      String to = updated.to();
      append(
          switch (fate) {
            case DELIVERED -> new LogEvent.Delivered(nextSeq(), now, id, from, to);
            case DROPPED -> new LogEvent.Dropped(nextSeq(), now, id, from, to, reason);
            case UNDELIVERABLE -> new LogEvent.Undeliverable(nextSeq(), now, id, from, to, reason);
            case IN_FLIGHT -> throw new IllegalArgumentException("not a final fate: " + fate);
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
      for (Message message : messages) {
        if (message.fate() == Fate.IN_FLIGHT) {
          recordFate(message.id(), Fate.UNDELIVERABLE, reason);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a stdout line that was not a message, unless the component's limit is reached: then it
   * is only counted. Says which.
   */
  public OutputCapture.Outcome recordOutput(String component, String line) {
    lock.lock();
    try {
      OutputCapture.Outcome outcome = captureOf(outputByComponent, component).add(line);
      if (outcome == OutputCapture.Outcome.KEPT) {
        append(new LogEvent.Output(nextSeq(), clock.nanos(), component, line));
      }
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  /** Records a stderr line, unless the component's limit is reached: then it is only counted. */
  public OutputCapture.Outcome recordErrorOutput(String component, String line) {
    lock.lock();
    try {
      OutputCapture.Outcome outcome = captureOf(errorsByComponent, component).add(line);
      if (outcome == OutputCapture.Outcome.KEPT) {
        append(new LogEvent.ErrorOutput(nextSeq(), clock.nanos(), component, line));
      }
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  /** Records how many lines of {@code component} were counted but not kept since the last time. */
  public void recordDiscardedOutput(String component) {
    lock.lock();
    try {
      reportDiscarded(component, "stdout", outputByComponent.get(component));
      reportDiscarded(component, "stderr", errorsByComponent.get(component));
    } finally {
      lock.unlock();
    }
  }

  private void reportDiscarded(String component, String stream, OutputCapture capture) {
    long count = capture == null ? 0 : capture.takeUnreported();
    if (count > 0) {
      append(
          new LogEvent.OutputDiscarded(
              nextSeq(), clock.nanos(), component, stream, count, capture.limit()));
    }
  }

  /** Records that a running process closed its stdout. */
  public void recordStdoutClosed(String component, long pid) {
    lock.lock();
    try {
      append(new LogEvent.StdoutClosed(nextSeq(), clock.nanos(), component, pid));
    } finally {
      lock.unlock();
    }
  }

  private OutputCapture captureOf(Map<String, OutputCapture> captures, String component) {
    return captures.computeIfAbsent(component, c -> new OutputCapture(outputLimit));
  }

  /** The kept stdout lines of {@code component} that were not messages, in order. */
  public List<String> outputOf(String component) {
    lock.lock();
    try {
      OutputCapture capture = outputByComponent.get(component);
      return capture == null ? List.of() : capture.kept();
    } finally {
      lock.unlock();
    }
  }

  /** The kept stderr lines of {@code component}, in order. */
  public List<String> errorsOf(String component) {
    lock.lock();
    try {
      OutputCapture capture = errorsByComponent.get(component);
      return capture == null ? List.of() : capture.kept();
    } finally {
      lock.unlock();
    }
  }

  /** The last {@code count} (at most 10) stderr lines of {@code component}, kept or not. */
  public List<String> lastErrorsOf(String component, int count) {
    lock.lock();
    try {
      OutputCapture capture = errorsByComponent.get(component);
      return capture == null ? List.of() : capture.recent(count);
    } finally {
      lock.unlock();
    }
  }

  /** Records a process start. */
  public void recordStarted(String component, long pid, List<String> command) {
    lock.lock();
    try {
      append(new LogEvent.ProcessStarted(nextSeq(), clock.nanos(), component, pid, command));
      exitCodeByComponent.remove(component);
    } finally {
      lock.unlock();
    }
  }

  /** Records a process exit and returns the entry. */
  public LogEvent.ProcessExited recordExited(
      String component, long pid, int exitCode, List<String> lastErrors) {
    lock.lock();
    try {
      LogEvent.ProcessExited exit =
          new LogEvent.ProcessExited(
              nextSeq(), clock.nanos(), component, pid, exitCode, lastErrors);
      append(exit);
      exitCodeByComponent.put(component, exitCode);
      return exit;
    } finally {
      lock.unlock();
    }
  }

  /** The exit code of {@code component}, once its exit is recorded. */
  public OptionalInt exitCodeOf(String component) {
    lock.lock();
    try {
      Integer code = exitCodeByComponent.get(component);
      return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    } finally {
      lock.unlock();
    }
  }

  /** Records a protocol error and returns the entry. */
  public LogEvent.ProtocolError recordProtocolError(String component, String line, String problem) {
    lock.lock();
    try {
      LogEvent.ProtocolError error =
          new LogEvent.ProtocolError(
              nextSeq(), clock.nanos(), component, Texts.clip(line), problem);
      protocolErrors.add(error);
      append(error);
      return error;
    } finally {
      lock.unlock();
    }
  }

  private long nextSeq() {
    return events.size() + 1L;
  }

  private void append(LogEvent event) {
    events.add(event);
    changed.signalAll();
  }

  @Override
  public List<Message> messages() {
    return snapshot(messages);
  }

  @Override
  public List<LogEvent> events() {
    return snapshot(events);
  }

  @Override
  public List<LogEvent.ProtocolError> protocolErrors() {
    return snapshot(protocolErrors);
  }

  private <T> List<T> snapshot(List<T> list) {
    lock.lock();
    try {
      return List.copyOf(list);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Message message(long id) {
    lock.lock();
    try {
      if (id < 1 || id > messages.size()) {
        throw new IllegalArgumentException(
            "no message #" + id + "; the log holds messages #1 to #" + messages.size());
      }
      return messages.get((int) (id - 1));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    lock.lock();
    try {
      return events.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Message awaitMessage(Predicate<Message> condition, Duration timeout) {
    return awaitMessage("a message matching the condition", condition, timeout);
  }

  /**
   * {@link #awaitMessage(Predicate, Duration)} with a description of the condition, which the
   * time-out error shows.
   */
  public Message awaitMessage(String description, Predicate<Message> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (stepper != null) {
      return stepped(
          () -> messages().stream().filter(condition).findFirst(), description, timeout, deadline);
    }
    List<Message> candidates;
    int cursor;
    lock.lock();
    try {
      // One lock for both: a change between a snapshot and its cursor would be missed.
      candidates = List.copyOf(messages);
      cursor = events.size();
    } finally {
      lock.unlock();
    }
    while (true) {
      Optional<Message> match = candidates.stream().filter(condition).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
      lock.lock();
      try {
        awaitGrowth(cursor, deadline, description, timeout);
        TreeSet<Long> touched = new TreeSet<>();
        for (int i = cursor; i < events.size(); i++) {
          messageIdOf(events.get(i)).ifPresent(touched::add);
        }
        cursor = events.size();
        candidates = new ArrayList<>(touched.size());
        for (long id : touched) {
          candidates.add(messages.get((int) (id - 1)));
        }
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public LogEvent awaitEvent(Predicate<LogEvent> condition, Duration timeout) {
    return awaitEvent("a log entry matching the condition", condition, timeout);
  }

  /**
   * {@link #awaitEvent(Predicate, Duration)} with a description of the condition, which the
   * time-out error shows.
   */
  public LogEvent awaitEvent(String description, Predicate<LogEvent> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (stepper != null) {
      // Each entry is tested once, in order, as the contract says: keep a cursor across checks.
      int[] cursor = {0};
      LogEvent[] found = {null};
      return stepped(
          () -> {
            if (found[0] == null) {
              List<LogEvent> all = events();
              while (cursor[0] < all.size() && found[0] == null) {
                LogEvent event = all.get(cursor[0]++);
                if (condition.test(event)) {
                  found[0] = event;
                }
              }
            }
            return Optional.ofNullable(found[0]);
          },
          description,
          timeout,
          deadline);
    }
    int cursor = 0;
    while (true) {
      List<LogEvent> fresh;
      lock.lock();
      try {
        if (cursor == events.size()) {
          awaitGrowth(cursor, deadline, description, timeout);
        }
        fresh = List.copyOf(events.subList(cursor, events.size()));
        cursor = events.size();
      } finally {
        lock.unlock();
      }
      Optional<LogEvent> match = fresh.stream().filter(condition).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
    }
  }

  /** A wait in a stepped run: the stepper runs until {@code lookup} finds something. */
  private <T> T stepped(
      java.util.function.Supplier<Optional<T>> lookup,
      String description,
      Duration timeout,
      long deadline) {
    Object[] result = {null};
    Stepper.Outcome outcome;
    try {
      outcome =
          stepper.runUntil(
              () -> {
                Optional<T> match = lookup.get();
                match.ifPresent(m -> result[0] = m);
                return match.isPresent();
              },
              deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while waiting for " + description, e);
    }
    if (outcome == Stepper.Outcome.MET) {
      @SuppressWarnings("unchecked")
      T found = (T) (result[0] != null ? result[0] : lookup.get().orElseThrow());
      return found;
    }
    throw new AssertionError(
        (outcome == Stepper.Outcome.QUIET
                ? "the stepped simulation went quiet without "
                : "timed out after " + formatDuration(timeout) + " waiting for ")
            + description
            + "; the log has "
            + size()
            + " entries, ending with:\n"
            + describeTail(TAIL_ON_TIMEOUT));
  }

  /** Blocks, holding the lock, until the log has more than {@code cursor} entries. */
  private void awaitGrowth(int cursor, long deadline, String description, Duration timeout) {
    while (events.size() == cursor) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "timed out after "
                + formatDuration(timeout)
                + " waiting for "
                + description
                + "; the log has "
                + messages.size()
                + " messages and "
                + events.size()
                + " entries, ending with:\n"
                + describeTail(TAIL_ON_TIMEOUT));
      }
      try {
        changed.awaitNanos(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SimulationException("interrupted while waiting for " + description, e);
      }
    }
  }

  private static Optional<Long> messageIdOf(LogEvent event) {
    return event instanceof LogEvent.MessageEvent about
        ? Optional.of(about.messageId())
        : Optional.empty();
  }

  @Override
  public List<String> logicalEntries() {
    lock.lock();
    try {
      return LogFingerprint.entries(List.copyOf(events), List.copyOf(messages));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String fingerprint() {
    return LogFingerprint.of(logicalEntries());
  }

  @Override
  public Optional<String> firstDifference(MessageLog other) {
    return LogFingerprint.firstDifference(logicalEntries(), other.logicalEntries());
  }

  @Override
  public String describeTail(int count) {
    List<LogEvent> all = events();
    List<LogEvent> tail = all.subList(Math.max(0, all.size() - count), all.size());
    String text = describe(tail);
    return all.size() > tail.size()
        ? "  ... " + (all.size() - tail.size()) + " earlier entries\n" + text
        : text;
  }

  @Override
  public String describe(List<? extends LogEvent> entries) {
    if (entries.isEmpty()) {
      return "  (no entries)";
    }
    StringBuilder text = new StringBuilder();
    for (LogEvent event : entries) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(
          String.format(
              Locale.ROOT, "  %5d %9.3fs  %s", event.seq(), event.nanos() / 1e9, event.describe()));
    }
    return text.toString();
  }

  private static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? TimeUnit.MILLISECONDS.toSeconds(millis) + " s" : millis + " ms";
  }
}
