package dev.procsim.core.internal.text;

import java.io.PrintStream;

/**
 * Prints what components print, prefixed by their names as the seed's simulator does ({@code p2:
 * Hello}, {@code p2 (stderr): oops}), and procsim's own warnings ({@code procsim: ...}). Silent
 * when built without a stream.
 *
 * <pre>{@code
 * ConsoleEcho echo = new ConsoleEcho(System.out);
 * echo.output("p2", "Hello from p1");   // prints "p2: Hello from p1"
 * }</pre>
 */
public final class ConsoleEcho {
  private final PrintStream out;
  private final String prefix;

  /** Echoes to {@code out}, or nowhere when null. */
  public ConsoleEcho(PrintStream out) {
    this(out, "");
  }

  /**
   * Echoes to {@code out}, or nowhere when null, each line after {@code prefix} (say, the name of
   * the test, when tests run in parallel and share a console).
   */
  public ConsoleEcho(PrintStream out, String prefix) {
    this.out = out;
    this.prefix = prefix;
  }

  /** A stdout line of {@code component} that was not a message. */
  public void output(String component, String line) {
    if (out != null) {
      out.println(prefix + component + ": " + line);
    }
  }

  /** A stderr line of {@code component}. */
  public void error(String component, String line) {
    if (out != null) {
      out.println(prefix + component + " (stderr): " + line);
    }
  }

  /** A warning from procsim itself. */
  public void warning(String text) {
    if (out != null) {
      out.println(prefix + "procsim: " + text);
    }
  }
}
