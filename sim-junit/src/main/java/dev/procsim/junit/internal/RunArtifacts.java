package dev.procsim.junit.internal;

import dev.procsim.core.RunReport;
import dev.procsim.core.Schedule;
import dev.procsim.core.Simulator;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The files a simulation test leaves: its run's report ({@code
 * <root>/reports/<test>-seed-<seed>.html}, attached to the test with JUnit's {@code publishFile}
 * where JUnit has it, 5.12 on) and its schedules ({@code
 * <root>/schedules/<test>-seed-<seed>.schedule}).
 *
 * <pre>{@code
 * RunArtifacts files = new RunArtifacts(options.root(), testClass, method);
 * Optional<Path> page = files.writeReport(sim, "", failureText, context);
 * }</pre>
 */
final class RunArtifacts {
  private final Path root;
  private final String test;
  private final String name;

  RunArtifacts(Path root, Class<?> testClass, Method method) {
    this.root = root;
    this.test = TestNames.of(testClass, method);
    this.name =
        (testClass.getSimpleName() + "." + method.getName()).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Where the schedule of the run with {@code seed} goes ({@code suffix}: "", "-shrunk"). */
  Path schedule(long seed, String suffix) {
    return root.resolve("schedules").resolve(name + "-seed-" + seed + suffix + ".schedule");
  }

  /** Where the report of the run with {@code seed} goes. */
  Path report(long seed, String suffix) {
    return root.resolve("reports").resolve(name + "-seed-" + seed + suffix + ".html");
  }

  /**
   * Writes the report of {@code sim}'s run (with {@code failure}, when it failed) and attaches it
   * to the test; empty, with the reason on stderr, when it cannot be written: a report must never
   * hide the failure it was to show.
   */
  Optional<Path> writeReport(
      Simulator sim, String suffix, String failure, ExtensionContext context) {
    Path file = report(sim.seed(), suffix);
    try {
      RunReport.of(sim)
          .title(test + ", seed " + sim.seed() + titleSuffix(suffix))
          .failure(failure)
          .write(file);
    } catch (RuntimeException e) {
      System.err.println("procsim: could not write the report " + file + ": " + e);
      return Optional.empty();
    }
    publish(file, context);
    return Optional.of(file);
  }

  /** Writes {@code schedule} with a comment saying what it is. */
  Path writeSchedule(Schedule schedule, String suffix, String about) {
    Path file = schedule(schedule.seed(), suffix);
    schedule.write(file, test + ", seed " + schedule.seed() + ": " + about);
    return file;
  }

  private static String titleSuffix(String suffix) {
    return suffix.isEmpty() ? "" : " (" + suffix.replace('-', ' ').strip() + ")";
  }

  /** Attaches {@code file} to the test; JUnit before 5.12 cannot, which is no failure. */
  private static void publish(Path file, ExtensionContext context) {
    try {
      context.publishFile(
          file.getFileName().toString(),
          MediaType.create("text", "html"),
          target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING));
    } catch (LinkageError | RuntimeException e) {
      // No output directory, or an older JUnit: the file stays where the failure says.
    }
  }
}
