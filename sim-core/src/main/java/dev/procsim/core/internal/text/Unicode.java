package dev.procsim.core.internal.text;

/**
 * What a Java string holds that UTF-8 cannot write: a surrogate without its pair. {@code
 * String.getBytes(UTF_8)} silently turns one into {@code ?}, so a message body with one would be
 * logged as one text and read as another.
 *
 * <pre>{@code
 * int at = Unicode.unpairedSurrogate("a\uD800b");   // 1
 * String why = Unicode.describeUnpaired("a\uD800b", at);   // "an unpaired surrogate U+D800 at index 1"
 * }</pre>
 */
public final class Unicode {
  private Unicode() {}

  /** The index of the first surrogate without its pair in {@code text}, or -1 when none. */
  public static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one code point
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The unpaired surrogate at {@code index}, as a person reads it. */
  public static String describeUnpaired(String text, int index) {
    return String.format(
        "an unpaired surrogate U+%04X at index %d, which UTF-8 cannot encode",
        (int) text.charAt(index), index);
  }
}
