package dev.procsim.maelstrom.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Maelstrom message: {@code {"src", "dest", "body"}}, for the Java components (clients,
 * services, the controller) that read and write them.
 *
 * <pre>{@code
 * Envelope request = Envelope.parse(line);
 * String reply = Envelope.reply(request, "c3", Json.object().put("type", "read_ok"), 7).line();
 * }</pre>
 *
 * @param src the sender as the envelope names it
 * @param dest the recipient
 * @param body the body, an object
 */
public record Envelope(String src, String dest, ObjectNode body) {
  /** Checks for nulls. */
  public Envelope {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dest, "dest");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Reads a line; an {@link IllegalArgumentException} saying what is wrong when it is not an
   * envelope with a body object.
   */
  public static Envelope parse(String line) {
    JsonNode tree = Json.parse(line);
    if (!tree.isObject() || !tree.path("body").isObject()) {
      throw new IllegalArgumentException("not a Maelstrom message {src, dest, body}: " + line);
    }
    return new Envelope(
        tree.path("src").asText(""), tree.path("dest").asText(""), (ObjectNode) tree.get("body"));
  }

  /** The body's {@code type}, empty when it has none. */
  public String type() {
    return body.path("type").asText("");
  }

  /** The body's {@code msg_id}, or -1. */
  public long msgId() {
    JsonNode id = body.get("msg_id");
    return id != null && id.canConvertToLong() ? id.longValue() : -1;
  }

  /** The body's {@code in_reply_to}, or -1. */
  public long inReplyTo() {
    JsonNode id = body.get("in_reply_to");
    return id != null && id.canConvertToLong() ? id.longValue() : -1;
  }

  /** The message as one line. */
  public String line() {
    ObjectNode tree = Json.object();
    tree.put("src", src);
    tree.put("dest", dest);
    tree.set("body", body);
    return Json.write(tree);
  }

  /** The answer from {@code from} to {@code request}'s sender, with {@code msgId} as its own id. */
  public static Envelope reply(Envelope request, String from, ObjectNode body, long msgId) {
    body.put("msg_id", msgId);
    body.put("in_reply_to", request.msgId());
    return new Envelope(from, request.src(), body);
  }

  /** An error body: {@code {"type": "error", "code": code, "text": text}}. */
  public static ObjectNode error(int code, String text) {
    return Json.object().put("type", "error").put("code", code).put("text", text);
  }
}
