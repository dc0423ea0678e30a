package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.procsim.maelstrom.internal.protocol.Json;

/** Reading the fields a workload defines out of a reply, with a clear error when one is missing. */
final class Replies {
  private Replies() {}

  /** The plain value of {@code field}, which must be present (it may be JSON null). */
  static Object field(JsonNode reply, String field) {
    if (!reply.has(field)) {
      throw new IllegalArgumentException(
          reply.path("type").asText() + " without \"" + field + "\": " + Json.write(reply));
    }
    return Json.plain(reply.get(field));
  }

  /** {@code field} as an integer. */
  static long integer(JsonNode reply, String field) {
    JsonNode value = reply.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(
          reply.path("type").asText()
              + " needs an integer \""
              + field
              + "\": "
              + Json.write(reply));
    }
    return value.longValue();
  }

  /** {@code field} as a JSON array. */
  static JsonNode array(JsonNode reply, String field) {
    JsonNode value = reply.get(field);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException(
          reply.path("type").asText() + " needs an array \"" + field + "\": " + Json.write(reply));
    }
    return value;
  }

  /** {@code field} as a JSON object. */
  static JsonNode object(JsonNode reply, String field) {
    JsonNode value = reply.get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException(
          reply.path("type").asText() + " needs an object \"" + field + "\": " + Json.write(reply));
    }
    return value;
  }
}
