package dev.procsim.core.internal.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Black-box idle detection for unmodified processes on Linux, from {@code /proc}: a process tree is
 * idle when every thread of it is sleeping, at least one thread is blocked reading its input (a
 * {@code read} on fd 0, or a wait in poll/select/epoll for programs that multiplex), and its CPU
 * time does not move between two samples. Limits: a busy loop never looks idle; a process with its
 * own timers, or threads racing each other, can look idle between two of its actions.
 *
 * <pre>{@code
 * IdleProbe.Sample first = IdleProbe.sample(tree);
 * ... a short pause ...
 * boolean idle = first.idle() && IdleProbe.sample(tree).equals(first);
 * }</pre>
 */
public final class IdleProbe {
  private static final boolean ARM = System.getProperty("os.arch").contains("aarch64");
  private static final long READ = ARM ? 63 : 0;
  private static final Set<Long> WAITS_FOR_INPUT =
      ARM ? Set.of(63L, 72L, 73L, 22L) : Set.of(0L, 7L, 23L, 232L, 270L, 271L, 281L);

  private IdleProbe() {}

  /**
   * What one look at a process tree saw.
   *
   * @param idle every thread sleeping and one of them waiting for input
   * @param cpuTicks the tree's user + system time, in clock ticks
   * @param threads how many threads the tree has
   * @param readingStdin whether a thread is blocked in a {@code read} of fd 0 (not in a poll, whose
   *     time-out may wake it)
   */
  public record Sample(boolean idle, long cpuTicks, int threads, boolean readingStdin) {}

  /** Looks at every thread of every process in {@code tree}. */
  public static Sample sample(List<ProcessHandle> tree) {
    boolean allSleeping = true;
    boolean waitingForInput = false;
    long ticks = 0;
    int count = 0;
    boolean readingStdin = false;
    for (ProcessHandle process : tree) {
      Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
      try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
        for (Path thread : threads) {
          String stat = read(thread.resolve("stat"));
          if (stat == null) {
            continue; // the thread ended while we looked
          }
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          char state = fields[0].charAt(0);
          count++;
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          if (state != 'S') {
            allSleeping = false;
          }
          if (state == 'S' && !waitingForInput) {
            String syscall = read(thread.resolve("syscall"));
            waitingForInput = waitsForInput(syscall);
            readingStdin = waitingForInput && readsStdin(syscall);
          }
        }
      } catch (IOException | RuntimeException e) {
        // The process ended while we looked: it is not running, which is what idle asks.
      }
    }
    return new Sample(allSleeping && waitingForInput, ticks, count, readingStdin);
  }

  /**
   * Whether this JVM's thread {@code tid} is asleep in {@code read}: truly blocked for input, not
   * merely about to run again with what the kernel gave it. True when /proc cannot say (tid -1),
   * and when the thread has ended (its stream ended: nothing more can come).
   */
  public static boolean asleepInRead(long tid) {
    if (tid < 0) {
      return true;
    }
    Path thread = Path.of("/proc/self/task", Long.toString(tid));
    String stat = read(thread.resolve("stat"));
    String syscall = read(thread.resolve("syscall"));
    if (stat == null || syscall == null) {
      return true; // the thread ended with its stream: nothing more can come from it
    }
    char state = stat.charAt(stat.lastIndexOf(')') + 2);
    String[] parts = syscall.trim().split(" ");
    return state == 'S' && !parts[0].equals("running") && Long.parseLong(parts[0]) == READ;
  }

  private static boolean readsStdin(String syscall) {
    String[] parts = syscall.trim().split(" ");
    return Long.parseLong(parts[0]) == READ && parts.length > 1 && Long.decode(parts[1]) == 0;
  }

  private static boolean waitsForInput(String syscall) {
    if (syscall == null || syscall.startsWith("running") || syscall.startsWith("-")) {
      return false;
    }
    String[] parts = syscall.trim().split(" ");
    long number = Long.parseLong(parts[0]);
    if (number == READ) {
      return parts.length > 1 && Long.decode(parts[1]) == 0; // read(0, ...): its stdin
    }
    return WAITS_FOR_INPUT.contains(number);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
