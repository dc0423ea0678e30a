package dev.procsim.bench;

import dev.procsim.core.Node;
import dev.procsim.core.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How big runs fare as reports: a run of about 100,000 and one of about 1,000,000 log entries (two
 * Java nodes passing a counter back and forth), the time to write each page and its size, and,
 * where Debian's Chromium is installed, the time until the page has drawn the run (its own measure,
 * from the start of navigation) in headless Chromium. The baseline, in the same Chromium: a page
 * that holds the same data block and only parses it, what any page showing this run must pay; the
 * difference is what the report adds (decoding into columns, indexing, the first draw).
 *
 * <pre>{@code
 * new ReportScenarios(false).run(table);
 * }</pre>
 */
final class ReportScenarios {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final boolean quick;

  ReportScenarios(boolean quick) {
    this.quick = quick;
  }

  void run(ResultTable table) throws Exception {
    Path dir = Files.createTempDirectory("procsim-reports");
    try {
      for (int entries : quick ? new int[] {2_000} : new int[] {100_000, 1_000_000}) {
        Path page = dir.resolve("run-" + entries + ".html");
        long written = writeRun(entries, page);
        String name = String.format("report of %,d entries", entries);
        table.add(name + ": write", "s", written / 1e9, null, null);
        table.add(name + ": size", "MB", Files.size(page) / 1e6, null, null);
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
          Path parseOnly = dir.resolve("parse-only-" + entries + ".html");
          Files.writeString(parseOnly, parseOnlyPage(Files.readString(page)));
          double report = openInChromium(page);
          double baseline = openInChromium(parseOnly);
          table.add(name + ": open, Chromium", "s", report / 1e3, null, baseline / 1e3);
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A run of about {@code entries} log entries; the nanoseconds its report took to write. */
  private static long writeRun(int entries, Path page) {
    int rounds = entries / 4;
    Node ping =
        (from, body, ctx) -> {
          int n = Integer.parseInt(body);
          if (n < rounds) {
            ctx.send("pong", Integer.toString(n + 1));
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node("ping", () -> ping)
            .node("pong", () -> (from, body, ctx) -> ctx.send("ping", body))
            .build()
            .start()) {
      sim.send("bench", "ping", "0");
      sim.log()
          .awaitMessage(
              m ->
                  m.from().equals("pong")
                      && m.body().equals(Integer.toString(rounds))
                      && m.fate().isFinal(),
              Duration.ofMinutes(10));
      long start = System.nanoTime();
      sim.writeReport(page);
      return System.nanoTime() - start;
    }
  }

  /**
   * A page with the report's data block and a script that only parses it, and says it is ready the
   * way the report does.
   */
  static String parseOnlyPage(String report) {
    String open = "<script type=\"application/json\" id=\"procsim-data\">";
    int from = report.indexOf(open);
    int to = report.indexOf("</script>", from);
    if (from < 0 || to < 0) {
      throw new IllegalStateException("the report has no data block to measure against");
    }
    return "<!doctype html><meta charset=\"utf-8\"><title>parse only</title>"
        + report.substring(from, to)
        + "</script><script>var data = JSON.parse(document.getElementById('procsim-data')"
        + ".textContent); window.procsimReport = {ready: !!data, loadMillis: performance.now()};"
        + "</script>";
  }

  /** Milliseconds from navigation to the page's first full draw, by the page's own clock. */
  private static double openInChromium(Path page) throws IOException {
    Logger.getLogger("org.openqa.selenium").setLevel(Level.OFF);
    Path profile = Files.createTempDirectory("procsim-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    try {
      driver.get(page.toUri().toString());
      JavascriptExecutor js = driver;
      new WebDriverWait(driver, Duration.ofMinutes(5))
          .until(
              d ->
                  Boolean.TRUE.equals(
                      js.executeScript(
                          "return !!(window.procsimReport && window.procsimReport.ready)")));
      return ((Number) js.executeScript("return window.procsimReport.loadMillis")).doubleValue();
    } finally {
      driver.quit();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
