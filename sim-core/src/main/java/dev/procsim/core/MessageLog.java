package dev.procsim.core;

import dev.procsim.core.internal.log.LogFingerprint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The record of everything that happened in a simulation: every message with its fate, every line
 * components printed, process starts and exits, protocol errors. Append-only and thread-safe; all
 * lists returned are snapshots.
 *
 * <p>Waiting is event-driven: {@link #awaitMessage} wakes on every change of the log, with no poll
 * interval, so a test waits exactly as long as the system takes.
 *
 * <pre>{@code
 * Message m = sim.log().awaitMessage(
 *     msg -> msg.to().equals("p2") && msg.fate() == Fate.DELIVERED, Duration.ofSeconds(5));
 * List<Message> all = sim.log().messages();
 * System.out.println(sim.log().describeTail(20));
 * }</pre>
 */
public interface MessageLog {

  /** All messages, in send order, each in its current state. */
  List<Message> messages();

  /** All log entries, in order. */
  List<LogEvent> events();

  /**
   * The protocol errors recorded so far, in order: of each kind from each component the first 100;
   * later ones are counted ({@link #protocolErrorCount()}, {@link LogEvent.ProtocolErrorsCounted}).
   */
  List<LogEvent.ProtocolError> protocolErrors();

  /** How many protocol errors there were so far, counted ones included: the exact number. */
  default long protocolErrorCount() {
    return protocolErrors().size();
  }

  /** The message with this id, in its current state. */
  Message message(long id);

  /** Number of entries in the log. */
  int size();

  /**
   * How many messages were sent so far (network-made copies included), without taking a snapshot of
   * them: what a progress display asks often.
   */
  default long messageCount() {
    return messages().size();
  }

  /**
   * Waits until a message matches {@code condition} and returns it. Messages are tested in their
   * current state: first every message already in the log, in send order, then each message again
   * whenever the log records something about it (sent, delivered, dropped, undeliverable). When
   * several match, the one sent first is returned. In a stepped run the wait drives the simulation:
   * it steps until the condition holds (tested between steps), and fails at once when the run goes
   * quiet first.
   *
   * @throws AssertionError when nothing matched within {@code timeout}; its text says what was
   *     awaited and shows the end of the log
   */
  default Message awaitMessage(Predicate<Message> condition, Duration timeout) {
    return awaitMessage("a message matching the condition", condition, timeout);
  }

  /**
   * {@link #awaitMessage(Predicate, Duration)} with words for what is awaited, which a time-out
   * names instead of "a message matching the condition":
   *
   * <pre>{@code
   * sim.log().awaitMessage("the leader's commit", m -> m.body().startsWith("commit"), timeout);
   * // AssertionError: timed out after 5 s waiting for the leader's commit; ... (the end of the log)
   * }</pre>
   */
  Message awaitMessage(String description, Predicate<Message> condition, Duration timeout);

  /**
   * Waits until an entry of the log matches {@code condition} and returns the first that does,
   * looking at entries already present first. Each entry is tested once, in log order, so the
   * condition may count entries as they go by.
   *
   * @throws AssertionError when nothing matched within {@code timeout}, showing the end of the log
   */
  default LogEvent awaitEvent(Predicate<LogEvent> condition, Duration timeout) {
    return awaitEvent("a log entry matching the condition", condition, timeout);
  }

  /**
   * {@link #awaitEvent(Predicate, Duration)} with words for what is awaited, which a time-out names
   * instead of "a log entry matching the condition".
   */
  LogEvent awaitEvent(String description, Predicate<LogEvent> condition, Duration timeout);

  /**
   * The logical content of the log, one line per entry: sends, copies, outputs, starts, exits,
   * faults and protocol errors in order with their endpoints and bodies, then each message's final
   * fate. Times, pids, stderr and the moments fates were recorded are left out. Two stepped runs of
   * deterministic components with one seed have equal logical entries.
   */
  List<String> logicalEntries();

  /** A SHA-256 (hex) of {@link #logicalEntries()}: equal for runs that did the same things. */
  String fingerprint();

  /** Where this log's logical entries first differ from {@code other}'s, if they do. */
  Optional<String> firstDifference(MessageLog other);

  /**
   * Where two lists of {@link #logicalEntries()} (say, of two runs, kept when each ended) first
   * differ, with a few entries of context; empty when they are the same.
   */
  static Optional<String> firstDifference(List<String> first, List<String> second) {
    return LogFingerprint.firstDifference(first, second);
  }

  /** The last {@code count} entries, one per line, with sequence number and time. */
  String describeTail(int count);

  /** The given entries, one per line, with sequence number and time, as failures show them. */
  String describe(List<? extends LogEvent> entries);
}
