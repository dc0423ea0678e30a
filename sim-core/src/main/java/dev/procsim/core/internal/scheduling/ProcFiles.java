package dev.procsim.core.internal.scheduling;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Files of {@code /proc} kept open between looks and read again from their start each time. A
 * stepped run of unmodified processes looks at them thousands of times a second, and opening a
 * {@code /proc} path (the kernel resolves it anew, the JDK builds a channel) costs about three
 * times what reading an open one does. A file of a process or thread that has ended reads as null:
 * the kernel ties an open {@code /proc} file to its task, so a reused id never answers for the one
 * that ended. Files not read for a while are closed, everything at {@link #close()}, and at most
 * {@value #MAX_OPEN} are kept open (beyond that, files are opened for one read). Not thread-safe.
 *
 * <pre>{@code
 * try (ProcFiles files = new ProcFiles()) {
 *   String stat = files.read("/proc/4242/stat");   // null once 4242 has ended
 *   files.endLook();                               // closes what recent looks did not read
 * }
 * }</pre>
 */
final class ProcFiles implements AutoCloseable {
  /** The most files kept open for one observed process tree. */
  static final int MAX_OPEN = 256;

  /** A file not read in this many looks is closed. */
  private static final int LOOKS_KEPT = 64;

  private static final class OpenFile {
    final RandomAccessFile file;
    long lastLook;

    OpenFile(RandomAccessFile file) {
      this.file = file;
    }
  }

  private final Map<String, OpenFile> open = new HashMap<>();
  private byte[] buffer = new byte[8192];
  private long look;
  private boolean closed;

  /** The whole content of {@code path}, as Latin-1 text; null when it cannot be read (ended). */
  String read(String path) {
    OpenFile cached = open.get(path);
    if (cached == null) {
      RandomAccessFile file;
      try {
        file = new RandomAccessFile(path, "r");
      } catch (IOException e) {
        return null;
      }
      if (closed || open.size() >= MAX_OPEN) {
        try (file) {
          return readAll(file);
        } catch (IOException e) {
          return null;
        }
      }
      cached = new OpenFile(file);
      open.put(path, cached);
    }
    cached.lastLook = look;
    try {
      return readAll(cached.file);
    } catch (IOException e) {
      // Its task ended: the file will never answer again.
      open.remove(path);
      closeQuietly(cached.file);
      return null;
    }
  }

  /**
   * Reads from the start with positional reads until one reads nothing: the kernel hands out a
   * {@code /proc} file a page at a time at most, and a read short of the room it had is not the
   * last when the next record did not fit.
   */
  private String readAll(RandomAccessFile file) throws IOException {
    FileChannel channel = file.getChannel();
    int length = 0;
    int n;
    while ((n = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length), length))
        > 0) {
      length += n;
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Closes the files whose path starts with {@code prefix}: their process or thread ended. */
  void forget(String prefix) {
    for (Iterator<Map.Entry<String, OpenFile>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, OpenFile> entry = it.next();
      if (entry.getKey().startsWith(prefix)) {
        it.remove();
        closeQuietly(entry.getValue().file);
      }
    }
  }

  /** One look is over: closes the files that the last few looks did not read. */
  void endLook() {
    look++;
    for (Iterator<OpenFile> it = open.values().iterator(); it.hasNext(); ) {
      OpenFile file = it.next();
      if (look - file.lastLook > LOOKS_KEPT) {
        it.remove();
        closeQuietly(file.file);
      }
    }
  }

  /** How many files are open now. */
  int openCount() {
    return open.size();
  }

  /** How many files whose path starts with {@code prefix} are open now. */
  int openCount(String prefix) {
    return (int) open.keySet().stream().filter(path -> path.startsWith(prefix)).count();
  }

  /** Closes every file; later reads open a file for that read only. */
  @Override
  public void close() {
    closed = true;
    open.values().forEach(file -> closeQuietly(file.file));
    open.clear();
  }

  private static void closeQuietly(RandomAccessFile file) {
    try {
      file.close();
    } catch (IOException e) {
      // Only ever read: nothing to lose.
    }
  }
}
