package dev.procsim.core.internal;

/**
 * The seed's line protocol. A stdout line {@code send <target> <message>} is a message: the target
 * is the whitespace-free token after {@code send} (spaces and tabs before it are skipped), the
 * message is the rest of the line after the single space or tab that follows the target, verbatim
 * (possibly empty). Any other line is output. The target receives the message followed by {@code
 * \n}.
 *
 * <pre>{@code
 * LineProtocol.decode("send p2 Hello from p1")  // Send[target=p2, body=Hello from p1]
 * LineProtocol.decode("send p2, Hello")         // Send[target=p2,, body=Hello]
 * LineProtocol.decode("send")                   // MissingTarget
 * LineProtocol.decode("sending is fun")         // Output
 * }</pre>
 */
public final class LineProtocol {
  private static final String KEYWORD = "send";

  private LineProtocol() {}

  /** What a stdout line means. */
  public sealed interface Decoded {}

  /** A message for {@code target}. */
  public record Send(String target, String body) implements Decoded {}

  /** A {@code send} line with no target. */
  public record MissingTarget() implements Decoded {}

  /** A line that is not a message. */
  public record Output(String line) implements Decoded {}

  /** Interprets one stdout line (without its line break). */
  public static Decoded decode(String line) {
    if (!line.startsWith(KEYWORD)) {
      return new Output(line);
    }
    int length = line.length();
    int pos = KEYWORD.length();
    if (pos < length && !isSeparator(line.charAt(pos))) {
      return new Output(line);
    }
    while (pos < length && isSeparator(line.charAt(pos))) {
      pos++;
    }
    if (pos == length) {
      return new MissingTarget();
    }
    int targetStart = pos;
    while (pos < length && !isSeparator(line.charAt(pos))) {
      pos++;
    }
    String target = line.substring(targetStart, pos);
    String body = pos < length ? line.substring(pos + 1) : "";
    return new Send(target, body);
  }

  /** The bytes of the line a target receives for {@code body}, as text. */
  public static String encode(String body) {
    return body + "\n";
  }

  /** Whether {@code body} can travel as one line: it must not contain a line break. */
  public static boolean isSendable(String body) {
    return body.indexOf('\n') < 0 && body.indexOf('\r') < 0;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t';
  }
}
