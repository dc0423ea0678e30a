package dev.procsim.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Medians of repeated measurements: one run of a benchmark is noisy, the median of several is not.
 *
 * <pre>{@code
 * long[][] median = Medians.ofEachField(List.of(run1, run2, run3)); // per result, per field
 * }</pre>
 */
final class Medians {
  private Medians() {}

  /** For runs of equal shape, each {@code [result][field]} the median over the runs. */
  static long[][] ofEachField(List<long[][]> runs) {
    long[][] median = new long[runs.get(0).length][];
    for (int who = 0; who < median.length; who++) {
      median[who] = new long[runs.get(0)[who].length];
      for (int field = 0; field < median[who].length; field++) {
        long[] values = new long[runs.size()];
        for (int run = 0; run < runs.size(); run++) {
          values[run] = runs.get(run)[who][field];
        }
        Arrays.sort(values);
        median[who][field] = values[values.length / 2];
      }
    }
    return median;
  }
}
