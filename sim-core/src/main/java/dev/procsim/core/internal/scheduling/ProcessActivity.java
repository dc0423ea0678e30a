package dev.procsim.core.internal.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a process tree is doing right now, in words, from {@code /proc}: for a step-timeout report
 * that says why a process did not become idle ("python3 (pid 4242): running on a CPU, 4.9 s of CPU
 * time so far") instead of leaving the reader to guess.
 *
 * <pre>{@code
 * String doing = ProcessActivity.describe(tree);
 * // "sh (pid 10): asleep in wait4; sleep (pid 11): asleep in clock_nanosleep"
 * }</pre>
 */
public final class ProcessActivity {
  private static final boolean ARM = System.getProperty("os.arch").contains("aarch64");

  /** The system calls a sleeping process is most often found in, by number. */
  private static final Map<Long, String> SYSCALLS =
      ARM
          ? Map.ofEntries(
              Map.entry(63L, "read"),
              Map.entry(64L, "write"),
              Map.entry(22L, "epoll_pwait"),
              Map.entry(72L, "pselect6"),
              Map.entry(73L, "ppoll"),
              Map.entry(98L, "futex"),
              Map.entry(101L, "nanosleep"),
              Map.entry(115L, "clock_nanosleep"),
              Map.entry(95L, "waitid"),
              Map.entry(260L, "wait4"),
              Map.entry(202L, "accept"),
              Map.entry(242L, "accept4"),
              Map.entry(207L, "recvfrom"))
          : Map.ofEntries(
              Map.entry(0L, "read"),
              Map.entry(1L, "write"),
              Map.entry(7L, "poll"),
              Map.entry(23L, "select"),
              Map.entry(34L, "pause"),
              Map.entry(35L, "nanosleep"),
              Map.entry(43L, "accept"),
              Map.entry(45L, "recvfrom"),
              Map.entry(61L, "wait4"),
              Map.entry(202L, "futex"),
              Map.entry(230L, "clock_nanosleep"),
              Map.entry(232L, "epoll_wait"),
              Map.entry(247L, "waitid"),
              Map.entry(270L, "pselect6"),
              Map.entry(271L, "ppoll"),
              Map.entry(281L, "epoll_pwait"),
              Map.entry(288L, "accept4"));

  /** Linux's USER_HZ: /proc counts CPU time in ticks of 1/100 s on every common architecture. */
  private static final double TICKS_PER_SECOND = 100;

  /** At most this many processes of a tree are described; the rest are counted. */
  private static final int SHOWN = 4;

  private ProcessActivity() {}

  /** Each process of {@code tree}: its name, pid and what its threads are doing. */
  public static String describe(List<ProcessHandle> tree) {
    List<String> parts = new ArrayList<>();
    for (ProcessHandle process : tree) {
      if (parts.size() == SHOWN) {
        parts.add("and " + (tree.size() - SHOWN) + " more processes");
        break;
      }
      describe(process.pid()).ifPresent(parts::add);
    }
    return parts.isEmpty() ? "its processes had ended" : String.join("; ", parts);
  }

  private static Optional<String> describe(long pid) {
    Path root = Path.of("/proc", Long.toString(pid));
    String name = read(root.resolve("comm"));
    if (name == null) {
      return Optional.empty();
    }
    List<String> running = new ArrayList<>();
    List<String> other = new ArrayList<>();
    long ticks = 0;
    String mainThread = null;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(root.resolve("task"))) {
      for (Path thread : threads) {
        String stat = read(thread.resolve("stat"));
        if (stat == null) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        String doing = doing(fields[0].charAt(0), read(thread.resolve("syscall")));
        if (thread.getFileName().toString().equals(Long.toString(pid))) {
          mainThread = doing;
        } else if (doing.equals("running on a CPU")) {
          running.add(doing);
        } else {
          other.add(doing);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // it ended while we looked
    }
    StringBuilder text = new StringBuilder(name.strip()).append(" (pid ").append(pid).append("): ");
    text.append(mainThread == null ? "its main thread had ended" : mainThread);
    if (!running.isEmpty()) {
      text.append(", ")
          .append(running.size())
          .append(running.size() == 1 ? " other thread" : " other threads")
          .append(" running on a CPU");
    }
    text.append(
        String.format(Locale.ROOT, ", %.2f s of CPU time so far", ticks / TICKS_PER_SECOND));
    return Optional.of(text.toString());
  }

  /** One thread's state in words. */
  private static String doing(char state, String syscall) {
    return switch (state) {
      case 'R' -> "running on a CPU";
      case 'D' -> "blocked in uninterruptible I/O";
      case 'T', 't' -> "stopped";
      case 'Z' -> "exited, not yet reaped";
      default -> asleep(syscall);
    };
  }

  private static String asleep(String syscall) {
    if (syscall == null || syscall.startsWith("running") || syscall.startsWith("-")) {
      return "asleep";
    }
    String[] parts = syscall.trim().split(" ");
    long number = Long.parseLong(parts[0]);
    String name = SYSCALLS.getOrDefault(number, "system call " + number);
    if (name.equals("read") && parts.length > 1) {
      long fd = Long.decode(parts[1]);
      return fd == 0 ? "waiting to read its stdin" : "asleep in read of file descriptor " + fd;
    }
    return "asleep in " + name;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
