package dev.procsim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a baseline (the C relay, or two nodes joined by a FIFO) as an OS process tree, collects the
 * result lines its nodes print on stderr, then kills the whole tree. A watchdog kills it when it
 * runs too long, so a broken baseline cannot hang the benchmark.
 *
 * <pre>{@code
 * List<String> lines = ExternalRun.collect(List.of("sh", "-c", "..."), line -> line.startsWith("ping "), 1);
 * }</pre>
 */
final class ExternalRun {
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private ExternalRun() {}

  /**
   * Starts {@code command} and returns the first {@code count} stderr lines that {@code wanted}.
   */
  static List<String> collect(
      List<String> command, java.util.function.Predicate<String> wanted, int count)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                  killTree(process);
                }
              } catch (InterruptedException e) {
                // The run finished first.
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < count && (line = err.readLine()) != null) {
        if (wanted.test(line)) {
          lines.add(line);
        }
      }
    } finally {
      killTree(process);
      watchdog.interrupt();
    }
    if (lines.size() < count) {
      throw new IllegalStateException(
          "the baseline " + command + " ended after " + lines.size() + " of " + count + " results");
    }
    return lines;
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
