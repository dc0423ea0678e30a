package dev.procsim.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs a scenario until the JIT has (almost) nothing left to compile for it: a run during which the
 * compiler worked less than {@value #QUIET_MILLIS} ms, or a number of runs. Figures measured while
 * the compiler still takes a core are the JIT's, not the code's.
 *
 * <pre>{@code
 * JitWarmUp.untilQuiet(4, () -> scenario());
 * }</pre>
 */
final class JitWarmUp {
  /** Compiler time in one run below which the JIT counts as done. */
  static final long QUIET_MILLIS = 50;

  /** One run of a scenario. */
  interface Run {
    void run() throws Exception;
  }

  private JitWarmUp() {}

  /**
   * Runs {@code run} at least once and at most {@code most} times, until a run leaves the JIT
   * quiet.
   */
  static void untilQuiet(int most, Run run) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    for (int i = 0; i < most; i++) {
      long before = measurable ? jit.getTotalCompilationTime() : 0;
      run.run();
      if (!measurable || jit.getTotalCompilationTime() - before < QUIET_MILLIS) {
        return;
      }
    }
  }
}
