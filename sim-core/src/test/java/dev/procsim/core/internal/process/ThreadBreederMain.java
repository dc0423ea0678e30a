package dev.procsim.core.internal.process;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run by {@link RunCgroupTest} in a JVM of its own: starts a process in a cgroup v1 freezer while a
 * chain of threads born inside keeps making threads (each starts the next, as a process reaper
 * starts the exit handlers' thread), then kills the cgroup's processes over and over. A thread of
 * this JVM left inside when the cgroup is frozen can stop the JVM at its next safepoint: then it
 * never prints "done". (The window is narrow: a run without the fix does not always hang.)
 */
public final class ThreadBreederMain {
  private ThreadBreederMain() {}

  /** Prints "no cgroup", or "done" once every kill has returned. */
  public static void main(String[] args) throws Exception {
    Optional<RunCgroup> made =
        RunCgroup.create(RunCgroup.Kind.V1_FREEZER, "breeder-" + ProcessHandle.current().pid());
    if (made.isEmpty()) {
      System.out.println("no cgroup");
      return;
    }
    RunCgroup cgroup = made.get();
    AtomicBoolean stop = new AtomicBoolean();
    cgroup.start(
        () -> {
          new Thread(() -> breed(stop)).start();
          return new ProcessBuilder("sleep", "600").start();
        });
    for (int round = 0; round < 50; round++) {
      cgroup.killAll();
      cgroup.start(() -> new ProcessBuilder("sleep", "600").start());
    }
    stop.set(true);
    cgroup.killAll();
    cgroup.remove();
    System.out.println("done");
    System.exit(0);
  }

  private static void breed(AtomicBoolean stop) {
    if (stop.get()) {
      return;
    }
    new Thread(() -> breed(stop)).start();
    // Garbage, so that collections (and their safepoints) keep coming.
    long sum = 0;
    for (int i = 0; i < 1_000; i++) {
      sum += new byte[1_024].length;
    }
    if (sum < 0) {
      System.out.println(sum);
    }
  }
}
