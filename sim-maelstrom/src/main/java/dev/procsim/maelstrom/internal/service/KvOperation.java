package dev.procsim.maelstrom.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.maelstrom.ErrorCode;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One request to a key-value service, as a pure function of the state it meets: its answer, and the
 * new state when it changes one. {@code read} answers {@code read_ok} with the value, or error 20
 * (key-does-not-exist); {@code write} always succeeds; {@code cas} sets {@code to} when the key
 * holds {@code from}, answers error 22 (precondition-failed) when it holds another value, and error
 * 20 when the key is missing unless {@code create_if_not_exists} is true.
 *
 * <pre>{@code
 * KvOperation.Outcome out = KvOperation.of(requestBody).apply(state);
 * out.reply();     // {"type": "read_ok", "value": 3}
 * out.changed();   // the new state, or null when nothing changed
 * }</pre>
 */
abstract class KvOperation {
  /**
   * What an operation did.
   *
   * @param reply the answer's body
   * @param changed the state after it, or null when it changed nothing
   */
  record Outcome(ObjectNode reply, Map<JsonNode, JsonNode> changed) {}

  /** Applies the operation to {@code state}, which it never modifies. */
  abstract Outcome apply(Map<JsonNode, JsonNode> state);

  /**
   * The operation a request body asks for.
   *
   * @throws IllegalArgumentException for a missing field, naming it
   * @throws UnsupportedOperationException for a type a key-value service does not know
   */
  static KvOperation of(ObjectNode body) {
    String type = body.path("type").asText();
    JsonNode key = required(body, "key", type);
    return switch (type) {
      case "read" -> new Read(key);
      case "write" -> new Write(key, required(body, "value", type));
      case "cas" ->
          new Cas(
              key,
              required(body, "from", type),
              required(body, "to", type),
              body.path("create_if_not_exists").asBoolean(false));
      default ->
          throw new UnsupportedOperationException(
              "a key-value service knows read, write and cas, not \"" + type + "\"");
    };
  }

  private static JsonNode required(ObjectNode body, String field, String type) {
    JsonNode value = body.get(field);
    if (value == null) {
      throw new IllegalArgumentException(type + " needs \"" + field + "\": " + Json.write(body));
    }
    return value;
  }

  private static Map<JsonNode, JsonNode> with(
      Map<JsonNode, JsonNode> state, JsonNode key, JsonNode value) {
    Map<JsonNode, JsonNode> next = new HashMap<>(state);
    next.put(key, value);
    return Collections.unmodifiableMap(next);
  }

  static ObjectNode notFound(JsonNode key) {
    return Envelope.error(
        ErrorCode.KEY_DOES_NOT_EXIST.code(), "key " + Json.write(key) + " does not exist");
  }

  private static final class Read extends KvOperation {
    private final JsonNode key;

    Read(JsonNode key) {
      this.key = key;
    }

    @Override
    Outcome apply(Map<JsonNode, JsonNode> state) {
      JsonNode value = state.get(key);
      if (value == null) {
        return new Outcome(notFound(key), null);
      }
      ObjectNode reply = Json.object().put("type", "read_ok");
      reply.set("value", value);
      return new Outcome(reply, null);
    }
  }

  private static final class Write extends KvOperation {
    private final JsonNode key;
    private final JsonNode value;

    Write(JsonNode key, JsonNode value) {
      this.key = key;
      this.value = value;
    }

    @Override
    Outcome apply(Map<JsonNode, JsonNode> state) {
      return new Outcome(Json.object().put("type", "write_ok"), with(state, key, value));
    }
  }

  private static final class Cas extends KvOperation {
    private final JsonNode key;
    private final JsonNode from;
    private final JsonNode to;
    private final boolean create;

    Cas(JsonNode key, JsonNode from, JsonNode to, boolean create) {
      this.key = key;
      this.from = from;
      this.to = to;
      this.create = create;
    }

    @Override
    Outcome apply(Map<JsonNode, JsonNode> state) {
      JsonNode now = state.get(key);
      if (now == null && !create) {
        return new Outcome(notFound(key), null);
      }
      if (now != null && !now.equals(from)) {
        return new Outcome(
            Envelope.error(
                ErrorCode.PRECONDITION_FAILED.code(),
                "expected " + Json.write(from) + ", but had " + Json.write(now)),
            null);
      }
      return new Outcome(Json.object().put("type", "cas_ok"), with(state, key, to));
    }
  }
}
