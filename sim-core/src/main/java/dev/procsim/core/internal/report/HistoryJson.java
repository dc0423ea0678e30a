package dev.procsim.core.internal.report;

import dev.procsim.core.RunReport;
import java.io.IOException;
import java.util.List;

/**
 * A report's history (client operations, for a Maelstrom run) as the page reads it: the verdict,
 * the explanation, a note, and the operations in columns.
 *
 * <pre>{@code
 * HistoryJson.write(json, history);   // "null" when there is none
 * }</pre>
 */
final class HistoryJson {
  private HistoryJson() {}

  static void write(JsonOut json, RunReport.History history) throws IOException {
    if (history == null) {
      json.raw("null");
      return;
    }
    List<RunReport.Operation> ops = history.operations();
    json.raw("{\"verdict\":")
        .string(history.verdict())
        .raw(",\"explanation\":")
        .string(history.explanation())
        .raw(",\"note\":")
        .string(history.note())
        .raw(",\"ops\":{\"count\":")
        .number(ops.size());
    json.raw(",\"process\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").number(ops.get(i).process());
    }
    json.raw("],\"f\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").string(ops.get(i).function());
    }
    json.raw("],\"input\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").string(ReportWriter.clip(ops.get(i).input()));
    }
    json.raw("],\"output\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").string(ReportWriter.clip(ops.get(i).output()));
    }
    json.raw("],\"invokedT\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").number(ops.get(i).invokedNanos());
    }
    json.raw("],\"completedT\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").number(ops.get(i).completedNanos());
    }
    json.raw("],\"outcome\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").number(ops.get(i).outcome().ordinal());
    }
    json.raw("],\"mark\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.raw(i == 0 ? "" : ",").number(ops.get(i).mark().ordinal());
    }
    json.raw("]}}");
  }
}
