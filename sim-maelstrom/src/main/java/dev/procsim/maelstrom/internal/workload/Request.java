package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One operation a client is about to perform: what the history records ({@code function} and {@code
 * input}, as {@code sim-check}'s checkers expect them) and the request body it sends (its {@code
 * type} and fields; the client adds {@code msg_id}).
 *
 * <pre>{@code
 * ObjectNode body = Json.object().put("type", "read").put("key", 3);
 * Request read = new Request("read", List.of(3L, null), body);
 * }</pre>
 *
 * @param function the history's function, e.g. {@code read}
 * @param input the history's input (a plain value)
 * @param body the request body without {@code msg_id}
 */
public record Request(String function, Object input, ObjectNode body) {
  /** Checks for nulls. */
  public Request {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(body, "body");
  }

  /** The body's {@code type}: the reply's is this with {@code _ok}. */
  public String type() {
    return body.path("type").asText();
  }
}
