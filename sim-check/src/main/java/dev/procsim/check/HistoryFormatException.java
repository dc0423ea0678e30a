package dev.procsim.check;

/**
 * A history file (or a recording) that does not say what a history must: a line that cannot be
 * read, a completion without an invocation, two pending operations on one process. The message
 * names the file and the line; nothing is guessed.
 *
 * <pre>{@code
 * try {
 *   JepsenLog.read(path);
 * } catch (HistoryFormatException e) {
 *   System.err.println(e.getMessage()); // "etcd_001.log line 12: process 3 completes ..."
 * }
 * }</pre>
 */
public final class HistoryFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /** A problem at {@code line} (1-based; 0 when not a line's) of {@code source}. */
  public HistoryFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? " line " + line : "") + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file (or recording) that was read. */
  public String source() {
    return source;
  }

  /** The line, 1-based; 0 when the problem is not one line's. */
  public int line() {
    return line;
  }
}
