package com.example.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * From a project of one's own: a simulation test fails, its failure names the report of its run,
 * and that report opens in Chromium with an arrow per message, no console error, a click that
 * shows the body, and the markup a component wrote shown as text, run never.
 */
class FailureReportTest {
  private static final String INJECTION = "</script><script>window.__pwned=1</script>";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final AtomicInteger MESSAGES = new AtomicInteger();

  @TempDir Path reports;

  /** Fails on purpose: run by this test through JUnit's test kit, never on its own. */
  static class Failing {
    @SimulationTest(seed = 21, echo = false)
    @Component(
        name = "talker",
        command = {"python3", "-c", "print('send echo hello'); print('send echo " + INJECTION + "')"})
    @Component(name = "echo", command = "cat")
    void echoAnswersBack(Simulator sim) {
      sim.log().awaitMessage(m -> m.id() == 2 && m.fate().isFinal(), Duration.ofSeconds(10));
      MESSAGES.set(sim.log().messages().size());
      assertThat(sim.component("echo").output()).as("what echo printed").contains("goodbye");
    }
  }

  @Test
  void theFailureNamesAReportThatOpensInChromium() throws Exception {
    String failure =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Failing.class))
            .configurationParameter("procsim.reports", reports.toString())
            .configurationParameter("procsim.regressions", "off")
            .execute()
            .testEvents()
            .failed()
            .stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow()
            .getMessage();
    Matcher named = Pattern.compile("(?m)^report: (\\S+)$").matcher(failure);
    assertThat(named.find()).as(failure).isTrue();
    Path page = Path.of(named.group(1));
    assertThat(page).exists();
    assertThat(failure).contains("procsim: seed 21");

    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "no Chromium here (apt-get install chromium chromium-driver): the report is not opened");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build(),
            options);
    try {
      driver.get(page.toUri().toString());
      JavascriptExecutor page2 = driver;
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> Boolean.TRUE.equals(page2.executeScript("return !!(window.procsimReport && window.procsimReport.ready)")));
      page2.executeScript("window.procsimReport.fit()");

      assertThat(((Number) page2.executeScript("return window.procsimReport.arrowsDrawn")).intValue())
          .isEqualTo(MESSAGES.get())
          .isEqualTo(((Number) page2.executeScript("return window.procsimReport.messageCount")).intValue());
      Object point = page2.executeScript("return window.procsimReport.pointOf(2)");
      assertThat(point).isInstanceOf(Map.class);
      Map<?, ?> xy = (Map<?, ?>) point;
      new Actions(driver)
          .moveToLocation(((Number) xy.get("x")).intValue(), ((Number) xy.get("y")).intValue())
          .click()
          .perform();
      assertThat((String) page2.executeScript("return window.procsimReport.detailsText()")).contains(INJECTION);
      assertThat(page2.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        assertThat(entry.getLevel().intValue()).as(entry.getMessage()).isLessThan(Level.SEVERE.intValue());
      }
    } finally {
      driver.quit();
    }
  }
}
