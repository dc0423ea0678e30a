package dev.procsim.core.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signals and waits for whole process trees, and finds the processes of a run by the {@code
 * PROCSIM_RUN} variable in their environment (Linux {@code /proc}), which also catches descendants
 * that were re-parented to init when their parent died.
 *
 * <pre>{@code
 * List<ProcessHandle> tree = ProcessTree.withDescendants(process.toHandle());
 * ProcessTree.terminate(tree);
 * ProcessTree.kill(ProcessTree.findByRun(runId));
 * }</pre>
 */
public final class ProcessTree {
  private ProcessTree() {}

  /** {@code root} and all its current descendants, root first. */
  public static List<ProcessHandle> withDescendants(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    if (!childrenFromProc(root.pid(), tree)) {
      tree.subList(1, tree.size()).clear();
      root.descendants().forEach(tree::add);
    }
    return tree;
  }

  /**
   * Adds the descendants of {@code pid} from {@code /proc/<pid>/task/<tid>/children}, which lists
   * only a process's own children: the cost of a look grows with the tree, not with every process
   * on the machine, as {@link ProcessHandle#descendants()} does. False where the kernel does not
   * provide those files.
   */
  private static boolean childrenFromProc(long pid, List<ProcessHandle> tree) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        String children;
        try {
          children = Files.readString(thread.resolve("children"), StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
          if (Files.exists(thread)) {
            return false; // the kernel lists no children here: ask the JDK
          }
          continue; // the thread ended while we looked
        }
        for (String child : children.trim().split(" ")) {
          if (!child.isEmpty()) {
            long childPid = Long.parseLong(child);
            Optional<ProcessHandle> handle = ProcessHandle.of(childPid);
            if (handle.isPresent()) {
              tree.add(handle.get());
              if (!childrenFromProc(childPid, tree)) {
                return false;
              }
            }
          }
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return Files.isDirectory(Path.of("/proc/self/task")); // the process ended: no children
    }
  }

  /**
   * The given processes plus the current descendants of those still alive, without repeats. One
   * look at the process table for them all: asking each process for its descendants reads the whole
   * table once per process, which grows with the square of a thousand components.
   */
  public static Set<ProcessHandle> expand(Collection<ProcessHandle> processes) {
    Set<ProcessHandle> all = new LinkedHashSet<>(processes);
    Map<Long, List<ProcessHandle>> children = new HashMap<>();
    ProcessHandle.allProcesses()
        .forEach(
            p ->
                p.parent()
                    .ifPresent(
                        parent ->
                            children.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(p)));
    ArrayDeque<ProcessHandle> pending = new ArrayDeque<>();
    processes.stream().filter(ProcessHandle::isAlive).forEach(pending::add);
    while (!pending.isEmpty()) {
      for (ProcessHandle child : children.getOrDefault(pending.poll().pid(), List.of())) {
        if (all.add(child)) {
          pending.add(child);
        }
      }
    }
    Set<ProcessHandle> given = new HashSet<>(processes);
    all.removeIf(p -> !given.contains(p) && !p.isAlive());
    return all;
  }

  /** Sends SIGTERM to every process that is still alive. */
  public static void terminate(Collection<ProcessHandle> processes) {
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
  }

  /** Sends SIGKILL to every process that is still alive. */
  public static void kill(Collection<ProcessHandle> processes) {
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Sends {@code signal} (a name such as {@code STOP} or {@code CONT}) to every process that is
   * still alive, with {@code kill}, since Java can only send SIGTERM and SIGKILL itself.
   *
   * @throws IllegalStateException when {@code kill} fails
   */
  public static void signal(Collection<ProcessHandle> processes, String signal) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    processes.stream()
        .filter(ProcessHandle::isAlive)
        .forEach(p -> command.add(Long.toString(p.pid())));
    if (command.size() == 2) {
      return;
    }
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = kill.waitFor();
      // kill also fails when a process exited between the check and the signal: only a total
      // failure is an error.
      if (code != 0
          && processes.stream().anyMatch(ProcessHandle::isAlive)
          && !output.contains("No such process")) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + signal, e);
    }
  }

  /**
   * Waits until every live process of {@code processes} shows as stopped in {@code /proc} (state T
   * or t), or the deadline ({@link System#nanoTime}) passes. SIGSTOP is delivered asynchronously
   * and nothing notifies a non-parent of the stop, so this re-reads the state, yielding between
   * reads; the wait is normally microseconds. Returns true when all are stopped or gone; true at
   * once where {@code /proc} does not exist.
   */
  public static boolean awaitStopped(Collection<ProcessHandle> processes, long deadlineNanos) {
    for (ProcessHandle process : processes) {
      Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
      while (true) {
        char state = stateOf(stat);
        if (state == 'T' || state == 't' || state == 'Z' || state == 'X' || state == '?') {
          break;
        }
        if (System.nanoTime() > deadlineNanos) {
          return false;
        }
        Thread.yield();
      }
    }
    return true;
  }

  /** The state letter of a /proc stat file, or '?' when it cannot be read (gone, or no /proc). */
  private static char stateOf(Path stat) {
    try {
      String text = Files.readString(stat, StandardCharsets.UTF_8);
      int end = text.lastIndexOf(')');
      return end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : '?';
    } catch (IOException e) {
      return '?';
    }
  }

  /** Waits until every process has exited or the deadline ({@link System#nanoTime}) passes. */
  public static boolean awaitExit(Collection<ProcessHandle> processes, long deadlineNanos)
      throws InterruptedException {
    CompletableFuture<?>[] exits =
        processes.stream()
            .filter(ProcessHandle::isAlive)
            .map(ProcessHandle::onExit)
            .toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(exits)
          .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for a process exit failed", e);
    }
  }

  /**
   * Every live process whose environment holds {@code PROCSIM_RUN=runId}, except this JVM. Empty
   * where {@code /proc} does not exist.
   */
  public static List<ProcessHandle> findByRun(String runId) {
    return find(("PROCSIM_RUN=" + runId + "\0").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every live process whose {@code PROCSIM_RUN} starts with {@code prefix}, except this JVM. Empty
   * where {@code /proc} does not exist.
   */
  public static List<ProcessHandle> findByRunPrefix(String prefix) {
    return find(("PROCSIM_RUN=" + prefix).getBytes(StandardCharsets.UTF_8));
  }

  private static List<ProcessHandle> find(byte[] marker) {
    Path proc = Path.of("/proc");
    List<ProcessHandle> found = new ArrayList<>();
    if (!Files.isDirectory(proc)) {
      return found;
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        if (pid != self && environmentContains(entry.resolve("environ"), marker)) {
          ProcessHandle.of(pid).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      // /proc vanished under us: nothing more we can find.
    }
    return found;
  }

  private static boolean environmentContains(Path environ, byte[] marker) {
    byte[] env;
    try {
      env = Files.readAllBytes(environ);
    } catch (IOException | SecurityException e) {
      return false; // gone, or another user's process
    }
    outer:
    for (int start = 0; start + marker.length <= env.length; start++) {
      if (start > 0 && env[start - 1] != 0) {
        continue;
      }
      for (int i = 0; i < marker.length; i++) {
        if (env[start + i] != marker[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
