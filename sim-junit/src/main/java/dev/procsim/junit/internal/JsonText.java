package dev.procsim.junit.internal;

/**
 * JSON string literals, escaped as RFC 8259 requires. The sweep summary is the one JSON document
 * sim-junit writes, and its structure is fixed, so this module writes it with a string builder and
 * this escaping rather than pull a JSON library onto every user's test class path; the summaries
 * are read back (and merged) with Jackson by {@code procsim sweep-report}, whose tests check that
 * every text survives the trip.
 *
 * <pre>{@code
 * JsonText.quote("say \"hi\"\n"); // "\"say \\\"hi\\\"\\n\""
 * }</pre>
 */
public final class JsonText {
  private JsonText() {}

  /** {@code text} as a JSON string literal, quotes included; {@code null} for null. */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
            // Control characters must be escaped; a lone surrogate is not text, so it is written
            // as an escape that any parser reads back as the same char.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean pairedAt(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
