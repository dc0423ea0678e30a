package dev.procsim.core.internal.report;

import dev.procsim.core.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report's messages in columns, one row per message (a network-made copy is a row of its own), as
 * the page reads them: a million messages are a few arrays, not a million objects.
 *
 * <pre>{@code
 * Messages messages = new Messages();
 * int row = messages.add(id, fromLane, toLane, sentEvent, 0, body);
 * messages.end(row, deliveredEvent, Messages.DELIVERED, "");
 * }</pre>
 */
final class Messages {
  static final int DELIVERED = 0;
  static final int DROPPED = 1;
  static final int UNDELIVERABLE = 2;
  static final int IN_FLIGHT = 3;

  private int size;
  private long[] id = new long[256];
  private int[] from = new int[256];
  private int[] to = new int[256];
  private long[] sentT = new long[256];
  private long[] sentSeq = new long[256];
  private long[] endT = new long[256];
  private long[] endSeq = new long[256];
  private byte[] fate = new byte[256];
  private long[] copyOf = new long[256];
  private final List<String> body = new ArrayList<>();
  private final List<String> reason = new ArrayList<>();

  /** A message sent at {@code sent}, in flight; returns its row. */
  int add(long messageId, int fromLane, int toLane, LogEvent sent, long original, String text) {
    if (size == id.length) {
      int grown = size * 2;
      id = Arrays.copyOf(id, grown);
      from = Arrays.copyOf(from, grown);
      to = Arrays.copyOf(to, grown);
      sentT = Arrays.copyOf(sentT, grown);
      sentSeq = Arrays.copyOf(sentSeq, grown);
      endT = Arrays.copyOf(endT, grown);
      endSeq = Arrays.copyOf(endSeq, grown);
      fate = Arrays.copyOf(fate, grown);
      copyOf = Arrays.copyOf(copyOf, grown);
    }
    id[size] = messageId;
    from[size] = fromLane;
    to[size] = toLane;
    sentT[size] = sent.nanos();
    sentSeq[size] = sent.seq();
    endT[size] = -1;
    endSeq[size] = -1;
    fate[size] = IN_FLIGHT;
    copyOf[size] = original;
    body.add(ReportWriter.clip(text));
    reason.add("");
    return size++;
  }

  /**
   * The fate of row {@code row}, decided at {@code at}; the first fate stays (a correction apart).
   */
  void end(int row, LogEvent at, int newFate, String why) {
    endT[row] = at.nanos();
    endSeq[row] = at.seq();
    fate[row] = (byte) newFate;
    reason.set(row, why);
  }

  void write(JsonOut json) throws IOException {
    json.raw("{\"count\":").number(size);
    longs(json, "id", id);
    ints(json, "from", from);
    ints(json, "to", to);
    longs(json, "sentT", sentT);
    longs(json, "sentSeq", sentSeq);
    longs(json, "endT", endT);
    longs(json, "endSeq", endSeq);
    json.raw(",\"fate\":[");
    for (int i = 0; i < size; i++) {
      json.raw(i == 0 ? "" : ",").number(fate[i]);
    }
    json.raw("]");
    longs(json, "copyOf", copyOf);
    strings(json, "body", body);
    strings(json, "reason", reason);
    json.raw("}");
  }

  private void longs(JsonOut json, String name, long[] values) throws IOException {
    json.raw(",\"" + name + "\":[");
    for (int i = 0; i < size; i++) {
      json.raw(i == 0 ? "" : ",").number(values[i]);
    }
    json.raw("]");
  }

  private void ints(JsonOut json, String name, int[] values) throws IOException {
    json.raw(",\"" + name + "\":[");
    for (int i = 0; i < size; i++) {
      json.raw(i == 0 ? "" : ",").number(values[i]);
    }
    json.raw("]");
  }

  private static void strings(JsonOut json, String name, List<String> values) throws IOException {
    json.raw(",\"" + name + "\":[");
    for (int i = 0; i < values.size(); i++) {
      json.raw(i == 0 ? "" : ",").string(values.get(i));
    }
    json.raw("]");
  }
}
