package dev.procsim.junit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The summaries of the shards of one sweep (from several CI jobs, say) merged into one: every
 * result once, and what does not add up said plainly: a seed that ran in more than one summary, a
 * shard that is missing, shards of different sizes.
 *
 * <pre>{@code
 * for (SweepMerge merge : SweepMerge.of(List.of(shard1, shard2))) {
 *   System.out.println(merge.text());
 * }
 * }</pre>
 *
 * @param summary the merged summary (its elapsed time is the longest part's: shards run at once)
 * @param parts how many summaries were merged
 * @param shards the shards merged, such as {@code [1/2, 2/2]}; empty for unsharded summaries
 * @param problems what does not add up, one sentence each; empty when the parts cover the sweep
 */
public record SweepMerge(
    SweepSummary summary, int parts, List<String> shards, List<String> problems) {
  private static final int SEEDS_SHOWN = 10;

  /** Copies the lists. */
  public SweepMerge {
    shards = List.copyOf(shards);
    problems = List.copyOf(problems);
  }

  /** The summaries merged per test, tests in name order. */
  public static List<SweepMerge> of(List<SweepSummary> summaries) {
    Map<String, List<SweepSummary>> byTest = new TreeMap<>();
    for (SweepSummary summary : summaries) {
      byTest.computeIfAbsent(summary.test(), t -> new ArrayList<>()).add(summary);
    }
    List<SweepMerge> merges = new ArrayList<>();
    byTest.forEach((test, parts) -> merges.add(merge(test, parts)));
    return merges;
  }

  private static SweepMerge merge(String test, List<SweepSummary> parts) {
    parts.sort(Comparator.comparingInt(SweepMerge::shardIndex));
    Map<Long, SeedResult> results = new LinkedHashMap<>();
    Set<Long> repeated = new LinkedHashSet<>();
    Duration longest = Duration.ZERO;
    for (SweepSummary part : parts) {
      longest = part.elapsed().compareTo(longest) > 0 ? part.elapsed() : longest;
      for (SeedResult result : part.results()) {
        // A seed run twice counts once, failed if it failed either time.
        if (results.containsKey(result.seed())) {
          repeated.add(result.seed());
        }
        results.merge(result.seed(), result, SeedResult::and);
      }
    }
    List<String> shards = parts.stream().map(SweepSummary::shard).filter(s -> s != null).toList();
    List<String> problems = new ArrayList<>(shardProblems(parts, shards));
    if (!repeated.isEmpty()) {
      problems.add(
          repeated.size()
              + (repeated.size() == 1 ? " seed ran" : " seeds ran")
              + " in more than one summary, counted once: "
              + repeated.stream()
                  .limit(SEEDS_SHOWN)
                  .map(String::valueOf)
                  .collect(Collectors.joining(", "))
              + (repeated.size() > SEEDS_SHOWN ? ", …" : ""));
    }
    String name = parts.get(0).name();
    return new SweepMerge(
        new SweepSummary(test, name, null, longest, new ArrayList<>(results.values())),
        parts.size(),
        shards,
        problems);
  }

  private static List<String> shardProblems(List<SweepSummary> parts, List<String> shards) {
    List<String> problems = new ArrayList<>();
    if (shards.isEmpty()) {
      return problems;
    }
    if (shards.size() < parts.size()) {
      problems.add(
          "whole sweeps and shards are mixed: " + (parts.size() - shards.size()) + " unsharded");
    }
    Set<Integer> sizes = new TreeSet<>();
    Map<Integer, Set<Integer>> seen = new TreeMap<>();
    for (String shard : shards) {
      String[] kn = shard.split("/");
      try {
        int k = Integer.parseInt(kn[0].strip());
        int n = Integer.parseInt(kn[1].strip());
        sizes.add(n);
        seen.computeIfAbsent(n, x -> new TreeSet<>()).add(k);
      } catch (RuntimeException e) {
        problems.add("\"" + shard + "\" is not a shard (K/N)");
      }
    }
    if (sizes.size() > 1) {
      problems.add("the shards come from sweeps cut in different numbers of parts: " + shards);
    }
    for (Map.Entry<Integer, Set<Integer>> size : seen.entrySet()) {
      List<String> missing = new ArrayList<>();
      for (int k = 1; k <= size.getKey(); k++) {
        if (!size.getValue().contains(k)) {
          missing.add(k + "/" + size.getKey());
        }
      }
      if (!missing.isEmpty()) {
        problems.add(
            (missing.size() == 1 ? "shard " : "shards ")
                + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are")
                + " missing: the sweep is not complete");
      }
    }
    return problems;
  }

  /** K of a part's shard K/N, for ordering; 0 for an unsharded or unreadable one. */
  private static int shardIndex(SweepSummary part) {
    try {
      return part.shard() == null ? 0 : Integer.parseInt(part.shard().split("/")[0].strip());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Whether the parts cover the sweep: no problem found. */
  public boolean isComplete() {
    return problems.isEmpty();
  }

  /** The merged summary's text, what was merged, and the problems. */
  public String text() {
    StringBuilder text = new StringBuilder(summary.text());
    text.append("\n  merged from ")
        .append(parts)
        .append(parts == 1 ? " summary" : " summaries")
        .append(shards.isEmpty() ? "" : ": shards " + String.join(", ", shards));
    for (String problem : problems) {
      text.append("\n  INCOMPLETE: ").append(problem);
    }
    return text.toString();
  }
}
