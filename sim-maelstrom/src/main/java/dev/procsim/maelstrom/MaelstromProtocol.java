package dev.procsim.maelstrom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * Maelstrom's wire protocol: every stdout line is one JSON object {@code {"src", "dest", "body"}},
 * routed to {@code dest}; the target reads the line exactly as it was written. What Maelstrom drops
 * silently is a protocol error here, naming the node and the line, and the run goes on: a line that
 * is not JSON, not an object, without a {@code dest} string, or without a {@code body} object (that
 * one is logged as an undeliverable message to its {@code dest}). Only {@code dest} is read to
 * route a line (a streaming parse that skips the rest), so a message costs one pass over its text.
 *
 * <p>procsim's timer, for nodes that want time without a clock of their own (stepped runs have
 * virtual time): {@code {"src": "n1", "dest": "procsim", "body": {"type": "timer", "ms": 100,
 * "payload": {...}}}} makes {@code {"src": "procsim", "dest": "n1", "body": <payload>}} arrive
 * after 100 ms of simulation time.
 *
 * <pre>{@code
 * Simulator.builder().protocol(new MaelstromProtocol()).component("n0", "python3", "echo.py") ...
 *
 * // or in a simulation test of one's own, with procsim's faults and assertions on the log:
 * @SimulationTest
 * @Component(name = "n0", command = {"python3", "echo.py"}, protocol = MaelstromProtocol.class)
 * }</pre>
 */
public final class MaelstromProtocol implements WireProtocol {
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  @Override
  public Decoded decode(String line) {
    String dest = null;
    boolean hasBody = false;
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Decoded.malformed(
            "not a JSON object: a Maelstrom node writes one {src, dest, body} object per line");
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("dest") && value == JsonToken.VALUE_STRING) {
          dest = parser.getText();
        } else if (field.equals("body") && value == JsonToken.START_OBJECT) {
          hasBody = true;
        }
        parser.skipChildren();
      }
      if (hasMoreText(parser)) {
        return Decoded.malformed("text after the JSON object: one message per line");
      }
    } catch (JsonProcessingException e) {
      return Decoded.malformed("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return Decoded.malformed("unreadable: " + e.getMessage());
    }
    if (dest == null) {
      return Decoded.malformed("no \"dest\" string: Maelstrom cannot tell where the message goes");
    }
    if (!hasBody) {
      return Decoded.malformedSend(dest, line, "no \"body\" object");
    }
    if (dest.equals(ComponentSpec.SIMULATOR_NAME)) {
      return timer(line);
    }
    return Decoded.send(dest, line);
  }

  private static boolean hasMoreText(JsonParser parser) throws IOException {
    try {
      return parser.nextToken() != null;
    } catch (JsonProcessingException e) {
      return true; // not even JSON: text all the same
    }
  }

  private static Decoded timer(String line) {
    JsonNode body = Json.parse(line).get("body");
    JsonNode ms = body.get("ms");
    if (!"timer".equals(body.path("type").asText())
        || ms == null
        || !ms.canConvertToLong()
        || ms.longValue() < 0) {
      return Decoded.malformed(
          "a message to procsim must be a timer: {\"type\": \"timer\", \"ms\": <delay>, \"payload\": {...}}");
    }
    JsonNode payload = body.has("payload") ? body.get("payload") : Json.object();
    return Decoded.timer(Duration.ofMillis(ms.longValue()), Json.write(payload));
  }

  @Override
  public String encode(Message message) {
    if (!message.from().equals(ComponentSpec.SIMULATOR_NAME)) {
      return message.body();
    }
    // A timer's payload, as Maelstrom's envelope from procsim.
    ObjectNode envelope = Json.object();
    envelope.put("src", ComponentSpec.SIMULATOR_NAME);
    envelope.put("dest", message.to());
    envelope.set("body", Json.parse(message.body()));
    return Json.write(envelope);
  }
}
