package dev.procsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a history of a replicated log with offsets per key (Kafka-style, as in Maelstrom's kafka
 * workload). Functions: {@code send} (input {@code [key, message]}, output the offset it got),
 * {@code poll} (output: a map from key to a list of {@code [offset, message]} pairs) and {@code
 * list_committed} (output: a map from key to its committed offset); anything else (commits) is not
 * judged. What makes a history invalid, each reported with the operations involved:
 *
 * <ul>
 *   <li>an offset that holds two messages, or a message at two offsets (a duplicate);
 *   <li>a lost write: a send that was acknowledged with an offset that no poll ever returned,
 *       although some poll returned a higher offset of that key;
 *   <li>a poll whose offsets of one key do not rise, or that goes back behind the same process's
 *       previous poll of that key;
 *   <li>committed offsets that go back: a list that began after another ended shows a lower one.
 * </ul>
 *
 * <pre>{@code
 * CheckResult result = OffsetLog.check(history);
 * }</pre>
 */
public final class OffsetLog {
  /** Most problems an explanation lists. */
  private static final int MOST_LISTED = 10;

  private OffsetLog() {}

  /** Checks the history. */
  public static CheckResult check(History history) {
    List<String> problems = new ArrayList<>();
    // key -> offset -> message, and key -> message -> offset, from sends and polls alike.
    Map<Object, Map<Long, Object>> atOffset = new HashMap<>();
    Map<Object, Map<Object, Long>> offsetOf = new HashMap<>();
    Map<Object, Long> highestPolled = new HashMap<>();
    Map<Object, Map<Long, Boolean>> polled = new HashMap<>();
    Map<List<Object>, Long> lastPolledBy = new HashMap<>(); // [process, key] -> offset
    List<Operation> committedLists = new ArrayList<>();
    List<Operation> sends = new ArrayList<>();
    for (Operation op : history.operations()) {
      if (op.outcome() != Outcome.OK) {
        continue;
      }
      switch (op.function()) {
        case "send" -> {
          List<?> input = pair(op.input(), op, "a send takes [key, message]");
          long offset = number(op.output(), op, "a send returns its offset");
          record(input.get(0), offset, input.get(1), op, atOffset, offsetOf, problems);
          sends.add(op);
        }
        case "poll" -> {
          for (Map.Entry<?, ?> entry :
              map(op.output(), op, "a poll returns key -> [[offset, message], ...]").entrySet()) {
            Object key = entry.getKey();
            long previous = lastPolledBy.getOrDefault(List.of(op.process(), key), Long.MIN_VALUE);
            long before = Long.MIN_VALUE;
            for (Object item : list(entry.getValue(), op)) {
              List<?> pair = pair(item, op, "a poll returns [offset, message] pairs");
              long offset = number(pair.get(0), op, "an offset is a number");
              if (offset <= before) {
                problems.add(
                    "offsets of key "
                        + key
                        + " do not rise ("
                        + before
                        + " then "
                        + offset
                        + ") in "
                        + op.describe());
              } else if (before == Long.MIN_VALUE && offset <= previous) {
                problems.add(
                    "key "
                        + key
                        + " went back from offset "
                        + previous
                        + " to "
                        + offset
                        + " for process "
                        + op.process()
                        + " in "
                        + op.describe());
              }
              before = offset;
              record(key, offset, pair.get(1), op, atOffset, offsetOf, problems);
              polled.computeIfAbsent(key, k -> new HashMap<>()).put(offset, true);
              highestPolled.merge(key, offset, Math::max);
            }
            if (before != Long.MIN_VALUE) {
              lastPolledBy.put(List.of(op.process(), key), before);
            }
          }
        }
        case "list_committed" -> committedLists.add(op);
        default -> {
          // commits and the rest: not judged here
        }
      }
    }
    for (Operation send : sends) {
      Object key = ((List<?>) send.input()).get(0);
      long offset = ((Number) send.output()).longValue();
      boolean seen = polled.getOrDefault(key, Map.of()).containsKey(offset);
      if (!seen && highestPolled.getOrDefault(key, Long.MIN_VALUE) > offset) {
        problems.add(
            "lost write: "
                + send.describe()
                + " was never polled, though offset "
                + highestPolled.get(key)
                + " of key "
                + key
                + " was");
      }
    }
    committedLists.sort(Comparator.comparingLong(Operation::invoked));
    for (int i = 0; i < committedLists.size(); i++) {
      Operation later = committedLists.get(i);
      Map<?, ?> now = map(later.output(), later, "list_committed returns key -> offset");
      for (int j = 0; j < i; j++) {
        Operation earlier = committedLists.get(j);
        if (earlier.completed() >= later.invoked()) {
          continue; // concurrent: either order
        }
        for (Map.Entry<?, ?> entry :
            map(earlier.output(), earlier, "list_committed returns key -> offset").entrySet()) {
          Object then = entry.getValue();
          Object nowOffset = now.get(entry.getKey());
          if (then instanceof Number a
              && (nowOffset == null || ((Number) nowOffset).longValue() < a.longValue())) {
            problems.add(
                "the committed offset of key "
                    + entry.getKey()
                    + " went back from "
                    + a
                    + " ("
                    + earlier.describe()
                    + ") to "
                    + (nowOffset == null ? "none" : nowOffset)
                    + " ("
                    + later.describe()
                    + ")");
          }
        }
      }
    }
    if (problems.isEmpty()) {
      return new CheckResult(
          Verdict.VALID,
          String.format(
              Locale.ROOT,
              "%,d acknowledged sends, %,d keys: no offset problem",
              sends.size(),
              atOffset.size()));
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%,d problem%s:", problems.size(), problems.size() == 1 ? "" : "s"));
    for (int i = 0; i < problems.size() && i < MOST_LISTED; i++) {
      text.append("\n  ").append(problems.get(i));
    }
    if (problems.size() > MOST_LISTED) {
      text.append("\n  ... and ").append(problems.size() - MOST_LISTED).append(" more");
    }
    return new CheckResult(Verdict.INVALID, text.toString());
  }

  private static void record(
      Object key,
      long offset,
      Object message,
      Operation op,
      Map<Object, Map<Long, Object>> atOffset,
      Map<Object, Map<Object, Long>> offsetOf,
      List<String> problems) {
    Map<Long, Object> offsets = atOffset.computeIfAbsent(key, k -> new LinkedHashMap<>());
    if (offsets.containsKey(offset) && !Objects.equals(offsets.get(offset), message)) {
      problems.add(
          "offset "
              + offset
              + " of key "
              + key
              + " holds both "
              + offsets.get(offset)
              + " and "
              + message
              + " ("
              + op.describe()
              + ")");
      return;
    }
    offsets.put(offset, message);
    Map<Object, Long> messages = offsetOf.computeIfAbsent(key, k -> new HashMap<>());
    Long other = messages.putIfAbsent(message, offset);
    if (other != null && other != offset) {
      problems.add(
          "duplicate: "
              + message
              + " of key "
              + key
              + " is at offsets "
              + other
              + " and "
              + offset
              + " ("
              + op.describe()
              + ")");
    }
  }

  private static List<?> pair(Object value, Operation op, String what) {
    if (value instanceof List<?> list && list.size() == 2) {
      return list;
    }
    throw new IllegalArgumentException(what + ": " + op.describe());
  }

  private static List<?> list(Object value, Operation op) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(
        "a poll returns a list of [offset, message] per key: " + op.describe());
  }

  private static Map<?, ?> map(Object value, Operation op, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    if (value == null) {
      return Map.of();
    }
    throw new IllegalArgumentException(what + ": " + op.describe());
  }

  private static long number(Object value, Operation op, String what) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException(what + ": " + op.describe());
  }
}
