package dev.procsim.core.internal.scheduling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Black-box idle detection for unmodified processes on Linux, from {@code /proc}: a process tree is
 * idle when every thread of it is sleeping, at least one thread is blocked reading its input (a
 * {@code read} on fd 0, or a wait in poll/select/epoll for programs that multiplex), and its CPU
 * time does not move between two samples. Limits: a busy loop never looks idle; a process with its
 * own timers, or threads racing each other, can look idle between two of its actions.
 *
 * <p>One probe watches one process and its descendants, and keeps the {@code /proc} files it reads
 * open between samples ({@link ProcFiles}): a stepped run samples thousands of times a second. A
 * sample walks the tree from its root through each thread's {@code children} file and stops at the
 * first thread that is not asleep; a process of one thread is read without listing its threads.
 *
 * <pre>{@code
 * try (IdleProbe probe = new IdleProbe(process.pid())) {
 *   IdleProbe.Sample first = probe.sample();
 *   ... a short pause ...
 *   boolean idle = first.idle() && probe.sample().equals(first);
 * }
 * }</pre>
 */
public final class IdleProbe implements AutoCloseable {
  private static final boolean ARM = System.getProperty("os.arch").contains("aarch64");
  private static final long READ = ARM ? 63 : 0;
  private static final Set<Long> WAITS_FOR_INPUT =
      ARM
          ? Set.of(63L, 72L, 73L, 22L, 441L)
          : Set.of(0L, 7L, 23L, 232L, 270L, 271L, 281L, 441L); // 441: epoll_pwait2

  /** Whether this kernel lists each thread's children in /proc (CONFIG_PROC_CHILDREN). */
  private static final boolean CHILDREN_FILES =
      Files.exists(
          Path.of("/proc/self/task", Long.toString(ProcessHandle.current().pid()), "children"));

  /** The most processes of one tree a sample looks at (a fork bomb is not idle anyway). */
  private static final int MAX_PROCESSES = 10_000;

  private final long rootPid;
  private final ProcFiles files = new ProcFiles();
  private Map<Long, String[]> threadsSeen = new HashMap<>();
  private Map<Long, String[]> threadsNow = new HashMap<>();
  // The threads of the tree as the last complete look found them, and the last task created on
  // the machine just before that look.
  private List<String> known;
  private long knownAsOf = -1;

  /** A probe for the process {@code rootPid} and its descendants. */
  public IdleProbe(long rootPid) {
    this.rootPid = rootPid;
  }

  /**
   * What one look at a process tree saw.
   *
   * @param idle every thread sleeping and one of them waiting for input
   * @param cpuTicks the tree's user + system time, in clock ticks (0 when not idle: the look
   *     stopped at the first thread awake)
   * @param threads how many threads the tree has (those seen, when not idle)
   * @param readingStdin whether a thread is blocked in a {@code read} of fd 0 (not in a poll, whose
   *     time-out may wake it)
   */
  public record Sample(boolean idle, long cpuTicks, int threads, boolean readingStdin) {}

  /** What a sample has seen so far. */
  private static final class Seen {
    long ticks;
    int threads;
    boolean waitingForInput;
    boolean readingStdin;
    boolean awake;
    boolean ended;
    boolean cut;
  }

  /**
   * Looks at the threads of the tree, up to the first that is not asleep. When no task (process or
   * thread) was created anywhere since the last complete look, the tree is the one that look found,
   * less what ended: its threads are read again without reading whose children they have.
   */
  public synchronized Sample sample() {
    Seen seen = new Seen();
    long created = lastTaskCreated();
    boolean walked = false;
    try {
      if (created >= 0 && created == knownAsOf && known != null) {
        sampleKnown(seen);
      } else {
        walked = true;
        List<String> tasks = new ArrayList<>();
        walk(seen, tasks);
        // Only a look that saw the whole tree (no thread awake, nothing ended, not cut short)
        // stands for it later.
        known = seen.awake || seen.ended || seen.cut ? null : tasks;
        knownAsOf = created;
      }
    } finally {
      files.endLook();
      if (walked) {
        Map<Long, String[]> previous = threadsSeen;
        threadsSeen = threadsNow;
        threadsNow = previous;
        threadsNow.clear();
      }
    }
    if (seen.awake) {
      return new Sample(false, 0, seen.threads, false);
    }
    return new Sample(seen.waitingForInput, seen.ticks, seen.threads, seen.readingStdin);
  }

