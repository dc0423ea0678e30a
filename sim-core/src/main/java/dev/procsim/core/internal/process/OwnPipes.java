package dev.procsim.core.internal.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds this JVM's own end of a pipe it shares with a child: the JDK keeps the file descriptor
 * numbers of a process's pipes to itself, but {@code /proc/self/fd} shows each as {@code
 * pipe:[inode]}, and {@code /proc/self/fdinfo} whether it is open for reading or for writing.
 * Remembers what one listing saw, so that a thousand components do not list the JVM's thousands of
 * descriptors a thousand times; a pipe not found lists them again.
 *
 * <pre>{@code
 * String pipe = Files.readSymbolicLink(Path.of("/proc", pid, "fd", "0")).toString();
 * OptionalInt fd = OwnPipes.end(pipe, OwnPipes.End.WRITE);    // where we write its stdin
 * }</pre>
 */
public final class OwnPipes {
  /** Which end of a pipe. */
  public enum End {
    READ,
    WRITE
  }

  private static final String FDS = "/proc/self/fd/";

  /** Descriptor numbers by what their link reads, as last listed. */
  private static final Map<String, List<Integer>> byLink = new HashMap<>();

  private OwnPipes() {}

  /**
   * The number of this JVM's descriptor for the {@code end} of {@code pipe} (a link text such as
   * {@code pipe:[4711]}), if it holds one.
   */
  public static synchronized OptionalInt end(String pipe, End end) {
    OptionalInt known = pick(pipe, end);
    if (known.isPresent()) {
      return known;
    }
    listAgain();
    return pick(pipe, end);
  }

  /** Whether descriptor {@code fd} is still the given end of {@code pipe}. */
  public static boolean isStill(int fd, String pipe, End end) {
    return pipe.equals(link(fd)) && opened(fd) == end;
  }

  private static OptionalInt pick(String pipe, End end) {
    for (int fd : byLink.getOrDefault(pipe, List.of())) {
      if (isStill(fd, pipe, end)) {
        return OptionalInt.of(fd);
      }
    }
    return OptionalInt.empty();
  }

  private static void listAgain() {
    byLink.clear();
    String[] fds = new File(FDS).list();
    if (fds == null) {
      return; // no /proc here
    }
    for (String name : fds) {
      int fd = Integer.parseInt(name);
      String link = link(fd);
      if (link != null && link.startsWith("pipe:")) {
        byLink.computeIfAbsent(link, k -> new ArrayList<>(1)).add(fd);
      }
    }
  }

  private static String link(int fd) {
    try {
      return Files.readSymbolicLink(Path.of(FDS + fd)).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null; // closed since
    }
  }

  /** How descriptor {@code fd} was opened, from the access mode in its {@code flags} (octal). */
  private static End opened(int fd) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd), StandardCharsets.US_ASCII)) {
        if (line.startsWith("flags:")) {
          int flags = Integer.parseInt(line.substring("flags:".length()).trim(), 8);
          int accessMode = flags & 3; // O_RDONLY 0, O_WRONLY 1, O_RDWR 2
          return accessMode == 0 ? End.READ : accessMode == 1 ? End.WRITE : null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Closed since, or no fdinfo here.
    }
    return null;
  }
}
