package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report: one page whose data is the run's log, in which nothing a component wrote can end
 * the data's script block; and the log in ShiViz's format.
 */
class RunReportTest {
  private static final String INJECTION =
      "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";
  private static final String OPEN = "<script type=\"application/json\" id=\"procsim-data\">";

  @TempDir Path dir;

  private static Simulator run() {
    Simulator sim =
        Simulator.builder()
            .seed(3)
            .echo(false)
            .stepped()
            .network(Network.builder().loss(0.3).build())
            .node("a", () -> (from, body, ctx) -> ctx.output("a got " + body))
            .node("b", () -> (from, body, ctx) -> ctx.send("a", "echo " + body))
            .build()
            .start();
    for (int i = 0; i < 10; i++) {
      sim.send("test", "b", i == 3 ? INJECTION : "hello " + i);
    }
    sim.awaitQuiescence(Duration.ofSeconds(30));
    return sim;
  }

  private static JsonNode data(Path page) throws Exception {
    String html = Files.readString(page);
    int from = html.indexOf(OPEN) + OPEN.length();
    int to = html.indexOf("</script>", from);
    return new ObjectMapper().readTree(html.substring(from, to));
  }

  @Test
  void thePagesPolicyLetsOnlyItsOwnScriptRun() throws Exception {
    Path page;
    try (Simulator sim = run()) {
      page = RunReport.of(sim).write(dir.resolve("policy.html"));
    }
    String html = Files.readString(page);
    Matcher policy = Pattern.compile("script-src '(sha256-[A-Za-z0-9+/=]+)';").matcher(html);
    assertThat(policy.find()).as("a script-src that names a hash").isTrue();
    int open = html.indexOf("<script>", html.indexOf(OPEN)) + "<script>".length();
    String script = html.substring(open, html.indexOf("</script>", open));
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
    assertThat(policy.group(1)).isEqualTo("sha256-" + hash);
    assertThat(html).doesNotContain("script-src 'unsafe-inline'").doesNotContain("PROCSIM_SCRIPT");
    assertThat(html.split("<script>", -1)).as("one executable script block").hasSize(2);
  }

  @Test
  void thePageCarriesTheRunAsDataItsScriptReads() throws Exception {
    Path page;
    List<Message> messages;
    try (Simulator sim = run()) {
      page =
          RunReport.of(sim)
              .title("a <small> run")
              .failure("it failed")
              .write(dir.resolve("r/run.html"));
      messages = sim.log().messages();
    }

    String html = Files.readString(page);
    assertThat(html).contains("<title>a &lt;small&gt; run</title>");
    assertThat(html).doesNotContain("/*PROCSIM_DATA*/");
    JsonNode data = data(page);
    assertThat(data.path("format").asText()).isEqualTo("procsim-report/1");
    assertThat(data.path("failure").asText()).isEqualTo("it failed");
    assertThat(data.path("axis").asText()).isEqualTo("steps");
    assertThat(data.path("lanes").findValuesAsText("name")).startsWith("a", "b").contains("test");
    JsonNode m = data.path("messages");
    assertThat(m.path("count").asInt()).isEqualTo(messages.size());
    assertThat(m.path("id")).hasSize(messages.size());
    int dropped = 0;
    for (JsonNode fate : m.path("fate")) {
      dropped += fate.asInt() == 1 ? 1 : 0;
    }
    assertThat(dropped).isEqualTo(messages.stream().filter(x -> x.fate() == Fate.DROPPED).count());
    assertThat(m.path("body").toString()).contains("window.__pwned=1");
  }

  @Test
  void nothingAComponentWroteCanEndTheDataBlock() throws Exception {
    Path page;
    try (Simulator sim = run()) {
      page = sim.writeReport(dir.resolve("run.html"));
    }
    String html = Files.readString(page);
    int from = html.indexOf(OPEN) + OPEN.length();
    String block = html.substring(from, html.indexOf("</script>", from));

    assertThat(block).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e");
    assertThat(data(page).path("messages").path("body").toString())
        .contains(INJECTION.replace("\"", "\\\""));
  }

  @Test
  void theShiVizLogHasItsExpressionAndAClockForEveryEvent() throws Exception {
    Path file;
    try (Simulator sim = run()) {
      file = RunReport.of(sim).writeShiViz(dir.resolve("run.shiviz"));
    }
    List<String> lines = Files.readAllLines(file);

    assertThat(lines.get(0)).isEqualTo("(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})");
    assertThat(lines.get(1)).isEmpty();
    List<String> body = lines.subList(2, lines.size());
    assertThat(body.size() % 2).isZero();
    for (int i = 1; i < body.size(); i += 2) {
      assertThat(body.get(i)).matches("\\S+ \\{.*\\}");
    }
    // A delivery to a carries the clock of b's send.
    assertThat(body).anySatisfy(line -> assertThat(line).startsWith("a {").contains("\"b\": "));
  }
}
