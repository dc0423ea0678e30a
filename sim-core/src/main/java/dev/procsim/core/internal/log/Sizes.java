package dev.procsim.core.internal.log;

import java.util.Locale;

/**
 * Sizes in bytes as a person reads them: {@code 512 bytes}, {@code 32 MiB}, {@code 1.5 GiB}.
 *
 * <pre>{@code
 * Sizes.bytes(32L << 20); // "32 MiB"
 * }</pre>
 */
public final class Sizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Sizes() {}

  /** {@code bytes} in the largest binary unit that keeps the number at 1 or more. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double value = bytes;
    int unit = -1;
    // 1,048,575 bytes is 1023.999 KiB, which would print as "1024.0 KiB": one unit up instead.
    while (Math.round(value * 10) >= 1024 * 10 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number =
        value == Math.rint(value)
            ? String.valueOf((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + UNITS[unit];
  }
}
