package dev.procsim.core.internal.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends this JVM's simulation processes should the JVM itself be killed (SIGKILL, the out-of-memory
 * killer, an IDE's stop button), when no shutdown hook runs. One small shell process per JVM,
 * started with the first simulator, in a session of its own so that a signal to the JVM's process
 * group spares it. It waits for end of input on a pipe whose other end only this JVM holds: the
 * kernel closes that end when the JVM ends, however it ends. Then it finds every process whose
 * environment carries {@code PROCSIM_RUN=procsim-<this JVM's pid>-}, stops them all (so that a
 * process forking in a loop cannot hop away between the scan and the kill), kills them, and scans
 * again until a pass finds nothing; then it exits. After a normal exit the shutdown hook has
 * already closed every simulator, the scan finds nothing, and it exits at once.
 *
 * <pre>{@code
 * JvmWatchdog.ensureStarted();   // idempotent; called when a simulator starts
 * }</pre>
 */
public final class JvmWatchdog {
  /**
   * $1 is the environment entry to look for; $2 ... are patterns of the cgroup directories of this
   * JVM's simulations ({@link RunCgroup}), expanded at each pass (they are made later). grep -z
   * reads each environment as NUL-separated entries, so ^ anchors at the start of an entry. A
   * cgroup's members are killed like the marked processes, whatever their environment says. Done
   * after two empty passes in a row (a child in the middle of its exec shows no environment for a
   * moment); the number of passes is bounded: a process in uninterruptible sleep ignores SIGKILL
   * until it wakes, and the watchdog must end. Then the empty cgroups are removed.
   */
  private static final String SCRIPT =
      "cat >/dev/null\n"
          + "marker=$1; shift\n"
          + "pass=0; empty=0\n"
          + "while [ $pass -lt 1000 ] && [ $empty -lt 2 ]; do\n"
          + "  pass=$((pass + 1))\n"
          + "  pids=$(grep -l -a -z -e \"^$marker\" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)\n"
          + "  for pattern in \"$@\"; do for d in $pattern; do\n"
          + "    [ -f \"$d/cgroup.procs\" ] && pids=\"$pids $(cat \"$d/cgroup.procs\")\"\n"
          + "  done; done\n"
          + "  pids=$(for p in $pids; do [ \"$p\" = $$ ] || echo $p; done)\n"
          + "  if [ -z \"$pids\" ]; then empty=$((empty + 1)); continue; fi\n"
          + "  empty=0\n"
          + "  kill -STOP $pids 2>/dev/null\n"
          + "  kill -KILL $pids 2>/dev/null\n"
          + "done\n"
          + "for pattern in \"$@\"; do for d in $pattern; do rmdir \"$d\" 2>/dev/null; done; done\n";

  // Held for the life of the JVM: were the process (and so its stdin) collected, the pipe would
  // close and the watchdog would end every simulation of a JVM that is still running.
  private static Process watchdog;
  private static OutputStream lifeline;
  private static boolean tried;

  private JvmWatchdog() {}

  /** Starts the watchdog unless it runs (or cannot run here: no /proc, no sh); idempotent. */
  public static synchronized void ensureStarted() {
    if (tried) {
      return;
    }
    tried = true;
    if (!Files.isDirectory(Path.of("/proc"))) {
      return; // finding processes by environment needs /proc: Linux only, as the rest
    }
    ProcessBuilder builder = new ProcessBuilder(command(marker(ProcessHandle.current().pid())));
    // Not one of the processes it hunts, nor of any simulation this JVM itself belongs to.
    builder.environment().remove("PROCSIM_RUN");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      watchdog = builder.start();
      lifeline = watchdog.getOutputStream();
    } catch (IOException e) {
      System.err.println(
          "procsim: could not start the watchdog that ends this JVM's simulation processes if the"
              + " JVM is killed (close() and the shutdown hook still do): "
              + e.getMessage());
    }
  }

  /** The environment entry that marks the processes of the simulations of JVM {@code pid}. */
  static String marker(long pid) {
    return "PROCSIM_RUN=procsim-" + pid + "-";
  }

  private static List<String> command(String marker) {
    List<String> command = new ArrayList<>();
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.addAll(List.of("sh", "-c", SCRIPT, "procsim-watchdog", marker));
    String run = marker.substring(marker.indexOf('=') + 1); // procsim-<pid>-
    for (Path home : RunCgroup.homes()) {
      command.add(home.resolve(run + "*").toString());
    }
    return command;
  }
}
