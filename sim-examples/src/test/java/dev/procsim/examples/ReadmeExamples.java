package dev.procsim.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every code example of a Markdown file says where it comes from, and agrees with it.
 *
 * <p>A Java, XML or Python block must follow a marker naming a file of the repository: {@code <!--
 * file: path -->} (the block is that whole file) or {@code <!-- excerpt: path -->} (the block's
 * lines appear in the file, in order and contiguously, compared without indentation and blank
 * lines; a line {@code ...}, alone or with a comment, skips any number of lines of the file). The
 * files are compiled and run by the outside project's build, so an example that agrees with its
 * file compiles and runs as written.
 *
 * <pre>{@code
 * List<String> problems = ReadmeExamples.check(Path.of("../README.md"), Path.of(".."));
 * assertThat(problems).isEmpty();
 * }</pre>
 */
final class ReadmeExamples {
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!-- (file|excerpt): (\\S+) -->\\s*$");
  private static final Pattern GAP = Pattern.compile("^\\.\\.\\.(\\s*(#|//).*)?$");
  private static final List<String> CHECKED = List.of("java", "xml", "python");

  private ReadmeExamples() {}

  /** The problems of {@code markdown} (read from a file), each naming its line; empty when none. */
  static List<String> check(Path markdown, Path root) {
    return check(markdown.getFileName().toString(), read(markdown), root);
  }

  /**
   * The problems of {@code text}, called {@code name} in the messages; paths are under {@code
   * root}.
   */
  static List<String> check(String name, String text, Path root) {
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    Matcher pendingMarker = null;
    int markerLine = 0;
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      Matcher fence = FENCE.matcher(lines[i]);
      if (marker.matches()) {
        pendingMarker = marker;
        markerLine = i + 1;
      } else if (fence.matches()) {
        int end = closingFence(lines, i + 1);
        if (end < 0) {
          problems.add(name + " line " + (i + 1) + ": a code block that is never closed");
          break;
        }
        List<String> block = List.of(lines).subList(i + 1, end);
        String where = name + " line " + (i + 1);
        if (pendingMarker != null) {
          checkBlock(where, pendingMarker.group(1), pendingMarker.group(2), block, root, problems);
        } else if (CHECKED.contains(fence.group(2))) {
          problems.add(
              where
                  + ": a "
                  + fence.group(2)
                  + " block without <!-- file: path --> or <!-- excerpt: path --> before it, so"
                  + " nothing checks that it compiles and runs");
        }
        pendingMarker = null;
        i = end;
      } else if (pendingMarker != null && !lines[i].isBlank()) {
        problems.add(name + " line " + markerLine + ": a marker that no code block follows");
        pendingMarker = null;
      }
    }
    return problems;
  }

  private static int closingFence(String[] lines, int from) {
    for (int j = from; j < lines.length; j++) {
      if (lines[j].strip().equals("```")) {
        return j;
      }
    }
    return -1;
  }

  private static void checkBlock(
      String where,
      String kind,
      String path,
      List<String> block,
      Path root,
      List<String> problems) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
      problems.add(where + ": " + path + " is not a file of the repository");
      return;
    }
    List<String> fileLines = List.of(read(file).split("\n", -1));
    if (kind.equals("file")) {
      String expected = String.join("\n", fileLines).stripTrailing();
      String actual = String.join("\n", block).stripTrailing();
      if (!expected.equals(actual)) {
        problems.add(
            where + ": the block differs from " + path + " " + firstDifference(block, fileLines));
      }
    } else {
      String mismatch = excerptMismatch(block, fileLines);
      if (mismatch != null) {
        problems.add(where + ": the block is not an excerpt of " + path + ": " + mismatch);
      }
    }
  }

  /** Null when every segment of {@code block} (split at gap lines) appears in order in the file. */
  static String excerptMismatch(List<String> block, List<String> fileLines) {
    List<String> file = significant(fileLines);
    int from = 0;
    for (List<String> segment : segments(block)) {
      int found = indexOf(file, segment, from);
      if (found < 0) {
        return "no run of lines of the file (after the previous part) reads "
            + segment.get(0)
            + (segment.size() > 1 ? " ... (" + segment.size() + " lines)" : "");
      }
      from = found + segment.size();
    }
    return null;
  }

  private static List<List<String>> segments(List<String> block) {
    List<List<String>> segments = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : significant(block)) {
      if (GAP.matcher(line).matches()) {
        if (!current.isEmpty()) {
          segments.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  private static List<String> significant(List<String> lines) {
    return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static int indexOf(List<String> haystack, List<String> needle, int from) {
    for (int start = from; start + needle.size() <= haystack.size(); start++) {
      if (haystack.subList(start, start + needle.size()).equals(needle)) {
        return start;
      }
    }
    return -1;
  }

  private static String firstDifference(List<String> block, List<String> file) {
    for (int i = 0; i < Math.max(block.size(), file.size()); i++) {
      String b = i < block.size() ? block.get(i) : "(nothing)";
      String f = i < file.size() ? file.get(i) : "(nothing)";
      if (!b.equals(f)) {
        return "at its line " + (i + 1) + ": the README has " + b + ", the file " + f;
      }
    }
    return "";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
