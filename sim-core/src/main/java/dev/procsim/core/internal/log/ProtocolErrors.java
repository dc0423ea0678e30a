package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The protocol errors of a log, recorded one by one up to {@value #ONE_BY_ONE} of each kind from
 * each component, then only counted: a component that sends a million lines to an unknown target
 * costs a counter, not a million entries. The count stays exact ({@link #count()}), and when the
 * component exits the log gets one {@link LogEvent.ProtocolErrorsCounted} entry per kind with the
 * number not recorded. A kind is the problem's text with its quoted parts and numbers masked, so
 * that {@code unknown target "p7"} and {@code unknown target "p8"} are one kind. Every method takes
 * the store's lock.
 *
 * <pre>{@code
 * ProtocolErrors errors = store.errors();
 * if (errors.record("p1", line, "a send without a target") != ProtocolErrors.Recorded.COUNTED) {
 *   echo.warning(...);
 * }
 * }</pre>
 */
public final class ProtocolErrors {
  /** How many protocol errors of one kind from one component are recorded one by one. */
  public static final int ONE_BY_ONE = 100;

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** What became of one protocol error. */
  public enum Recorded {
    /** Recorded as an entry of the log. */
    ONE_BY_ONE,
    /** Recorded as an entry, the last of its kind from its component: later ones are counted. */
    LAST_ONE_BY_ONE,
    /** Only counted (and, for a send, no message was recorded either). */
    COUNTED
  }

  /** The errors of one kind from one component. */
  private static final class Tally {
    long count;
    long reported = ONE_BY_ONE;
    String example;
  }

  private final LogStore store;
  private final ArrayList<LogEvent.ProtocolError> recorded = new ArrayList<>();
  private final Map<String, Map<String, Tally>> tallies = new HashMap<>();
  private long count;
  // A flood repeats one problem: its kind is worked out once, not once per line.
  private String lastProblem;
  private String lastKind;

  ProtocolErrors(LogStore store) {
    this.store = store;
  }

  /** Records a protocol error of {@code component} about {@code line}, or only counts it. */
  public Recorded record(String component, String line, String problem) {
    store.lock().lock();
    try {
      Recorded outcome = tally(component, problem);
      if (outcome != Recorded.COUNTED) {
        append(component, line, problem);
      }
      return outcome;
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Records, as one atomic step, a message that cannot be routed: the message (at once {@link
   * dev.procsim.core.Fate#UNDELIVERABLE} with {@code problem} as reason) and the protocol error.
   * Whoever sees the message's fate also sees the error. Past {@value #ONE_BY_ONE} of a kind, both
   * are only counted.
   */
  public Recorded recordRejectedSend(
      String component, String target, String body, String line, String problem) {
    store.lock().lock();
    try {
      Recorded outcome = tally(component, problem);
      if (outcome != Recorded.COUNTED) {
        Message message = store.recordSent(component, target, body);
        append(component, line, problem);
        store.recordUndeliverable(message.id(), problem);
      }
      return outcome;
    } finally {
      store.lock().unlock();
    }
  }

  /** Appends one {@link LogEvent.ProtocolErrorsCounted} per kind of {@code component} counted. */
  public void recordCounted(String component) {
    store.lock().lock();
    try {
      for (Map.Entry<String, Tally> kind : tallies.getOrDefault(component, Map.of()).entrySet()) {
        Tally tally = kind.getValue();
        if (tally.count > tally.reported) {
          store.append(
              new LogEvent.ProtocolErrorsCounted(
                  store.nextSeq(),
                  store.now(),
                  component,
                  tally.example,
                  tally.count - tally.reported));
          tally.reported = tally.count;
        }
      }
    } finally {
      store.lock().unlock();
    }
  }

  /** The protocol errors recorded as entries, in order. */
  public List<LogEvent.ProtocolError> recorded() {
    store.lock().lock();
    try {
      return List.copyOf(recorded);
    } finally {
      store.lock().unlock();
    }
  }

  /** How many protocol errors there were: recorded and counted. */
  public long count() {
    store.lock().lock();
    try {
      return count;
    } finally {
      store.lock().unlock();
    }
  }

  /** The kind of a problem: its text with quoted parts and numbers masked. */
  static String kindOf(String problem) {
    return NUMBER.matcher(QUOTED.matcher(problem).replaceAll("\"…\"")).replaceAll("N");
  }

  private Recorded tally(String component, String problem) {
    Tally tally =
        tallies
            .computeIfAbsent(component, c -> new LinkedHashMap<>())
            .computeIfAbsent(cachedKindOf(problem), k -> new Tally());
    tally.count++;
    count++;
    if (tally.count < ONE_BY_ONE) {
      return Recorded.ONE_BY_ONE;
    }
    if (tally.count == ONE_BY_ONE) {
      tally.example = problem;
      return Recorded.LAST_ONE_BY_ONE;
    }
    return Recorded.COUNTED;
  }

  private String cachedKindOf(String problem) {
    if (!problem.equals(lastProblem)) {
      lastKind = kindOf(problem);
      lastProblem = problem;
    }
    return lastKind;
  }

  private void append(String component, String line, String problem) {
    LogEvent.ProtocolError error =
        new LogEvent.ProtocolError(
            store.nextSeq(), store.now(), component, Texts.clip(line), problem);
    recorded.add(error);
    store.append(error);
  }
}
