package dev.procsim.core.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OS's id of a Java thread, which Java does not give: on Linux, {@code /proc/thread-self} links
 * to {@code <pid>/task/<tid>} for whichever thread reads it.
 *
 * <pre>{@code
 * long tid = NativeThreads.currentId();   // in the thread of interest; -1 without /proc
 * }</pre>
 */
final class NativeThreads {
  private NativeThreads() {}

  /** The calling thread's OS id, or -1 when /proc cannot say. */
  static long currentId() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/thread-self"));
      return Long.parseLong(target.getFileName().toString());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
