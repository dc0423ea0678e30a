package dev.procsim.bench;

/**
 * How big each scenario is.
 *
 * @param pingRounds serial round trips
 * @param windowRounds pipelined round trips
 * @param window messages in flight in the pipelined scenario
 * @param fanoutMessages messages from one sender
 * @param fanoutTargets receivers of the fan-out
 * @param componentCounts simulation sizes for start + close
 * @param heapRounds pipelined round trips whose log is weighed
 * @param steppedRounds serial round trips of the stepped run with acknowledgements (a tenth for
 *     black-box idle detection)
 * @param pairedRuns how many times procsim and the relay run the data path, alternating; each
 *     figure is the median of its runs, since one run's ratio is noisy
 * @param scaleComponents components of the large simulation (a ring)
 * @param sweepSeeds seeds of the sweep of small simulations
 * @param blackBoxSteps steps of each stepped run of unmodified Python and JVM nodes (enough that
 *     the JIT's warm-up, a few hundred steps, does not dominate: a sweep runs its steps warm)
 * @param small whether this is the small run (--quick) (Maelstrom's scenarios shrink too)
 */
record BenchmarkSettings(
    int pingRounds,
    int windowRounds,
    int window,
    int fanoutMessages,
    int fanoutTargets,
    int[] componentCounts,
    int heapRounds,
    int steppedRounds,
    int pairedRuns,
    int scaleComponents,
    int sweepSeeds,
    int blackBoxSteps,
    boolean small) {
  static BenchmarkSettings full() {
    return new BenchmarkSettings(
        20_000,
        200_000,
        64,
        200_000,
        50,
        new int[] {10, 50, 200},
        200_000,
        5_000,
        5,
        1_000,
        1_000,
        5_000,
        false);
  }

  static BenchmarkSettings quick() {
    return new BenchmarkSettings(
        300, 2_000, 64, 2_000, 50, new int[] {10}, 2_000, 100, 1, 20, 20, 20, true);
  }
}
