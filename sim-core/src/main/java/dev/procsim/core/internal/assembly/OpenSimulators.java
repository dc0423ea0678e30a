package dev.procsim.core.internal.assembly;

import dev.procsim.core.internal.process.JvmWatchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulators that are started and not yet closed. A JVM shutdown hook closes them all, so that even
 * a test run ended by Ctrl-C or {@code System.exit} leaves no process behind. A JVM killed with
 * SIGKILL runs no hook: then the {@link JvmWatchdog} started with the first simulator ends them.
 *
 * <pre>{@code
 * OpenSimulators.add(simulator);      // at start()
 * OpenSimulators.remove(simulator);   // at close()
 * }</pre>
 */
public final class OpenSimulators {
  private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;

  private OpenSimulators() {}

  /** Tracks {@code simulator} until {@link #remove} is called. */
  public static void add(AutoCloseable simulator) {
    installHook();
    JvmWatchdog.ensureStarted();
    OPEN.add(simulator);
  }

  /** Stops tracking {@code simulator}. */
  public static void remove(AutoCloseable simulator) {
    OPEN.remove(simulator);
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(OpenSimulators::closeAll, "procsim-shutdown"));
    hookInstalled = true;
  }

  private static void closeAll() {
    List<Thread> closers = new ArrayList<>();
    for (AutoCloseable simulator : OPEN) {
      Thread closer =
          new Thread(
              () -> {
                try {
                  simulator.close();
                } catch (Exception e) {
                  System.err.println("procsim: closing a simulator at JVM exit failed: " + e);
                }
              },
              "procsim-shutdown-close");
      closer.start();
      closers.add(closer);
    }
    for (Thread closer : closers) {
      try {
        closer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
