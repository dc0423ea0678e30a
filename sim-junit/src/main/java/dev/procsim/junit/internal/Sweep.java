package dev.procsim.junit.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The seeds of one simulation test as they run: what each came to, progress on the console once a
 * few seconds (never a line per seed), the time budget, and at the end a {@link SweepSummary} on
 * the console and as JSON in the reports directory. Kept in the test template's store, which closes
 * it once every invocation is done. When JUnit runs the invocations in parallel, seeds are handed
 * out only while fewer than {@code inFlightLimit} run, so that a sweep of a million seeds (or one
 * for a time budget) never plans more than it runs. Thread-safe.
 *
 * <pre>{@code
 * Sweep sweep = new Sweep(id, name, shard, 100, Optional.empty(), reports, System.out, 0);
 * sweep.started("seed 42");
 * sweep.finished("seed 42", 42L, SeedResult.Outcome.PASSED, null);
 * sweep.close(); // prints and writes the summary
 * }</pre>
 */
public final class Sweep implements AutoCloseable {
  /**
   * The configuration parameter naming the directory of reports; {@code target/procsim} by default.
   */
  public static final String REPORTS_PARAMETER = "procsim.reports";

  /** Where reports go unless {@link #REPORTS_PARAMETER} says otherwise. */
  public static final String DEFAULT_REPORTS = "target/procsim";

  /** The configuration parameter for how often progress is printed ({@code 5s}), or {@code off}. */
  public static final String PROGRESS_PARAMETER = "procsim.progress";

  private static final Duration DEFAULT_PROGRESS = Duration.ofSeconds(5);

  private final String id;
  private final String name;
  private final String shard;
  private final long planned;
  private final Optional<Duration> budget;
  private final Path reports;
  private final PrintStream console;
  private final int inFlightLimit;
  private long progressEveryNanos = DEFAULT_PROGRESS.toNanos();
  private final long startNanos = System.nanoTime();
  private final Map<Long, SeedResult> results = new LinkedHashMap<>();
  private final Map<String, Long> startedAt = new HashMap<>();
  private long lastProgressNanos = startNanos;
  private int inFlight;
  private boolean closed;

  /**
   * A sweep of the test {@code id} ({@code com.example.LeaderTest#elects}, for file names), shown
   * as {@code name}, in {@code shard} (or null), of {@code planned} seeds (-1 when a budget
   * decides), writing to {@code reports}; {@code inFlightLimit} bounds the seeds handed out and not
   * finished (0: no bound, for sequential runs, which hand out one at a time anyway).
   */
  public Sweep(
      String id,
      String name,
      String shard,
      long planned,
      Optional<Duration> budget,
      Path reports,
      PrintStream console,
      int inFlightLimit) {
    this.id = id;
    this.name = name;
    this.shard = shard;
    this.planned = planned;
    this.budget = budget;
    this.reports = reports;
    this.console = console;
    this.inFlightLimit = inFlightLimit;
  }

