package dev.procsim.core.internal.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON straight to a {@link Writer}, for data that goes inside an HTML page: besides what
 * JSON escapes, every {@code <}, {@code >} and {@code &} and the line separators U+2028 and U+2029
 * are written as {@code \\uXXXX}, so that no text of a component's can end the script block it sits
 * in or be read as markup. The caller writes the punctuation between values.
 *
 * <pre>{@code
 * JsonOut json = new JsonOut(writer);
 * json.raw("{\"title\":").string("</script>").raw("}");   // {"title":"\u003c/script\u003e"}
 * }</pre>
 */
final class JsonOut {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Writer out;

  JsonOut(Writer out) {
    this.out = out;
  }

  /** Punctuation or a literal, as is. */
  JsonOut raw(String text) throws IOException {
    out.write(text);
    return this;
  }

  /** A number. */
  JsonOut number(long value) throws IOException {
    out.write(Long.toString(value));
    return this;
  }

  /** A string, quoted and escaped; {@code null} as JSON null. */
  JsonOut string(String text) throws IOException {
    if (text == null) {
      out.write("null");
      return this;
    }
    out.write('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> {
          if (c < 0x20
              || c == '<'
              || c == '>'
              || c == '&'
              || c == '\u2028'
              || c == '\u2029'
              || Character.isSurrogate(c) && !wellPaired(text, i)) {
            unicode(Character.isSurrogate(c) ? '\ufffd' : c);
          } else {
            out.write(c);
          }
        }
      }
    }
    out.write('"');
    return this;
  }

  /** Whether the surrogate at {@code i} is half of a pair (a lone one cannot be written). */
  private static boolean wellPaired(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private void unicode(char c) throws IOException {
    out.write("\\u");
    out.write(HEX[(c >> 12) & 0xf]);
    out.write(HEX[(c >> 8) & 0xf]);
    out.write(HEX[(c >> 4) & 0xf]);
    out.write(HEX[c & 0xf]);
  }
}
