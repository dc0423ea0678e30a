package dev.procsim.core.internal.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Black-box idle detection of an unmodified process, for stepped runs: nothing waits to be written
 * to its stdin, its stdout reader has nothing pending (not in our buffer, not in the pipe, and its
 * thread really asleep in {@code read}), and {@link IdleProbe} sees its whole tree asleep, waiting
 * for input, with its CPU time still across two samples {@value #PROBE_GAP_MICROS} µs apart. A
 * process of one thread asleep in a {@code read} of its stdin needs one sample: only input can wake
 * it, and none is on its way (exact, and what makes Python nodes fast). This is the one place
 * procsim samples instead of waiting for a signal: no notification exists for "a process is waiting
 * for input".
 *
 * <pre>{@code
 * boolean idle = BlackBoxIdle.awaitIdle(observed, System.nanoTime() + timeout.toNanos());
 * }</pre>
 */
public final class BlackBoxIdle {
  /** The gap between the two samples of one look, in microseconds. */
  public static final long PROBE_GAP_MICROS = 300;

  private static final long PROBE_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(PROBE_GAP_MICROS);

  /** How long a look that saw the process busy leaves it the core before the next, at first... */
  private static final long FIRST_BACK_OFF_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

  /** ...doubling after each such look up to this. */
  private static final long LAST_BACK_OFF_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

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

    /** One look at the threads of the process and its descendants. */
    IdleProbe.Sample sample();

    /** Whether no byte waits unread in its stdout pipe. */
    boolean outputDrained();

    /**
     * Whether the thread that reads its stdout is asleep in {@code read} (true when /proc cannot
     * tell, or the thread has ended with its stream).
     */
    boolean outputReaderAsleep();

    /** Wakes {@code watcher} (parked between looks) when its pumps move; null stops that. */
    void wakeOnActivity(Thread watcher);
  }

  /**
   * Looks until {@code observed} is idle, the deadline ({@link System#nanoTime}) passes or the
   * thread is interrupted; true when idle.
   */
  public static boolean awaitIdle(Observed observed, long deadlineNanos)
      throws InterruptedException {
    observed.wakeOnActivity(Thread.currentThread());
    try {
      long backOff = FIRST_BACK_OFF_NANOS;
      while (!looksIdle(observed)) {
        if (Thread.interrupted()) {
          throw new InterruptedException("stopped while waiting for a process to be idle");
        }
        if (System.nanoTime() >= deadlineNanos) {
          return false;
        }
        // Busy: leave it the core rather than look again at once; a look costs the machine more
        // than it tells while the process works. A write to it or a line from it wakes us early:
        // that is when it may have finished; otherwise each look waits longer than the last.
        long lines = observed.linesRead();
        LockSupport.parkNanos(Math.min(backOff, Math.max(0, deadlineNanos - System.nanoTime())));
        backOff =
            observed.linesRead() != lines
                ? FIRST_BACK_OFF_NANOS
                : Math.min(backOff * 2, LAST_BACK_OFF_NANOS);
      }
      return true;
    } finally {
      observed.wakeOnActivity(null);
    }
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

  /**
   * One look: two samples of the tree, each thread read twice {@value #PROBE_GAP_MICROS} µs apart,
   * and the pumps.
   */
  public static boolean looksIdle(Observed observed) {
    if (!observed.isRunning()) {
      return true;
    }
    if (!observed.inputIdle() || !observed.outputQuiet()) {
      return false;
    }
    long lines = observed.linesRead();
    long firstStarted = System.nanoTime();
    IdleProbe.Sample first = observed.sample();
    if (!first.idle()) {
      return false;
    }
    if (first.threads() == 1 && first.readingStdin()) {
      // One process, one thread, asleep in a read of its stdin, after our writer returned from
      // its last write (which woke it, had it brought anything): only new input can wake it.
      // Exact in one sample; the two samples below are for threads that wake each other, and
      // for waits in poll, whose time-out can end them.
      return outputSettled(observed, lines);
    }
    // The gap runs from the start of the first sample: the second reads each thread that long
    // after the first did, without adding the time a sample takes (a JVM's dozens of threads).
    LockSupport.parkNanos(PROBE_GAP_NANOS - (System.nanoTime() - firstStarted));
    IdleProbe.Sample second = observed.sample();
    return second.idle()
        && second.cpuTicks() == first.cpuTicks()
        && second.threads() == first.threads()
        && outputSettled(observed, lines);
  }

  /** Nothing in flight between the process and procsim since {@code lines} were read. */
  private static boolean outputSettled(Observed observed, long lines) {
    return observed.inputIdle()
        && observed.outputQuiet()
        && observed.outputDrained()
        // The reader's flags say "waiting" until its thread runs again after the kernel gave it
        // bytes; only the OS knows it is still asleep in read.
        && observed.outputReaderAsleep()
        && observed.linesRead() == lines;
  }
}
