package dev.procsim.junit.internal;

import dev.procsim.core.Schedule;
import dev.procsim.junit.SimulationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a simulation test does beyond running: which schedule it replays, when it writes its report,
 * how long it may shrink a failure, and where its files go. From its annotation, and from the
 * build's configuration parameters ({@code procsim.replay}, {@code procsim.report}, {@code
 * procsim.shrink}, {@code procsim.reports}) where the annotation leaves them open.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.of(settings, name -> parameter(context, name), "GossipTest.spreads()");
 * options.shrink();   // Optional[PT2M]
 * }</pre>
 *
 * @param replay the schedule to replay, if any
 * @param replaySource where it was read from
 * @param report when the report is written (never DEFAULT)
 * @param shrink the shrinking budget, if shrinking
 * @param root where reports, schedules and summaries go
 */
public record RunOptions(
    Optional<Schedule> replay,
    String replaySource,
    SimulationTest.Report report,
    Optional<Duration> shrink,
    Path root) {
  /** The configuration parameter that replays a schedule file. */
  public static final String REPLAY_PARAMETER = "procsim.replay";

  /** The configuration parameter that says when reports are written. */
  public static final String REPORT_PARAMETER = "procsim.report";

  /** The configuration parameter that shrinks failures for the whole build. */
  public static final String SHRINK_PARAMETER = "procsim.shrink";

  /**
   * The options of a test annotated with {@code settings}; {@code parameters} reads the build's.
   *
   * @throws ExtensionConfigurationException naming the test for a setting that cannot be
   */
  public static RunOptions of(
      SimulationTest settings, Function<String, Optional<String>> parameters, String test) {
    String replayPath =
        !settings.replay().isBlank()
            ? settings.replay()
            : parameters.apply(REPLAY_PARAMETER).filter(p -> !p.isBlank()).orElse("");
    Optional<Schedule> replay = Optional.empty();
    if (!replayPath.isBlank()) {
      Path file = Path.of(replayPath.strip());
      if (!Files.isRegularFile(file)) {
        throw new ExtensionConfigurationException(
            test
                + ": the schedule to replay, "
                + file.toAbsolutePath()
                + ", is not a file (a path is relative to "
                + Path.of("").toAbsolutePath()
                + ")");
      }
      try {
        replay = Optional.of(Schedule.read(file));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(test + ": " + e.getMessage(), e);
      }
    }
    SimulationTest.Report report = settings.report();
    if (report == SimulationTest.Report.DEFAULT) {
      String text = parameters.apply(REPORT_PARAMETER).orElse("on_failure").strip();
      try {
        report = SimulationTest.Report.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            REPORT_PARAMETER + " = \"" + text + "\": write always, on_failure or never", e);
      }
      if (report == SimulationTest.Report.DEFAULT) {
        report = SimulationTest.Report.ON_FAILURE;
      }
    }
    String budget =
        !settings.shrink().isBlank()
            ? settings.shrink()
            : parameters
                .apply(SHRINK_PARAMETER)
                .filter(b -> !b.isBlank() && !b.strip().equals("off"))
                .orElse("");
    Optional<Duration> shrink = Optional.empty();
    if (!budget.isBlank()) {
      Duration parsed = TimeBudget.duration(budget);
      if (parsed == null) {
        throw new ExtensionConfigurationException(
            test + ": the shrinking budget \"" + budget + "\" is not one: " + TimeBudget.FORMS);
      }
      shrink = Optional.of(parsed);
    }
    Path root = Path.of(parameters.apply(Sweep.REPORTS_PARAMETER).orElse(Sweep.DEFAULT_REPORTS));
    return new RunOptions(replay, replayPath.strip(), report, shrink, root);
  }
}
