package dev.procsim.junit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a sweep came to: seeds run, passed, failed, the failures grouped by {@link FailureSignature
 * signature} (largest group first), the slowest seeds; as console text and as a JSON document.
 *
 * <pre>{@code
 * SweepSummary summary =
 *     new SweepSummary("com.example.LeaderTest#elects", "LeaderTest.elects()", "1/2", elapsed, results);
 * System.out.println(summary.text());
 * Files.writeString(path, summary.json());
 * }</pre>
 *
 * @param test the test, {@code com.example.LeaderTest#elects}
 * @param name the test as the console shows it, {@code LeaderTest.elects()}
 * @param shard the shard ({@code "1/2"}), or null for a whole sweep
 * @param elapsed how long the sweep took
 * @param results one per seed, in the order they finished
 */
public record SweepSummary(
    String test, String name, String shard, Duration elapsed, List<SeedResult> results) {
  /** The JSON document's format name: readers check it. */
  public static final String FORMAT = "procsim-sweep/1";

  private static final int SLOWEST = 3;
  private static final int SEEDS_SHOWN = 10;

  /** A group of failures that share a signature. */
  public record FailureGroup(String signature, String example, List<Long> seeds) {}

  /** Copies the results. */
  public SweepSummary {
    results = List.copyOf(results);
  }

  /** How many seeds went {@code outcome}. */
  public long count(SeedResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** The failures by signature, the largest group first (then the earliest). */
  public List<FailureGroup> failureGroups() {
    Map<String, List<SeedResult>> bySignature = new LinkedHashMap<>();
    for (SeedResult result : results) {
      if (result.outcome() == SeedResult.Outcome.FAILED) {
        bySignature
            .computeIfAbsent(FailureSignature.of(result.failure()), s -> new ArrayList<>())
            .add(result);
      }
    }
    List<FailureGroup> groups = new ArrayList<>();
    bySignature.forEach(
        (signature, failed) ->
            groups.add(
                new FailureGroup(
                    signature,
                    failed.get(0).failure(),
                    failed.stream().map(SeedResult::seed).toList())));
    groups.sort(Comparator.comparingInt((FailureGroup g) -> g.seeds().size()).reversed());
    return groups;
  }

  /** The slowest seeds, slowest first. */
  public List<SeedResult> slowest() {
    return results.stream()
        .sorted(Comparator.comparingLong(SeedResult::millis).reversed())
        .limit(SLOWEST)
        .toList();
  }

  /** The console text: the verdict line first, then the failures, then the slowest seeds. */
  public String text() {
    long failed = count(SeedResult.Outcome.FAILED);
    long aborted = count(SeedResult.Outcome.ABORTED);
    StringBuilder text =
        new StringBuilder("procsim sweep ")
            .append(name)
            .append(shard == null ? "" : " (shard " + shard + ")")
            .append(": ")
            .append(results.size())
            .append(results.size() == 1 ? " seed" : " seeds")
            .append(" in ")
            .append(RoughDuration.of(elapsed))
            .append(": ")
            .append(count(SeedResult.Outcome.PASSED))
            .append(" passed, ")
            .append(failed)
            .append(" failed")
            .append(aborted > 0 ? ", " + aborted + " aborted" : "");
    List<FailureGroup> groups = failureGroups();
    if (!groups.isEmpty()) {
      text.append("\n  failures, ")
          .append(groups.size())
          .append(groups.size() == 1 ? " kind:" : " kinds:");
      for (FailureGroup group : groups) {
        text.append("\n    ")
            .append(group.seeds().size())
            .append(" × ")
            .append(group.example())
            .append("  (")
            .append(group.seeds().size() == 1 ? "seed " : "seeds ")
            .append(seedList(group.seeds()))
            .append(")");
      }
    }
    if (results.size() > 1) {
      text.append("\n  slowest: ")
          .append(
              slowest().stream()
                  .map(
                      r ->
                          "seed "
                              + r.seed()
                              + " ("
                              + RoughDuration.of(Duration.ofMillis(r.millis()))
                              + ")")
                  .collect(Collectors.joining(", ")));
    }
    return text.toString();
  }

  private static String seedList(List<Long> seeds) {
    String shown =
        seeds.stream().limit(SEEDS_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return seeds.size() > SEEDS_SHOWN
        ? shown + ", … " + (seeds.size() - SEEDS_SHOWN) + " more"
        : shown;
  }

  /**
   * The JSON document: totals, failure groups and slowest seeds for people, every result for
   * merging.
   */
  public String json() {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"format\": ").append(JsonText.quote(FORMAT)).append(",\n");
    json.append("  \"test\": ").append(JsonText.quote(test)).append(",\n");
    json.append("  \"shard\": ").append(JsonText.quote(shard)).append(",\n");
    json.append("  \"elapsedMillis\": ").append(elapsed.toMillis()).append(",\n");
    json.append("  \"seeds\": ").append(results.size()).append(",\n");
    json.append("  \"passed\": ").append(count(SeedResult.Outcome.PASSED)).append(",\n");
    json.append("  \"failed\": ").append(count(SeedResult.Outcome.FAILED)).append(",\n");
    json.append("  \"aborted\": ").append(count(SeedResult.Outcome.ABORTED)).append(",\n");
    json.append("  \"failures\": [");
    List<FailureGroup> groups = failureGroups();
    for (int i = 0; i < groups.size(); i++) {
      FailureGroup group = groups.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append("    {\"signature\": ")
          .append(JsonText.quote(group.signature()))
          .append(", \"example\": ")
          .append(JsonText.quote(group.example()))
          .append(", \"count\": ")
          .append(group.seeds().size())
          .append(", \"seeds\": ")
          .append(group.seeds())
          .append("}");
    }
    json.append(groups.isEmpty() ? "],\n" : "\n  ],\n");
    json.append("  \"slowest\": [");
    appendResults(json, slowest());
    json.append("],\n  \"results\": [");
    appendResults(json, results);
    return json.append("]\n}\n").toString();
  }

  private static void appendResults(StringBuilder json, List<SeedResult> results) {
    for (int i = 0; i < results.size(); i++) {
      SeedResult r = results.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append("    {\"seed\": ")
          .append(r.seed())
          .append(", \"outcome\": ")
          .append(JsonText.quote(r.outcome().name().toLowerCase(java.util.Locale.ROOT)))
          .append(", \"millis\": ")
          .append(r.millis())
          .append(r.failure() == null ? "" : ", \"failure\": " + JsonText.quote(r.failure()))
          .append("}");
    }
    if (!results.isEmpty()) {
      json.append("\n  ");
    }
  }
}
