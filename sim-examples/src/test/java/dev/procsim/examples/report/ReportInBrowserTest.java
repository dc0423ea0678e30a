package dev.procsim.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procsim.check.Verdict;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of known runs, opened in Debian's Chromium and checked through the page itself: no
 * console error, an arrow per message, a click that shows the right body, bodies that try to inject
 * markup shown as text and run nothing. Each leaves a screenshot in {@code
 * target/browser-screenshots/}. Skipped, saying why, where Chromium is not installed.
 */
class ReportInBrowserTest {
  private static final Path SHOTS = Path.of("target", "browser-screenshots");
  private static final List<String> INJECTIONS =
      List.of(
          "</script><script>window.__pwned = 1</script>",
          "<img src=x onerror=\"window.__pwned = 2\">",
          "\u2028<b onmouseover=\"window.__pwned = 3\">bold</b>");

  private static Browser browser;

  @TempDir Path dir;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElse(""));
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A stepped run with losses, a partition and a crash, and bodies that try to inject markup. */
  private Path knownRun(List<Message> messages) {
    try (Simulator sim =
        Simulator.builder()
            .seed(9)
            .echo(false)
            .stepped()
            .network(Network.builder().loss(0.2).build())
            .node("a", () -> (from, body, ctx) -> ctx.output("a heard " + body))
            .node("b", () -> (from, body, ctx) -> ctx.send("a", "echo " + body))
            .node("c", () -> (from, body, ctx) -> ctx.send("b", body))
            .build()
            .start()) {
      for (int i = 0; i < 12; i++) {
        sim.send("test", "c", i < INJECTIONS.size() ? INJECTIONS.get(i) : "hello " + i);
      }
      sim.awaitQuiescence(Duration.ofSeconds(30));
      sim.partition(List.of("a"), List.of("b", "c"));
      sim.send("test", "c", "cut off");
      sim.awaitQuiescence(Duration.ofSeconds(30));
      sim.heal();
      sim.component("a").crash();
      sim.send("test", "b", "to the dead");
      sim.awaitQuiescence(Duration.ofSeconds(30));
      messages.addAll(sim.log().messages());
      return sim.writeReport(dir.resolve("known.html"));
    }
  }

  @Test
  void aKnownRunDrawsAnArrowPerMessageAndAClickShowsItsBody() {
    List<Message> messages = new java.util.ArrayList<>();
    Path page = knownRun(messages);

    browser.open(page);
    browser.script("window.procsimReport.fit()");

    assertThat(browser.errors()).as("console errors").isEmpty();
    assertThat(browser.number("return window.procsimReport.messageCount"))
        .isEqualTo(messages.size());
    assertThat(browser.number("return window.procsimReport.arrowsDrawn"))
        .isEqualTo(messages.size());
    assertThat(messages).anyMatch(m -> m.fate() == Fate.DROPPED);
    Message chosen =
        messages.stream()
            .filter(m -> m.fate() == Fate.DELIVERED && m.body().startsWith("echo hello"))
            .findFirst()
            .orElseThrow();
    assertThat(browser.clickMessage(chosen.id()))
        .as("the page shows message #%s", chosen.id())
        .isTrue();
    assertThat(browser.number("return window.procsimReport.selectedId")).isEqualTo(chosen.id());
    assertThat((String) browser.script("return window.procsimReport.detailsText()"))
        .contains(chosen.body())
        .contains(Long.toString(chosen.id()));
    browser.screenshot(SHOTS.resolve("known-run.png"));
  }

  @Test
  void bodiesThatTryToInjectMarkupAreShownAsTextAndRunNothing() {
    List<Message> messages = new java.util.ArrayList<>();
    Path page = knownRun(messages);

    browser.open(page);
    browser.script("window.procsimReport.fit()");

    assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
    Message injected =
        messages.stream()
            .filter(m -> m.body().equals(INJECTIONS.get(1)) && m.fate() == Fate.DELIVERED)
            .findFirst()
            .orElseThrow();
    assertThat(browser.clickMessage(injected.id())).isTrue();
    assertThat((String) browser.script("return window.procsimReport.detailsText()"))
        .contains(INJECTIONS.get(1));
    assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.errors()).isEmpty();
    browser.screenshot(SHOTS.resolve("injections.png"));
  }

  @Test
  void aScriptSlippedIntoThePageDoesNotRunItsPolicyAllowsOnlyThePagesOwn() throws Exception {
    // The second guard, should escaping ever fail: the policy names the hash of the page's script.
    Path page = knownRun(new java.util.ArrayList<>());
    String html = Files.readString(page);
    Path tampered = dir.resolve("tampered.html");
    Files.writeString(
        tampered, html.replaceFirst("<body>", "<body><script>window.__pwned = 4</script>"));
    assertThat(Files.readString(tampered)).contains("window.__pwned = 4");

    browser.open(tampered);

    assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.errors())
        .as("the browser says why it refused")
        .anyMatch(e -> e.contains("Content Security Policy"));
    assertThat(browser.number("return window.procsimReport.arrowsDrawn")).isPositive();
  }

  @Test
  void aMaelstromRunShowsItsHistoryAndTheOperationThatCannotTakeEffect() {
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("lin-kv")
            .bin("python3", "maelstrom/python/naive_lin_kv.py")
            .nodeCount(3)
            .concurrency("2n")
            .timeLimit(Duration.ofSeconds(5))
            .rate(30)
            .seed(1)
            .stepped()
            .store(dir)
            .run();
    assertThat(result.verdict()).isEqualTo(Verdict.INVALID);

    browser.open(result.directory().orElseThrow().resolve("report.html"));

    assertThat(browser.errors()).isEmpty();
    assertThat(browser.script("return document.body.textContent"))
        .asString()
        .contains("INVALID")
        .contains("not linearizable");
    assertThat(browser.number("return window.procsimReport.historyMarks().operations"))
        .isEqualTo(result.history().size());
    assertThat(browser.number("return window.procsimReport.historyMarks().culprits"))
        .as("operations highlighted as the one that cannot take effect")
        .isGreaterThanOrEqualTo(1);
    assertThat(browser.number("return window.procsimReport.historyMarks().ordered"))
        .as("operations in the longest linearizable order")
        .isGreaterThanOrEqualTo(1);
    assertThat(browser.number("return window.procsimReport.arrowsDrawn"))
        .isEqualTo(browser.number("return window.procsimReport.messageCount"));
    browser.screenshot(SHOTS.resolve("maelstrom-lin-kv.png"));
  }

  @Test
  void aRunOfOneHundredThousandEventsOpens() {
    Path page;
    int messages;
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .node(
                "ping",
                () ->
                    (from, body, ctx) -> {
                      int n = Integer.parseInt(body);
                      if (n < 25_000) {
                        ctx.send("pong", Integer.toString(n + 1));
                      }
                    })
            .node("pong", () -> (from, body, ctx) -> ctx.send("ping", body))
            .build()
            .start()) {
      sim.send("test", "ping", "0");
      // The last message of the run: pong's answer to 25000 (ping's 25000 comes one hop before it).
      sim.log()
          .awaitMessage(
              m -> m.from().equals("pong") && m.body().equals("25000") && m.fate().isFinal(),
              Duration.ofMinutes(2));
      assertThat(sim.log().size()).isGreaterThanOrEqualTo(100_000);
      messages = sim.log().messages().size();
      page = sim.writeReport(dir.resolve("large.html"));
    }

    browser.open(page);

    assertThat(browser.errors()).isEmpty();
    assertThat(messages).isEqualTo(50_001);
    assertThat(browser.number("return window.procsimReport.messageCount")).isEqualTo(messages);
    browser.screenshot(SHOTS.resolve("large-run.png"));
  }
}