  /**
   * Prints progress when a seed finishes at least {@code every} after the last progress line (or
   * the start); never for {@code null}. From {@link #PROGRESS_PARAMETER}: {@code "5s"} or {@code
   * "off"}; a clear error otherwise.
   */
  public Sweep progressEvery(Optional<String> parameter) {
    String text = parameter.orElse("").strip();
    if (text.isEmpty()) {
      return this;
    }
    Duration every = text.equalsIgnoreCase("off") ? null : TimeBudget.duration(text);
    if (every == null && !text.equalsIgnoreCase("off")) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          PROGRESS_PARAMETER + " = \"" + text + "\" is not a duration or off: " + TimeBudget.FORMS);
    }
    progressEveryNanos = every == null ? Long.MAX_VALUE : every.toNanos();
    return this;
  }

  /** Whether the time budget (if any) allows another seed to start. */
  public boolean hasTimeLeft() {
    return budget.isEmpty() || System.nanoTime() - startNanos < budget.get().toNanos();
  }

  /**
   * Hands out one more seed: waits, when invocations run in parallel, until fewer than the limit
   * are in flight. The wait is a managed block, so JUnit's fork-join pool adds a thread rather than
   * let the planning thread starve the seeds it waits for.
   */
  public void handOut() {
    if (inFlightLimit <= 0) {
      return;
    }
    try {
      ForkJoinPool.managedBlock(
          new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
              synchronized (Sweep.this) {
                while (inFlight >= inFlightLimit) {
                  Sweep.this.wait();
                }
                inFlight++;
              }
              return true;
            }

            @Override
            public boolean isReleasable() {
              synchronized (Sweep.this) {
                if (inFlight < inFlightLimit) {
                  inFlight++;
                  return true;
                }
                return false;
              }
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A seed handed out did not run (its invocation was disabled): its place is free again. */
  public void released() {
    if (inFlightLimit > 0) {
      synchronized (this) {
        inFlight--;
        notifyAll();
      }
    }
  }

  /** A run ({@code run} tells apart two runs of one seed) starts. */
  public synchronized void started(String run) {
    startedAt.put(run, System.nanoTime());
  }

  /** A run of {@code seed} ended so; {@code failureMessage} is the failure's, or null. */
  public void finished(String run, long seed, SeedResult.Outcome outcome, String failureMessage) {
    String progress;
    synchronized (this) {
      Long started = startedAt.remove(run);
      long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
      SeedResult result =
          new SeedResult(
              seed,
              outcome,
              millis,
              outcome == SeedResult.Outcome.FAILED
                  ? FailureSignature.headline(failureMessage)
                  : null);
      results.merge(seed, result, SeedResult::and);
      if (inFlightLimit > 0) {
        inFlight--;
        notifyAll();
      }
      progress = progressLineIfDue();
    }
    if (progress != null) {
      console.println(progress);
    }
  }

  private String progressLineIfDue() {
    long now = System.nanoTime();
    if (planned == 1 || now - lastProgressNanos < progressEveryNanos) {
      return null;
    }
    long done = results.size();
    if (planned > 0 && done >= planned) {
      return null; // the summary comes next, and says it all
    }
    lastProgressNanos = now;
    Duration elapsed = Duration.ofNanos(now - startNanos);
    long failed =
        results.values().stream().filter(r -> r.outcome() == SeedResult.Outcome.FAILED).count();
    StringBuilder line =
        new StringBuilder("procsim sweep ")
            .append(name)
            .append(shard == null ? "" : " (shard " + shard + ")")
            .append(": ")
            .append(done)
            .append(planned > 0 ? "/" + planned : "")
            .append(done == 1 && planned <= 0 ? " seed done, " : " seeds done, ")
            .append(failed)
            .append(" failed, ");
    if (budget.isPresent()) {
      Duration left = budget.get().minus(elapsed);
      line.append(RoughDuration.of(left.isNegative() ? Duration.ZERO : left))
          .append(" of ")
          .append(RoughDuration.of(budget.get()))
          .append(" left");
    } else if (planned > 0 && done > 0) {
      Duration left = elapsed.multipliedBy(Math.max(0, planned - done)).dividedBy(done);
      line.append("about ").append(RoughDuration.of(left)).append(" left");
    } else {
      line.append(RoughDuration.of(elapsed)).append(" so far");
    }
    return line.toString();
  }

  /** The summary so far. */
  public synchronized SweepSummary summary() {
    return new SweepSummary(
        id,
        name,
        shard,
        Duration.ofNanos(System.nanoTime() - startNanos),
        new ArrayList<>(results.values()));
  }

  /** Where the summary's JSON goes: one file per test method (and shard). */
  public Path file() {
    String shardPart = shard == null ? "" : "-shard-" + shard.replace('/', '-');
    return reports.resolve("sweeps").resolve(id.replace('#', '.') + shardPart + ".json");
  }

  /**
   * Prints the summary and writes its JSON, once, for a sweep (more than one seed, a budget or a
   * shard); a single seed's test needs no summary.
   */
  @Override
  public void close() {
    SweepSummary summary;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      summary = summary();
    }
    boolean isSweep = summary.results().size() > 1 || budget.isPresent() || shard != null;
    if (!isSweep) {
      return;
    }
    Path file = file();
    try {
      Files.createDirectories(file.getParent());
      // A shard that held none of the seeds writes its empty summary all the same: a merge then
      // knows the shard ran, and says nothing about this test on the console.
      Files.writeString(file, summary.json(), StandardCharsets.UTF_8);
      if (summary.results().isEmpty()) {
        return;
      }
      console.println(summary.text() + "\n  summary: " + file);
    } catch (IOException e) {
      // The sweep's verdicts are JUnit's; a summary that cannot be written is said, not thrown.
      console.println(
          summary.text() + "\n  the summary could not be written to " + file + ": " + e);
    }
  }

  /** The results so far, in the order the seeds finished. */
  public synchronized List<SeedResult> results() {
    return List.copyOf(results.values());
  }
}
