package dev.procsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README as a user reads it: its examples agree with the files of {@code
 * examples/outside-project} (which CI compiles and runs), its links lead to files of the
 * repository, and it starts with the two commands that matter.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path README = ROOT.resolve("README.md");

  /** "../" (but not the ellipsis of ".../x"), the shared folder beside the repository, a home. */
  private static final Pattern OUTSIDE_PATH =
      Pattern.compile("(^|[^.])\\.\\./|\\bshared/|/work/|/root/|/home/");

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void everyExampleComesFromAFileItAgreesWith() {
    assertThat(ReadmeExamples.check(README, ROOT)).isEmpty();
  }

  @Test
  void linksLeadToFilesOfTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    Matcher link = LINK.matcher(Files.readString(README));
    while (link.find()) {
      String target = link.group(1);
      if (target.startsWith("http://") || target.startsWith("https://")) {
        continue;
      }
      Path resolved = ROOT.resolve(target).normalize();
      if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
        broken.add(target);
      }
    }
    assertThat(broken).as("links that lead nowhere in the repository").isEmpty();
  }

  @Test
  void speaksOfTheRepositoryAlone() throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<String> outside = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (OUTSIDE_PATH.matcher(lines.get(i)).find()) {
        outside.add("line " + (i + 1) + ": " + lines.get(i));
      }
    }
    assertThat(outside).as("README lines that name a path outside the repository").isEmpty();
  }

  @Test
  void startsWithTheDemoAndTheTestCommand() throws IOException {
    List<String> lines = Files.readAllLines(README);
    assertThat(lines.subList(0, 6))
        .containsSubsequence(
            "```sh",
            "mvn -q -Pdemo -DskipTests package   # a demo simulation: the seed's example; prints \"p2:"
                + " Hello from p1\"",
            "mvn verify                          # all tests",
            "```");
  }

  // The checker itself: each kind of disagreement is found.

  @Test
  void aBlockWithoutAMarkerIsReported() {
    assertThat(ReadmeExamples.check("R.md", "text\n```java\nint x;\n```\n", ROOT))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("R.md line 2", "a java block without <!-- file: path -->");
  }

  @Test
  void aWholeFileThatDriftedIsReported() {
    String markdown =
        "<!-- file: examples/outside-project/nodes/pong.py -->\n```python\nimport sys\n```\n";
    assertThat(ReadmeExamples.check("R.md", markdown, ROOT))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("R.md line 2: the block differs from examples/outside-project/nodes/pong.py");
  }

  @Test
  void anExcerptMatchesWithoutIndentationAndSkipsAtGaps() {
    List<String> file = List.of("a()", "  b()", "", "c()", "d()", "e()");
    assertThat(ReadmeExamples.excerptMismatch(List.of("b()", "c()"), file)).isNull();
    assertThat(ReadmeExamples.excerptMismatch(List.of("a()", "...  // later", "e()"), file))
        .isNull();
    assertThat(ReadmeExamples.excerptMismatch(List.of("a()", "c()"), file))
        .contains("reads a() ... (2 lines)");
    assertThat(ReadmeExamples.excerptMismatch(List.of("d()", "...", "c()"), file))
        .contains("reads c()");
  }

  @Test
  void aMarkerWithoutABlockOrAFileIsReported() {
    assertThat(ReadmeExamples.check("R.md", "<!-- excerpt: README.md -->\nprose\n", ROOT))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("R.md line 1: a marker that no code block follows");
    assertThat(
            ReadmeExamples.check("R.md", "<!-- excerpt: nowhere.java -->\n```java\nx\n```\n", ROOT))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("nowhere.java is not a file of the repository");
  }
}
