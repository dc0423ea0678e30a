package dev.procsim.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The seeds that made one test method fail, remembered in a file meant to be committed (as
 * proptest's regression files are), so that every later run of the test tries them first. One file
 * per test method: {@code <dir>/<test class>/<method>.seeds}, {@code dir} being {@code
 * src/test/resources/procsim} unless {@code procsim.regressions} says otherwise ({@code off}: no
 * file). Each line is {@code seed <n>}, then optionally {@code # why}; {@code #} lines are
 * comments. Delete a line once its failure is fixed, or keep it as a regression test.
 *
 * <pre>{@code
 * RegressionFile file = RegressionFile.of(Optional.empty(), MyTest.class, method).orElseThrow();
 * List<Long> first = file.seeds();
 * file.record(42L, "seed 42: f2 exited with code 1 while awaited: ValueError: ...");
 * }</pre>
 */
public final class RegressionFile {
  /** The configuration parameter (or system property) that moves the files, or turns them off. */
  public static final String PARAMETER = "procsim.regressions";

  private static final String DEFAULT_DIRECTORY = "src/test/resources/procsim";

  private final Path path;
  private final String test;

  private RegressionFile(Path path, String test) {
    this.path = path;
    this.test = test;
  }

  /** The file of {@code method}, unless the parameter is {@code off}. */
  public static Optional<RegressionFile> of(
      Optional<String> directory, Class<?> testClass, Method method) {
    String dir = directory.map(String::strip).filter(d -> !d.isEmpty()).orElse(DEFAULT_DIRECTORY);
    if (dir.equals("off")) {
      return Optional.empty();
    }
    Path path = Path.of(dir, testClass.getName(), method.getName() + ".seeds");
    return Optional.of(new RegressionFile(path, TestNames.of(testClass, method)));
  }

  /** Where it is (it may not exist yet). */
  public Path path() {
    return path;
  }

  /** The seeds it remembers, in the order they were recorded; none when there is no file. */
  public List<Long> seeds() {
    if (!Files.exists(path)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the regression seeds of " + test + " in " + path, e);
    }
    LinkedHashSet<Long> seeds = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf('#');
      String content = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] words = content.split("\\s+");
      try {
        if (words.length != 2 || !words[0].equals("seed")) {
          throw new NumberFormatException();
        }
        seeds.add(Long.parseLong(words[1]));
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(
            path
                + " line "
                + (i + 1)
                + ": \""
                + line.strip()
                + "\" is not a regression seed; write \"seed <n>\", optionally followed by"
                + " \"# why\"");
      }
    }
    return new ArrayList<>(seeds);
  }

  /**
   * Adds {@code seed} with {@code why} (the failure's first line), unless the file has it already;
   * creates the file with a header saying what it is.
   */
  public void record(long seed, String why) {
    // One writer at a time: invocations of one test may fail together under parallel execution.
    synchronized (RegressionFile.class) {
      append(seed, why);
    }
  }

  private void append(long seed, String why) {
    try {
      if (seeds().contains(seed)) {
        return;
      }
      Files.createDirectories(path.getParent());
      StringBuilder text = new StringBuilder();
      if (!Files.exists(path)) {
        text.append("# Seeds that made ")
            .append(test)
            .append(" fail. procsim runs them first, every time; commit this file.\n")
            .append("# Delete a line once its failure is fixed (or keep it: a regression test).\n");
      }
      text.append("seed ").append(seed).append("  # ").append(oneLine(why)).append('\n');
      Files.writeString(
          path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println(
          "procsim: could not remember failing seed "
              + seed
              + " of "
              + test
              + " in "
              + path
              + ": "
              + e);
    }
  }

  private static String oneLine(String why) {
    String first = why == null ? "" : why.strip().lines().findFirst().orElse("");
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }
}
