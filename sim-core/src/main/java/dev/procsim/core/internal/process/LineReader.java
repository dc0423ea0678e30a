package dev.procsim.core.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines with bounded memory. A line ends at {@code \n}; a {@code \r}
 * before it is dropped. A line longer than the maximum is handed out as soon as the maximum is
 * reached, marked as cut, and the rest of it is skipped up to the next {@code \n}, so a stream with
 * no line break at all never grows the buffer past the maximum. Bytes that are not valid UTF-8 are
 * replaced by U+FFFD and the line says where the first one was.
 *
 * <p>Not thread-safe: one reader thread per stream.
 *
 * <pre>{@code
 * LineReader reader = new LineReader(process.getInputStream(), 1024 * 1024);
 * for (LineReader.Line line; (line = reader.next()) != null; ) {
 *   if (line.cut()) { ... }
 * }
 * }</pre>
 */
public final class LineReader {
  /** Lines buffers larger than this are dropped after use, so one long line does not pin memory. */
  private static final int RETAINED_LINE_BUFFER = 64 * 1024;

  /**
   * One line of text.
   *
   * @param text the decoded line, without its line break
   * @param cut whether the line was longer than the maximum and was cut to it
   * @param invalidUtf8At byte offset of the first invalid UTF-8 sequence, or -1 when valid
   */
  public record Line(String text, boolean cut, int invalidUtf8At) {
    /** Whether the line's bytes were valid UTF-8. */
    public boolean isValidUtf8() {
      return invalidUtf8At < 0;
    }
  }

  private final InputStream in;
  private final int maxLength;
  private final byte[] chunk = new byte[8192];
  private int chunkPos;
  private int chunkEnd;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean skippingRestOfCutLine;
  private volatile boolean waitingForInput;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Reads lines from {@code in}, none longer than {@code maxLength} bytes. */
  public LineReader(InputStream in, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
    }
    this.in = in;
    this.maxLength = maxLength;
  }

  /**
   * The next line, or null at the end of the stream. A last line without a line break is returned
   * too.
   */
  public Line next() throws IOException {
    while (true) {
      if (chunkPos == chunkEnd) {
        waitingForInput = true;
        int n;
        try {
          n = in.read(chunk, 0, chunk.length);
        } finally {
          waitingForInput = false;
        }
        if (n < 0) {
          boolean pending = lineLength > 0 && !skippingRestOfCutLine;
          skippingRestOfCutLine = false;
          return pending ? finish(false) : null;
        }
        chunkPos = 0;
        chunkEnd = n;
        continue;
      }
      int newline = indexOfNewline(chunkPos, chunkEnd);
      int end = newline >= 0 ? newline : chunkEnd;
      if (skippingRestOfCutLine) {
        chunkPos = newline >= 0 ? newline + 1 : chunkEnd;
        skippingRestOfCutLine = newline < 0;
        continue;
      }
      int available = end - chunkPos;
      int room = maxLength - lineLength;
      if (available > room) {
        append(chunkPos, room);
        chunkPos = newline >= 0 ? newline + 1 : chunkEnd;
        skippingRestOfCutLine = newline < 0;
        return finish(true);
      }
      append(chunkPos, available);
      if (newline >= 0) {
        chunkPos = newline + 1;
        return finish(false);
      }
      chunkPos = chunkEnd;
    }
  }

  /**
   * Whether the reader is blocked reading its stream with nothing buffered: everything it was given
   * has been handed out. Safe to call from any thread (a moment's view).
   */
  public boolean isWaitingForInput() {
    return waitingForInput;
  }

  /** Whether bytes already read wait to be split into lines; call from the reading thread only. */
  public boolean hasBufferedBytes() {
    return chunkPos < chunkEnd;
  }

  /**
   * Whether a whole line waits in what was already read, so that {@link #next()} returns it without
   * reading the stream; call from the reading thread only.
   */
  public boolean hasBufferedLine() {
    return indexOfNewline(chunkPos, chunkEnd) >= 0;
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int count) {
    if (lineLength + count > line.length) {
      int grown = Math.max(line.length * 2, lineLength + count);
      line = Arrays.copyOf(line, Math.min(grown, maxLength));
    }
    System.arraycopy(chunk, from, line, lineLength, count);
    lineLength += count;
  }

  /** Drops the line buffer (the reader is not used again): memory for reporting a failure. */
  void release() {
    line = new byte[0];
    lineLength = 0;
  }

  private Line finish(boolean cut) {
    int length = lineLength;
    if (!cut && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    Line result = decode(length, cut);
    lineLength = 0;
    if (line.length > RETAINED_LINE_BUFFER) {
      line = new byte[256];
    }
    return result;
  }

  private Line decode(int length, boolean cut) {
    if (isAscii(length)) {
      return new Line(new String(line, 0, length, StandardCharsets.ISO_8859_1), cut, -1);
    }
    strictUtf8.reset();
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CharBuffer chars = CharBuffer.allocate(length);
    // A cut line may end inside a character: that is not the producer's fault, so for a cut line
    // the end is not the end of input, and an incomplete last character is simply left out.
    CoderResult result = strictUtf8.decode(bytes, chars, !cut);
    if (!result.isError()) {
      if (!cut) {
        strictUtf8.flush(chars);
      }
      return new Line(chars.flip().toString(), cut, -1);
    }
    int invalidAt = bytes.position();
    return new Line(new String(line, 0, length, StandardCharsets.UTF_8), cut, invalidAt);
  }

  private boolean isAscii(int length) {
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
