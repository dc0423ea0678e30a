package dev.procsim.core.internal.process;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A cgroup that holds every process of one simulation, where the platform lets procsim make one: a
 * process cannot leave its cgroup by changing its session, its parent or its environment, so a
 * daemon started with {@code setsid env -i ...} (which loses {@code PROCSIM_RUN} and its place in
 * the tree) is still found and ended at close. Two kinds, the first that works:
 *
 * <ul>
 *   <li>cgroup v1's freezer, when its hierarchy is writable (root, containers): the launching
 *       thread alone steps into the simulation's cgroup while it starts a process, so the process
 *       is born inside, before it can fork;
 *   <li>cgroup v2, when this JVM's own cgroup is writable (a systemd user session delegates it): a
 *       process is moved in as soon as it has started; one that forks a daemon within that instant
 *       can still escape.
 * </ul>
 *
 * Elsewhere (no writable cgroup, not Linux) there is none, and the {@code PROCSIM_RUN} mark and the
 * process tree are all that find a simulation's processes. The cgroup's directory is named after
 * the run ({@code procsim-<jvm pid>-...}), beside this JVM's own cgroup, so that the {@link
 * JvmWatchdog} finds them too.
 *
 * <pre>{@code
 * Optional<RunCgroup> cgroup = RunCgroup.create(runId);
 * Process p = cgroup.isPresent() ? cgroup.get().start(builder::start) : builder.start();
 * cgroup.ifPresent(RunCgroup::killAll);   // at close
 * }</pre>
 */
public final class RunCgroup {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  /**
   * Bounds the looks for the JVM's own threads in the cgroup (each look after a move finds fewer).
   */
  private static final int MAX_EVACUATION_LOOKS = 100;

  /** How long ending the members may take in all, should the kernel not let one die. */
  private static final long KILL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** What kind of cgroup. */
  enum Kind {
    /** cgroup v1's freezer hierarchy. */
    V1_FREEZER,
    /** the unified (v2) hierarchy. */
    V2
  }

  private final Kind kind;
  private final Path dir;
  private final Path home;
  private volatile boolean someBornOutside;

  private RunCgroup(Kind kind, Path dir, Path home) {
    this.kind = kind;
    this.dir = dir;
    this.home = home;
  }

  /** A new cgroup for run {@code runId}, or none where this platform lets procsim make none. */
  public static Optional<RunCgroup> create(String runId) {
    for (Kind kind : Kind.values()) {
      Optional<RunCgroup> made = create(kind, runId);
      if (made.isPresent()) {
        return made;
      }
    }
    return Optional.empty();
  }

  /** A new cgroup of {@code kind}, or none. */
  static Optional<RunCgroup> create(Kind kind, String runId) {
    Optional<Path> home = home(kind);
    if (home.isEmpty()) {
      return Optional.empty();
    }
    Path dir = home.get().resolve(runId);
    try {
      Files.createDirectory(dir);
      return Optional.of(new RunCgroup(kind, dir, home.get()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not ours to write: the marks and the tree will have to do
    }
  }

  /**
   * The directories the cgroups of this JVM's simulations are made in (for the watchdog), of every
   * kind that exists here.
   */
  public static List<Path> homes() {
    List<Path> homes = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      home(kind).ifPresent(homes::add);
    }
    return homes;
  }

  /**
   * This process's cgroup directory in the hierarchy of {@code kind}, if mounted where expected.
   */
  private static Optional<Path> home(Kind kind) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        String[] parts = line.split(":", 3);
        if (parts.length < 3) {
          continue;
        }
        String relative = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
        if (kind == Kind.V1_FREEZER && List.of(parts[1].split(",")).contains("freezer")) {
          return existing(ROOT.resolve("freezer").resolve(relative), "freezer.state", true);
        }
        if (kind == Kind.V2 && parts[0].equals("0") && parts[1].isEmpty()) {
          // Pure v2 mounts the hierarchy at the root; hybrid systems under "unified".
          Optional<Path> pure = existing(ROOT.resolve(relative), "cgroup.procs", false);
          return pure.isPresent()
              ? pure
              : existing(ROOT.resolve("unified").resolve(relative), "cgroup.procs", false);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc, or a format this code does not know: no cgroup.
    }
    return Optional.empty();
  }

  private static Optional<Path> existing(Path dir, String file, boolean v1) {
    // A v1 directory has freezer.state except at the hierarchy's root; v2's has cgroup.procs.
    boolean looksRight =
        Files.isRegularFile(dir.resolve(file))
            || v1 && Files.isRegularFile(dir.resolve("cgroup.procs"));
    boolean isV2 = Files.isRegularFile(dir.resolve("cgroup.controllers"));
    return looksRight && Files.isWritable(dir) && (v1 != isV2)
        ? Optional.of(dir)
        : Optional.empty();
  }

  /** Which kind it is. */
  Kind kind() {
    return kind;
  }

