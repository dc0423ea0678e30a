package dev.procsim.examples.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver: what the report
 * tests open reports in. {@link #missing()} says why there is none (the tests then skip, saying
 * so); no driver is ever downloaded.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *   browser.open(page);
 *   long drawn = browser.number("return window.procsimReport.arrowsDrawn");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of(env("PROCSIM_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(env("PROCSIM_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Duration READY = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  /** Why there is no browser to test with (Chromium or its driver missing), or empty. */
  public static Optional<String> missing() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      return Optional.of(
          "no Chromium to test the report in: "
              + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " is missing; ")
              + (Files.isExecutable(DRIVER) ? "" : DRIVER + " is missing; ")
              + "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver;"
              + " .ci/run does) to run the browser tests");
    }
    return Optional.empty();
  }

  /** Starts a headless Chromium with a fresh profile, its network features off. */
  public static Browser start() {
    Path profile;
    try {
      profile = Files.createTempDirectory("procsim-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        "--disable-quic",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Opens {@code page} and waits until its script says it has drawn it. */
  public void open(Path page) {
    driver.get(page.toAbsolutePath().toUri().toString());
    new WebDriverWait(driver, READY)
        .until(
            d ->
                Boolean.TRUE.equals(
                    script("return !!(window.procsimReport && window.procsimReport.ready)")));
  }

  /** Runs {@code js} in the page and returns what it returns. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** {@link #script} for a number. */
  public long number(String js, Object... args) {
    Object value = script(js, args);
    return value == null ? -1 : ((Number) value).longValue();
  }

  /** Clicks at {@code (x, y)}, in CSS pixels of the viewport. */
  public void click(long x, long y) {
    new Actions(driver).moveToLocation((int) x, (int) y).click().perform();
  }

  /** Clicks on the point of message {@code id}'s arrow the page names; false when it names none. */
  @SuppressWarnings("unchecked")
  public boolean clickMessage(long id) {
    Object point = script("return window.procsimReport.pointOf(arguments[0])", id);
    if (!(point instanceof Map<?, ?> map)) {
      return false;
    }
    click(((Number) map.get("x")).longValue(), ((Number) map.get("y")).longValue());
    return true;
  }

  /** The errors the browser's console had, and those the page's script caught. */
  public List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    Object caught = script("return (window.procsimReport && window.procsimReport.errors) || []");
    if (caught instanceof List<?> list) {
      list.forEach(e -> errors.add("caught by the page: " + e));
    }
    return errors;
  }

  /** Saves what the page shows as a PNG at {@code file} (a build artifact). */
  public Path screenshot(Path file) {
    File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary profile left behind is harmless.
      }
    }
  }
}
