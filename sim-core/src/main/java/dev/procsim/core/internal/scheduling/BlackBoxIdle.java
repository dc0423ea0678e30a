package dev.procsim.core.internal.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Black-box idle detection of an unmodified process, for stepped runs: nothing waits to be written
 * to its stdin, its stdout reader has nothing pending (not in our buffer, not in the pipe, and its
 * thread really asleep in {@code read}), and {@link IdleProbe} sees its whole tree asleep, waiting
 * for input, with its CPU time still across two samples {@value #PROBE_GAP_MICROS} µs apart. This
 * is the one place procsim samples instead of waiting for a signal: no notification exists for "a
 * process is waiting for input".
 *
 * <pre>{@code
 * boolean idle = BlackBoxIdle.awaitIdle(observed, System.nanoTime() + timeout.toNanos());
 * }</pre>
 */
public final class BlackBoxIdle {
  /** The gap between the two samples of one look, in microseconds. */
  public static final long PROBE_GAP_MICROS = 300;

  private static final long PROBE_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(PROBE_GAP_MICROS);

  private BlackBoxIdle() {}

  /** What black-box detection needs to see of a process and its pumps. */
  public interface Observed {
    /** Whether the process still runs (one that has exited is idle). */
    boolean isRunning();

    /** Whether its stdin writer has nothing left to write and is not writing. */
    boolean inputIdle();

    /** Whether its stdout reader handles no line and is blocked with nothing buffered. */
    boolean outputQuiet();

    /** How many stdout lines were handled so far. */
    long linesRead();

    /** The process and its descendants, now. */
    List<ProcessHandle> tree();

    /** Whether no byte waits unread in its stdout pipe. */
    boolean outputDrained();

    /** The OS id of the thread that reads its stdout, or -1 when unknown. */
    long outputReaderThreadId();
  }

  /**
   * Looks until {@code observed} is idle, the deadline ({@link System#nanoTime}) passes or the
   * thread is interrupted; true when idle.
   */
  public static boolean awaitIdle(Observed observed, long deadlineNanos)
      throws InterruptedException {
    while (!looksIdle(observed)) {
      if (Thread.interrupted()) {
        throw new InterruptedException("stopped while waiting for a process to be idle");
      }
      if (System.nanoTime() >= deadlineNanos) {
        return false;
      }
    }
    return true;
  }

  /**
   * What kept {@code observed} from looking idle, in words: its input or output still moving, and
   * what each of its processes is doing.
   */
  public static String describeActivity(Observed observed) {
    if (!observed.isRunning()) {
      return "it had exited";
    }
    List<String> parts = new ArrayList<>();
    if (!observed.inputIdle()) {
      parts.add("messages were still waiting to be written to its stdin (it did not read them)");
    }
    if (!observed.outputQuiet() || !observed.outputDrained()) {
      parts.add("procsim was still reading its stdout");
    }
    parts.add(ProcessActivity.describe(observed.tree()));
    return String.join("; ", parts);
  }

  /** One look: two samples of the tree, {@value #PROBE_GAP_MICROS} µs apart, and the pumps. */
  public static boolean looksIdle(Observed observed) {
    if (!observed.isRunning()) {
      return true;
    }
    if (!observed.inputIdle() || !observed.outputQuiet()) {
      return false;
    }
    List<ProcessHandle> tree = observed.tree();
    long lines = observed.linesRead();
    IdleProbe.Sample first = IdleProbe.sample(tree);
    if (!first.idle()) {
      return false;
    }
    LockSupport.parkNanos(PROBE_GAP_NANOS);
    IdleProbe.Sample second = IdleProbe.sample(tree);
    return second.idle()
        && second.cpuTicks() == first.cpuTicks()
        && observed.inputIdle()
        && observed.outputQuiet()
        && observed.outputDrained()
        // The reader's flags say "waiting" until its thread runs again after the kernel gave it
        // bytes; only the OS knows it is still asleep in read.
        && IdleProbe.asleepInRead(observed.outputReaderThreadId())
        && observed.linesRead() == lines;
  }
}
