package dev.procsim.junit.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One share of a sweep: {@code procsim.shard = K/N} runs the seeds at positions K-1, K-1+N,
 * K-1+2N... of the test's seed list, so that N jobs given 1/N ... N/N run every seed exactly once.
 * The shards agree on the list only when it is the same in each: a fixed seed (the annotation's, or
 * {@code procsim.sweepSeed}), not a random one.
 *
 * <pre>{@code
 * SweepShard shard = SweepShard.parse(Optional.of("2/3")).orElseThrow();
 * shard.select(List.of(10L, 11L, 12L, 13L, 14L));   // [11, 14]
 * }</pre>
 *
 * @param index this shard, from 1
 * @param count how many shards the sweep is cut into
 */
public record SweepShard(int index, int count) {
  /** The configuration parameter (or system property) that selects a shard. */
  public static final String PARAMETER = "procsim.shard";

  /** Checks the numbers. */
  public SweepShard {
    if (count < 1 || index < 1 || index > count) {
      throw new ExtensionConfigurationException(
          PARAMETER
              + " = \""
              + index
              + "/"
              + count
              + "\": the shard must be K/N with 1 <= K <= N, e.g. 1/4 ... 4/4");
    }
  }

  /** The shard a parameter value names ({@code "2/4"}); empty when the value is absent or blank. */
  public static Optional<SweepShard> parse(Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return Optional.empty();
    }
    String text = value.get().strip();
    int slash = text.indexOf('/');
    try {
      if (slash < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(
          new SweepShard(
              Integer.parseInt(text.substring(0, slash).strip()),
              Integer.parseInt(text.substring(slash + 1).strip())));
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException(
          PARAMETER
              + " = \""
              + text
              + "\" is not a shard: write K/N, e.g. 2/4 (the second of four)");
    }
  }

  /** The seeds of {@code all} that belong to this shard, in their order. */
  public <T> List<T> select(List<T> all) {
    return select(all.stream()).toList();
  }

  /** The seeds of {@code all} (a sequential stream, perhaps endless) that belong to this shard. */
  public <T> Stream<T> select(Stream<T> all) {
    long[] position = {0};
    return all.filter(
        seed -> {
          long at = position[0]++;
          return at >= index - 1 && (at - (index - 1)) % count == 0;
        });
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