  /**
   * Whether every process it started was born inside (v1), so that none of them can have forked
   * outside it.
   */
  public boolean bornInside() {
    return kind == Kind.V1_FREEZER && !someBornOutside;
  }

  /** Its directory. */
  public Path dir() {
    return dir;
  }

  /**
   * Starts a process with {@code start} so that it belongs to this cgroup: born inside (v1), or
   * moved in at once (v2). A process that cannot be put inside still runs, found by its mark.
   */
  public Process start(Callable<Process> start) throws Exception {
    if (kind == Kind.V1_FREEZER) {
      long thread = NativeThreads.currentId();
      boolean inside = thread > 0 && write(dir.resolve("tasks"), thread);
      if (!inside) {
        someBornOutside = true; // found by its mark and its tree, as without a cgroup
      }
      try {
        return start.call();
      } finally {
        if (inside) {
          // A thread the JVM made meanwhile (the process's reaper) was born inside too; it is
          // moved out before the cgroup is frozen (killAll), not here: that costs a look at every
          // member, at every start.
          write(home.resolve("tasks"), thread);
        }
      }
    }
    Process process = start.call();
    write(dir.resolve("cgroup.procs"), process.pid());
    return process;
  }

  /** The processes in it now; never this JVM. */
  public List<ProcessHandle> members() {
    List<ProcessHandle> members = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    for (long pid : ids(dir.resolve("cgroup.procs"))) {
      if (pid != self) {
        ProcessHandle.of(pid).ifPresent(members::add);
      }
    }
    return members;
  }

  /**
   * Moves every thread of this JVM out of the cgroup (v1 places threads one by one), so that
   * freezing it never freezes the JVM itself, and looks again until a look finds none: a thread
   * inside may start another meanwhile (a process reaper, born inside with its process, runs the
   * exit handlers, whose pool makes a thread), which is born inside too. A JVM thread frozen in
   * Java code stops the JVM at its next safepoint, the thread that would thaw it included. Once
   * none is inside, none can come in: the launching thread steps in only to start a process, and no
   * start runs while the simulator closes. False when threads kept coming in (then it must not be
   * frozen).
   */
  private boolean evacuateOwnThreads() {
    if (kind != Kind.V1_FREEZER) {
      return true;
    }
    for (int look = 0; look < MAX_EVACUATION_LOOKS; look++) {
      boolean moved = false;
      for (long thread : ids(dir.resolve("tasks"))) {
        if (Files.exists(Path.of("/proc/self/task/" + thread))) {
          moved |= write(home.resolve("tasks"), thread); // a thread that ended meanwhile is out
        }
      }
      if (!moved) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ids a control file lists; read through a plain stream, for the reason of {@link #write}.
   */
  private static List<Long> ids(Path file) {
    List<Long> ids = new ArrayList<>();
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          ids.add(Long.parseLong(line.strip()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Gone already: none.
    }
    return ids;
  }

  /**
   * Kills every process in it, frozen first so that none can fork between the reading of the list
   * and the kill (a frozen process dies when thawed), and again until a pass finds none; returns
   * what it killed.
   */
  public List<ProcessHandle> killAll() {
    List<ProcessHandle> killed = new ArrayList<>();
    // Killed without freezing when the JVM's own threads cannot be got out: a process forking in a
    // loop may then escape a pass, but the JVM never freezes itself.
    boolean mayFreeze = evacuateOwnThreads();
    // Bounded: a process in uninterruptible sleep ignores SIGKILL until it wakes.
    long deadline = System.nanoTime() + KILL_WAIT_NANOS;
    for (int pass = 0; pass < 1000 && System.nanoTime() < deadline; pass++) {
      List<ProcessHandle> members;
      if (mayFreeze) {
        freeze(true);
      }
      try {
        members = members();
        members.forEach(ProcessHandle::destroyForcibly);
      } finally {
        if (mayFreeze) {
          freeze(false); // a frozen process dies only once thawed
        }
      }
      if (members.isEmpty()) {
        break;
      }
      killed.addAll(members);
      try {
        // Dead processes stay listed until they are gone: look again once these have ended.
        ProcessTree.awaitExit(members, deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return killed;
  }

  /** Removes the cgroup once it is empty (its processes' exits awaited by the caller). */
  public void remove() {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Still busy (a process the kernel has not reaped yet): the watchdog removes it at exit.
    }
  }

  private void freeze(boolean frozen) {
    if (kind == Kind.V1_FREEZER) {
      write(dir.resolve("freezer.state"), frozen ? "FROZEN" : "THAWED");
    } else {
      write(dir.resolve("cgroup.freeze"), frozen ? "1" : "0");
    }
  }

  /**
   * Writes a control file. Through a plain file stream, not a channel: a channel fails on a thread
   * whose interrupt flag is set, and a close() in an interrupted thread must still thaw and empty
   * the cgroup.
   */
  private static boolean write(Path file, Object value) {
    try (FileOutputStream out = new FileOutputStream(file.toFile())) {
      out.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "cgroup " + dir + " (" + kind + ")";
  }
}
