package dev.procsim.maelstrom.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.procsim.junit.internal.SeedResult;
import dev.procsim.junit.internal.SweepSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sweep summary written by a simulation test ({@code target/procsim/sweeps/*.json}, format
 * {@value SweepSummary#FORMAT}) back into a {@link SweepSummary}. A file that is not one, or is
 * broken, is an {@link IOException} whose message names the file, the line where known, and what
 * was wrong.
 *
 * <pre>{@code
 * SweepSummary summary = SweepSummaryReader.read(Path.of("target/procsim/sweeps/a.B#c.json"));
 * }</pre>
 */
public final class SweepSummaryReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SweepSummaryReader() {}

  /** A JSON file that is not a sweep summary at all (it has no {@code format}): not an error. */
  public static final class NotASummary extends IOException {
    private static final long serialVersionUID = 1L;

    NotASummary(String message) {
      super(message);
    }
  }

  /** The summary in {@code file}; {@link NotASummary} for other JSON. */
  public static SweepSummary read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      if (!new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
          .contains(SweepSummary.FORMAT)) {
        // Broken JSON that never claimed to be a summary (a fixture, a config with comments).
        throw new NotASummary(file + ": not JSON, and not a sweep summary");
      }
      JsonLocation at = e.getLocation();
      throw new IOException(
          file
              + (at == null ? "" : ", line " + at.getLineNr())
              + ": not valid JSON: "
              + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("format").isTextual()) {
      throw new NotASummary(file + ": not a sweep summary (no \"format\")");
    }
    String format = root.path("format").asText("");
    if (!format.equals(SweepSummary.FORMAT)) {
      throw new IOException(
          file
              + ": not a sweep summary of format "
              + SweepSummary.FORMAT
              + " (its format is "
              + (format.isEmpty() ? "missing" : "\"" + format + "\"")
              + ")");
    }
    String test = text(root, "test", file);
    List<SeedResult> results = new ArrayList<>();
    JsonNode all = root.path("results");
    if (!all.isArray()) {
      throw new IOException(file + ": \"results\" must be an array of seed results");
    }
    for (int i = 0; i < all.size(); i++) {
      results.add(result(all.get(i), file, i));
    }
    JsonNode shard = root.path("shard");
    return new SweepSummary(
        test,
        shortName(test),
        shard.isTextual() ? shard.asText() : null,
        Duration.ofMillis(root.path("elapsedMillis").asLong(0)),
        results);
  }

  private static SeedResult result(JsonNode node, Path file, int index) throws IOException {
    String where = file + ": results[" + index + "]";
    if (!node.isObject() || !node.path("seed").isIntegralNumber()) {
      throw new IOException(where + " needs a \"seed\" that is an integer");
    }
    SeedResult.Outcome outcome;
    try {
      outcome =
          SeedResult.Outcome.valueOf(node.path("outcome").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IOException(
          where
              + " has outcome \""
              + node.path("outcome").asText("")
              + "\": expected passed, failed or aborted");
    }
    JsonNode failure = node.path("failure");
    return new SeedResult(
        node.path("seed").asLong(),
        outcome,
        node.path("millis").asLong(0),
        failure.isTextual() ? failure.asText() : null);
  }

  private static String text(JsonNode root, String field, Path file) throws IOException {
    JsonNode value = root.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IOException(file + ": \"" + field + "\" is missing");
    }
    return value.asText();
  }

  /**
   * {@code com.example.LeaderTest#elects} as the console shows tests: {@code LeaderTest.elects()}.
   */
  static String shortName(String test) {
    int hash = test.lastIndexOf('#');
    String type = hash < 0 ? test : test.substring(0, hash);
    String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    return hash < 0 ? simple : simple + "." + test.substring(hash + 1) + "()";
  }
}
