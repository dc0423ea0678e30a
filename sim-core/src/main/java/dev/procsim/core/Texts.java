package dev.procsim.core;

/**
 * How procsim shows a body or a line to a person: in double quotes, control characters escaped,
 * clipped past {@value #MAX_SHOWN} characters with the full length said. The log's descriptions and
 * failure texts use it; use it in assertions of your own so that they read the same.
 *
 * <pre>{@code
 * Texts.quote("tab\there");   // "tab\\there", in quotes, clipped past 200 characters
 * }</pre>
 */
public final class Texts {
  /** Longest text a description shows of a body or line before clipping it. */
  public static final int MAX_SHOWN = 200;

  private Texts() {}

  /** The text in double quotes, control characters escaped, clipped to {@link #MAX_SHOWN}. */
  public static String quote(String text) {
    int shown = Math.min(text.length(), MAX_SHOWN);
    StringBuilder out = new StringBuilder(shown + 16).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (text.length() > shown) {
      out.append("... (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  /**
   * A command as one line: its words joined by spaces, each word that holds whitespace, a quote or
   * a control character {@link #quote quoted} (a {@code python3 -c} script stays on one line).
   */
  public static String command(java.util.List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain =
          !word.isEmpty()
              && word.chars()
                  .noneMatch(
                      c ->
                          Character.isWhitespace(c)
                              || c == '"'
                              || c == '\''
                              || Character.isISOControl(c));
      line.append(plain ? word : quote(word));
    }
    return line.toString();
  }

  /** The text clipped to {@link #MAX_SHOWN} characters. */
  public static String clip(String text) {
    return text.length() <= MAX_SHOWN
        ? text
        : text.substring(0, MAX_SHOWN) + "... (" + text.length() + " chars)";
  }
}
