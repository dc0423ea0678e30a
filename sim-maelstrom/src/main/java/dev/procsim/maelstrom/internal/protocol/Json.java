package dev.procsim.maelstrom.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapper of the Maelstrom module, and the conversion between JSON trees and the plain
 * values {@code sim-check}'s histories hold (integers as {@code Long}, lists, maps with string
 * keys, strings, booleans, null): Jackson's own conversion gives {@code Integer} for small numbers,
 * which would not equal the same value read back as a {@code Long}.
 *
 * <pre>{@code
 * Object value = Json.plain(Json.parse("{\"a\": [1, 2]}"));   // {a=[1, 2]} with Long elements
 * String line = Json.write(Json.tree(value));
 * }</pre>
 */
public final class Json {
  /** Thread-safe once configured, as Jackson's documentation says. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Parses {@code text}; an {@link IllegalArgumentException} saying what is wrong when it is not
   * JSON.
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** One line of JSON (no line break: Jackson escapes those inside strings). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
    }
  }

  /** The plain value of {@code node}; null for a missing node or JSON null. */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(plain(element));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      map.put(field.getKey(), plain(field.getValue()));
    }
    return map;
  }

  /** The JSON tree of a plain value. */
  public static JsonNode tree(Object plain) {
    return MAPPER.valueToTree(plain);
  }
}
