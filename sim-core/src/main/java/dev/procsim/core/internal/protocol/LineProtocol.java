package dev.procsim.core.internal.protocol;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import java.time.Duration;

/**
 * The seed's line protocol ({@link WireProtocol#LINE}). A stdout line {@code send <target>
 * <message>} is a message: the target is the whitespace-free token after {@code send} (spaces and
 * tabs before it are skipped), the message is the rest of the line after the single space or tab
 * that follows the target, verbatim (possibly empty). {@code send procsim timer <millis> <payload>}
 * is a timer request. Any other line is output. The target receives the message alone.
 *
 * <pre>{@code
 * LINE.decode("send p2 Hello from p1")  // Send[target=p2, body=Hello from p1]
 * LINE.decode("send p2, Hello")         // Send[target=p2,, body=Hello]
 * LINE.decode("send")                   // Malformed: "send" without a target
 * LINE.decode("sending is fun")         // Output
 * }</pre>
 */
public final class LineProtocol implements WireProtocol {
  private static final String KEYWORD = "send";

  @Override
  public Decoded decode(String line) {
    if (!line.startsWith(KEYWORD)) {
      return Decoded.output(line);
    }
    int length = line.length();
    int pos = KEYWORD.length();
    if (pos < length && !isSeparator(line.charAt(pos))) {
      return Decoded.output(line);
    }
    while (pos < length && isSeparator(line.charAt(pos))) {
      pos++;
    }
    if (pos == length) {
      return Decoded.malformedSend(
          "", "", "\"send\" without a target; expected \"send <target> <message>\"");
    }
    int targetStart = pos;
    while (pos < length && !isSeparator(line.charAt(pos))) {
      pos++;
    }
    String target = line.substring(targetStart, pos);
    String body = pos < length ? line.substring(pos + 1) : "";
    return target.equals(ComponentSpec.SIMULATOR_NAME)
        ? requestToSimulator(body)
        : Decoded.send(target, body);
  }

  /** {@code timer <millis> <payload>}: after that much simulation time, the payload comes back. */
  private static Decoded requestToSimulator(String body) {
    String[] words = body.split(" ", 3);
    if (words.length >= 2 && words[0].equals("timer")) {
      try {
        long millis = Long.parseLong(words[1]);
        if (millis >= 0) {
          return new Decoded.Timer(
              Duration.ofMillis(millis), words.length == 3 ? words[2] : "", body);
        }
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
    }
    return Decoded.malformedSend(
        ComponentSpec.SIMULATOR_NAME,
        body,
        "unknown request to the simulator; it understands \"send procsim timer <millis>"
            + " <payload>\"");
  }

  @Override
  public String encode(Message message) {
    return message.body();
  }

  /** Whether {@code body} can travel as one line: it must not contain a line break. */
  public static boolean isSendable(String body) {
    return body.indexOf('\n') < 0 && body.indexOf('\r') < 0;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return "the line protocol";
  }
}
