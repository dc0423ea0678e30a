package dev.procsim.core.internal.process;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.text.Unicode;
import java.nio.charset.StandardCharsets;

/**
 * Turns a message into the line a component's stdin gets, in its wire protocol, as UTF-8 bytes
 * without the line break. What cannot be one honest line (the protocol fails or says null, the line
 * holds a line break or an unpaired surrogate) is recorded as undeliverable, with the reason.
 *
 * <pre>{@code
 * LineEncoder encoder = new LineEncoder("p2", WireProtocol.LINE, store);
 * byte[] line = encoder.encode(message); // null: undeliverable, and the log says why
 * }</pre>
 */
final class LineEncoder {
  private final String component;
  private final WireProtocol protocol;
  private final LogStore log;

  LineEncoder(String component, WireProtocol protocol, LogStore log) {
    this.component = component;
    this.protocol = protocol;
    this.log = log;
  }

  /** The line for {@code message}; null, with the message recorded undeliverable, if none. */
  byte[] encode(Message message) {
    String line;
    try {
      line = protocol.encode(message);
    } catch (RuntimeException | Error e) { // user code: its failure is the message's, not ours
      log.recordUndeliverable(
          message.id(), component + "'s wire protocol failed to encode the message: " + e);
      return null;
    }
    if (line == null || line.indexOf('\n') >= 0) {
      log.recordUndeliverable(
          message.id(),
          component
              + "'s wire protocol ("
              + protocol
              + ") encoded the message "
              + (line == null ? "as null" : "with a line break, which would split it in two"));
      return null;
    }
    int unpaired = Unicode.unpairedSurrogate(line);
    if (unpaired >= 0) {
      // getBytes would write '?' in its place: the target would read another text than the log's.
      log.recordUndeliverable(
          message.id(),
          "its line for " + component + " holds " + Unicode.describeUnpaired(line, unpaired));
      return null;
    }
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