  /** Every process of the tree from its root, through each thread's children. */
  private void walk(Seen seen, List<String> tasks) {
    ArrayDeque<Long> pending = new ArrayDeque<>();
    pending.add(rootPid);
    if (!CHILDREN_FILES) {
      ProcessHandle.of(rootPid)
          .ifPresent(root -> root.descendants().forEach(p -> pending.add(p.pid())));
    }
    int processes = 0;
    while (!pending.isEmpty() && !seen.awake) {
      if (processes++ == MAX_PROCESSES) {
        seen.cut = true;
        return;
      }
      visitProcess(pending.poll(), pending, seen, tasks);
    }
  }

  /** The threads the last complete look found, read again; one that ended means a new walk. */
  private void sampleKnown(Seen seen) {
    for (String task : known) {
      String stat = files.read(task + "/stat");
      if (stat == null) {
        files.forget(task + "/");
        seen.ended = true;
        continue;
      }
      if (!countThread(task, stat, seen)) {
        // A zombie: its children, if any, have left the tree without a task being created.
        seen.ended = true;
      }
      if (seen.awake) {
        return;
      }
    }
    if (seen.ended) {
      known = null;
    }
  }

  /**
   * The id of the last task (process or thread) created on the machine, from {@code /proc/loadavg};
   * -1 when it cannot be read. A task made in a nested pid namespace takes an id in this one too.
   */
  private long lastTaskCreated() {
    String loadavg = files.read("/proc/loadavg");
    if (loadavg == null) {
      return -1;
    }
    String text = loadavg.trim();
    try {
      return Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private void visitProcess(long pid, ArrayDeque<Long> pending, Seen seen, List<String> tasks) {
    String process = "/proc/" + pid;
    String leader = process + "/task/" + pid;
    // The main thread's stat, not the process's: that one adds up the CPU time of every thread,
    // and for a thread on a CPU the kernel must lock that CPU's run queue to tell it.
    String stat = files.read(leader + "/stat");
    if (stat == null) {
      files.forget(process + "/"); // it ended: not running, which is what idle asks
      seen.ended = true;
      return;
    }
    long count = threadCount(stat);
    if (count <= 1) {
      // One thread: no listing of its threads.
      visitThread(leader, stat, pending, seen, tasks);
      return;
    }
    // The threads seen last time, while their number is unchanged and each still answers: listing
    // a process's threads costs more than reading several of their files.
    String[] threads = threadsSeen.get(pid);
    if (threads == null || threads.length != count) {
      threads = new File(process + "/task").list();
      if (threads == null) {
        seen.ended = true; // it ended while we looked
        return;
      }
    }
    threadsNow.put(pid, threads);
    for (String thread : threads) {
      String task = process + "/task/" + thread;
      String threadStat = task.equals(leader) ? stat : files.read(task + "/stat");
      if (threadStat == null) {
        files.forget(task + "/");
        // Ended: list them again next time (should another have started, this sample missed it,
        // and the next, listing it, differs in its count of threads).
        threadsNow.remove(pid);
        seen.ended = true;
        continue;
      }
      visitThread(task, threadStat, pending, seen, tasks);
      if (seen.awake) {
        return;
      }
    }
  }

  /** Counts one thread, whose files are under {@code task}, and queues its children. */
  private void visitThread(
      String task, String stat, ArrayDeque<Long> pending, Seen seen, List<String> tasks) {
    if (!countThread(task, stat, seen)) {
      return;
    }
    tasks.add(task);
    if (seen.awake || !CHILDREN_FILES) {
      return;
    }
    String children = files.read(task + "/children");
    if (children != null) {
      for (String child : children.trim().split(" ")) {
        if (!child.isEmpty()) {
          pending.add(Long.parseLong(child));
        }
      }
    }
  }

  /** Counts one thread from its stat; false when it has ended (a zombie not yet collected). */
  private boolean countThread(String task, String stat, Seen seen) {
    int fields = stat.lastIndexOf(')') + 2;
    char state = stat.charAt(fields);
    if (state == 'Z' || state == 'X') {
      return false; // it does nothing any more
    }
    seen.threads++;
    if (state != 'S') {
      seen.awake = true;
      return true;
    }
    seen.ticks += field(stat, fields, 11) + field(stat, fields, 12);
    if (!seen.waitingForInput) {
      String syscall = files.read(task + "/syscall");
      seen.waitingForInput = waitsForInput(syscall);
      seen.readingStdin = seen.waitingForInput && readsStdin(syscall);
    }
    return true;
  }

  /**
   * Whether this JVM's thread {@code tid} is asleep in {@code read}: truly blocked for input, not
   * merely about to run again with what the kernel gave it. True when /proc cannot say (tid -1),
   * and when the thread has ended (its stream ended: nothing more can come).
   */
  public synchronized boolean asleepInRead(long tid) {
    if (tid < 0) {
      return true;
    }
    String thread = "/proc/self/task/" + tid;
    String stat = files.read(thread + "/stat");
    String syscall = files.read(thread + "/syscall");
    if (stat == null || syscall == null) {
      return true; // the thread ended with its stream: nothing more can come from it
    }
    char state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state == 'S' && syscallNumber(syscall) == READ;
  }

  /** How many /proc files it keeps open now. */
  synchronized int openFiles() {
    return files.openCount();
  }

  /** How many files of process {@code pid} it keeps open now. */
  synchronized int openFilesOf(long pid) {
    return files.openCount("/proc/" + pid + "/");
  }

  /** Closes the files kept open; later samples still work, opening files for each read. */
  @Override
  public synchronized void close() {
    files.close();
  }

  /** The {@code index}-th space-separated number after the command in a stat line. */
  private static long field(String stat, int fieldsStart, int index) {
    int start = fieldsStart;
    for (int i = 0; i < index; i++) {
      start = stat.indexOf(' ', start) + 1;
    }
    int end = stat.indexOf(' ', start);
    return Long.parseLong(stat, start, end < 0 ? stat.length() : end, 10);
  }

  private static long threadCount(String stat) {
    return field(stat, stat.lastIndexOf(')') + 2, 17);
  }

  /** The number of the call a syscall file shows, or -1 for "running" and for errors. */
  private static long syscallNumber(String syscall) {
    if (syscall == null || syscall.startsWith("running") || syscall.startsWith("-")) {
      return -1;
    }
    String text = syscall.trim();
    int end = text.indexOf(' ');
    return Long.parseLong(text, 0, end < 0 ? text.length() : end, 10);
  }

  /** The first argument of the call a syscall file shows (a file descriptor for read). */
  private static long firstArgument(String syscall) {
    String[] parts = syscall.trim().split(" ");
    return parts.length > 1 ? Long.decode(parts[1]) : -1;
  }

  private static boolean readsStdin(String syscall) {
    return syscallNumber(syscall) == READ && firstArgument(syscall) == 0;
  }

  private static boolean waitsForInput(String syscall) {
    long number = syscallNumber(syscall);
    if (number < 0) {
      return false;
    }
    if (number == READ) {
      return firstArgument(syscall) == 0; // read(0, ...): its stdin
    }
    return WAITS_FOR_INPUT.contains(number);
  }
}
