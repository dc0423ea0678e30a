package dev.procsim.maelstrom.cli;

import dev.procsim.core.Durations;
import dev.procsim.maelstrom.internal.run.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The progress of a running test on the console: simulation time against the time limit as a bar,
 * operations and messages so far, and the phase. On a terminal the line is redrawn four times a
 * second and cleared at the end; elsewhere (a CI log) a line is printed every five seconds.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start(runner::status, err, true)) {
 *   result = runner.run();
 * }
 * }</pre>
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 24;

  private final Supplier<RunStatus> status;
  private final PrintWriter err;
  private final boolean terminal;
  private final ScheduledExecutorService ticker;

  private ProgressBar(Supplier<RunStatus> status, PrintWriter err, boolean terminal, boolean on) {
    this.status = status;
    this.err = err;
    this.terminal = terminal;
    if (!on) {
      this.ticker = null;
      return;
    }
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "procsim-progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = terminal ? 250 : 5_000;
    ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
  }

  /** Starts drawing {@code status} on {@code err}, unless {@code on} is false. */
  static ProgressBar start(Supplier<RunStatus> status, PrintWriter err, boolean on) {
    return new ProgressBar(status, err, System.console() != null, on);
  }

  private void draw() {
    String line = line(status.get());
    synchronized (err) {
      if (terminal) {
        err.print("\r" + line + "\033[K");
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  /**
   * One progress line, e.g. {@code 12.0 s of 20 s [##########------] 153 ops, 4812 msgs; running}.
   */
  static String line(RunStatus status) {
    Duration limit = status.timeLimit();
    double done =
        limit.isZero() ? 1 : Math.min(1, (double) status.simulated().toNanos() / limit.toNanos());
    int filled = (int) Math.round(done * WIDTH);
    return String.format(
        Locale.ROOT,
        "%s of %s [%s%s] %,d operations, %,d messages; %s",
        Durations.format(status.simulated()),
        Durations.format(limit),
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        status.operations(),
        status.messages(),
        status.phase());
  }

  @Override
  public void close() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (err) {
      if (terminal) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
