package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procsim.core.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A simulation test's report: on failure by default, its path in the failure; always; never. */
class ReportsExtensionTest {
  @TempDir Path reports;

  private EngineExecutionResults run(Class<?> testClass, String... parameters) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(testClass))
            .configurationParameter("procsim.reports", reports.toString())
            .configurationParameter("procsim.regressions", "off");
    for (int i = 0; i < parameters.length; i += 2) {
      kit.configurationParameter(parameters[i], parameters[i + 1]);
    }
    return kit.execute();
  }

  private List<Path> pages() throws Exception {
    Path dir = reports.resolve("reports");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Component(name = "echo", command = "cat")
  static class Failing {
    @SimulationTest(seed = 11, echo = false)
    void fails(Simulator sim) {
      sim.send("test", "echo", "hello");
      sim.log().awaitMessage(m -> m.fate().isFinal(), Duration.ofSeconds(10));
      assertThat(sim.component("echo").output()).as("what echo printed").containsExactly("bye");
    }
  }

  @Test
  void aFailureNamesItsReportBesideTheSeed() throws Exception {
    String failure =
        run(Failing.class).testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow()
            .getMessage();

    Matcher report = Pattern.compile("(?m)^report: (\\S+)$").matcher(failure);
    assertThat(report.find()).as(failure).isTrue();
    Path page = Path.of(report.group(1));
    assertThat(page).exists().hasFileName("Failing.fails-seed-11.html");
    assertThat(failure.indexOf("procsim: seed 11")).isLessThan(failure.indexOf("report: "));
    assertThat(Files.readString(page))
        .contains("Failing.fails(), seed 11")
        .contains("what echo printed");
  }

  @Component(name = "echo", command = "cat")
  static class AlwaysReported {
    @SimulationTest(seed = 12, echo = false, report = SimulationTest.Report.ALWAYS)
    void passes(Simulator sim) {
      sim.send("test", "echo", "hello");
      sim.log().awaitMessage(m -> m.fate().isFinal(), Duration.ofSeconds(10));
    }
  }

  @Test
  void aTestMayAskForItsReportEveryTime() throws Exception {
    run(AlwaysReported.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(pages())
        .singleElement()
        .satisfies(p -> assertThat(p).hasFileName("AlwaysReported.passes-seed-12.html"));
  }

  @Test
  void theBuildMaySayNever() throws Exception {
    String failure =
        run(Failing.class, "procsim.report", "never").testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow()
            .getMessage();

    assertThat(failure).doesNotContain("report: ");
    assertThat(pages()).isEmpty();
  }

  @Test
  void anUnknownReportSettingIsNamed() {
    String failure =
        run(Failing.class, "procsim.report", "sometimes").allEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow()
            .getMessage();

    assertThat(failure).contains("procsim.report = \"sometimes\"").contains("on_failure");
  }
}
