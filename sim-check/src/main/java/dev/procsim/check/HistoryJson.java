package dev.procsim.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a history as JSON lines, one operation a line, and reads it back: {@code {"process":0,
 * "f":"write", "input":3, "output":null, "invoked":10, "completed":25, "outcome":"ok"}} (an unknown
 * outcome's {@code completed} is null). Values are JSON's: whole numbers read back as {@code Long},
 * arrays as lists, objects as maps. A line that is not such an object is a {@link
 * HistoryFormatException} naming the file and the line. It needs jackson-databind on the class path
 * (an optional dependency of sim-check: the checkers themselves need only the JDK).
 *
 * <pre>{@code
 * HistoryJson.write(history, Path.of("target/history.jsonl"));
 * History again = HistoryJson.read(Path.of("target/history.jsonl"));
 * }</pre>
 */
public final class HistoryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryJson() {}

  /** Writes {@code history} to {@code path}, replacing it. */
  public static void write(History history, Path path) {
    try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      write(history, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code history} to {@code writer}, one line per operation. */
  public static void write(History history, Writer writer) throws IOException {
    for (Operation op : history.operations()) {
      ObjectNode line = JSON.createObjectNode();
      line.put("process", op.process());
      line.put("f", op.function());
      line.set("input", JSON.valueToTree(op.input()));
      line.set("output", JSON.valueToTree(op.output()));
      line.put("invoked", op.invoked());
      if (op.completed() == Operation.NEVER) {
        line.putNull("completed");
      } else {
        line.put("completed", op.completed());
      }
      line.put("outcome", op.outcome().name().toLowerCase(Locale.ROOT));
      writer.write(JSON.writeValueAsString(line));
      writer.write('\n');
    }
  }

  /**
   * Reads the history at {@code path}.
   *
   * @throws HistoryFormatException naming the file and line of a line that cannot be read
   */
  public static History read(Path path) {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(reader, path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads a history from {@code reader}; {@code source} names it in errors. */
  public static History read(BufferedReader reader, String source) throws IOException {
    List<Operation> operations = new ArrayList<>();
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new HistoryFormatException(source, number, "not JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new HistoryFormatException(source, number, "expected a JSON object per line");
      }
      try {
        operations.add(operation(node, source, number));
      } catch (IllegalArgumentException e) {
        throw new HistoryFormatException(source, number, e.getMessage());
      }
    }
    return History.of(operations);
  }

  private static Operation operation(JsonNode node, String source, int number) {
    JsonNode process = node.get("process");
    JsonNode function = node.get("f");
    JsonNode invoked = node.get("invoked");
    JsonNode outcome = node.get("outcome");
    if (process == null
        || !process.canConvertToInt()
        || function == null
        || !function.isTextual()
        || invoked == null
        || !invoked.canConvertToLong()
        || outcome == null
        || !outcome.isTextual()) {
      throw new HistoryFormatException(
          source,
          number,
          "expected \"process\" (a number), \"f\" (text), \"invoked\" (a number) and"
              + " \"outcome\" (ok, fail or info)");
    }
    Outcome how;
    try {
      how = Outcome.valueOf(outcome.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new HistoryFormatException(
          source, number, "outcome \"" + outcome.asText() + "\" is not ok, fail or info");
    }
    JsonNode completed = node.get("completed");
    long at;
    if (completed == null || completed.isNull()) {
      if (how != Outcome.INFO) {
        throw new HistoryFormatException(
            source, number, "only an operation of unknown outcome (info) has no \"completed\"");
      }
      at = Operation.NEVER;
    } else if (completed.canConvertToLong()) {
      at = completed.asLong();
    } else {
      throw new HistoryFormatException(source, number, "\"completed\" is not a number");
    }
    return new Operation(
        process.asInt(),
        function.asText(),
        value(node.get("input")),
        value(node.get("output")),
        invoked.asLong(),
        at,
        how);
  }

  /** A JSON value as the models expect it: whole numbers as Long, arrays as lists. */
  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(value(item)));
      return Collections.unmodifiableList(items);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), value(field.getValue()));
    }
    return Collections.unmodifiableMap(fields);
  }
}
