package dev.procsim.bench;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Fate;
import dev.procsim.core.JavaCommand;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios of scale: many components in one simulation (start, a message round the ring,
 * close; threads and heap per component), a sweep of many small simulations with one and two
 * workers, and stepped runs of unmodified Python and JVM nodes (black-box idle detection), each
 * beside what the same work costs without procsim where there is such a thing.
 *
 * <pre>{@code
 * new ScaleScenarios(nodes, 1000, 1000, 2000).run(table);
 * }</pre>
 */
final class ScaleScenarios {
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final String TOKEN = "token";

  private final NativeNodes nodes;
  private final int components;
  private final int sweepSeeds;
  private final int steppedRounds;

  ScaleScenarios(NativeNodes nodes, int components, int sweepSeeds, int steppedRounds) {
    this.nodes = nodes;
    this.components = components;
    this.sweepSeeds = sweepSeeds;
    this.steppedRounds = steppedRounds;
  }

  void run(ResultTable table) throws Exception {
    ring(table);
    sweep(table, 1);
    sweep(table, 2);
    steppedBlackBox(table, "Python", pythonEcho());
    steppedBlackBox(table, "JVM", JavaCommand.of(EchoNode.class));
  }

  // ---------------------------------------------------------------- many components

  /** n echo nodes in a ring: each forwards what it reads to the next; the last prints it. */
  private void ring(ResultTable table) throws Exception {
    int n = components;
    Simulator.Builder builder = Simulator.builder().echo(false);
    for (int i = 0; i < n; i++) {
      builder.component(
          "n" + i, nodes.node("echo", i == n - 1 ? "lap " : "send n" + (i + 1) + " "));
    }
    Simulator sim = builder.build();
    int threadsBefore = Thread.activeCount();
    long heapBefore = HeapUse.afterGc();
    long t0 = System.nanoTime();
    sim.start();
    long t1 = System.nanoTime();
    int threads = Thread.activeCount() - threadsBefore;
    long heap = HeapUse.afterGc() - heapBefore;
    sim.send("test", "n0", TOKEN);
    sim.log()
        .awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("lap " + TOKEN), WAIT);
    long t2 = System.nanoTime();
    sim.close();
    long t3 = System.nanoTime();

    long r0 = System.nanoTime();
    List<Process> raw = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      raw.add(new ProcessBuilder(nodes.node("echo", "x")).start());
    }
    long r1 = System.nanoTime();
    for (Process p : raw) {
      try (OutputStream stdin = p.getOutputStream()) {
        // Closing stdin ends an echo node, as procsim's close does first.
      }
    }
    for (Process p : raw) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
    long r2 = System.nanoTime();
    String what = String.format("%,d components", n);
    table.add(what + ": start", "s", (t1 - t0) / 1e9, null, (r1 - r0) / 1e9);
    table.add(what + ": one lap of the ring", "ms", (t2 - t1) / 1e6, null, null);
    table.add(what + ": close", "s", (t3 - t2) / 1e9, null, (r2 - r1) / 1e9);
    table.add(what + ": start + close", "s", (t1 - t0 + t3 - t2) / 1e9, null, (r2 - r0) / 1e9);
    table.add("threads per component", "threads", (double) threads / n, null, null);
    table.add("heap per component, started", "KiB", heap / 1024.0 / n, null, null);
  }

  // ---------------------------------------------------------------- a sweep

  /** {@code sweepSeeds} seeds of a 3-node simulation (a message to each, delivered), on workers. */
  private void sweep(ResultTable table, int workers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> runs = new ArrayList<>();
      for (int seed = 0; seed < sweepSeeds; seed++) {
        long s = seed;
        runs.add(pool.submit(() -> smallSimulation(s)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      table.add(
          String.format(
              "sweep of %,d seeds, 3 nodes, %d worker%s",
              sweepSeeds, workers, workers == 1 ? "" : "s"),
          "seeds/s",
          sweepSeeds / seconds,
          null,
          null);
    } finally {
      pool.shutdown();
    }
  }

  private Void smallSimulation(long seed) {
    Simulator.Builder builder = Simulator.builder().echo(false).seed(seed);
    for (int i = 0; i < 3; i++) {
      builder.component("n" + i, nodes.node("echo", "reply "));
    }
    try (Simulator sim = builder.build().start()) {
      for (int i = 0; i < 3; i++) {
        sim.send("test", "n" + i, "hello " + seed);
      }
      sim.log().awaitEvent(e -> countDelivered(sim) == 3, WAIT);
    }
    return null;
  }

  private static long countDelivered(Simulator sim) {
    return sim.log().messages().stream().filter(m -> m.fate() == Fate.DELIVERED).count();
  }

  // ---------------------------------------------------------------- stepped, unmodified nodes

  /**
   * A stepped ping-pong between two unmodified echo nodes of one runtime, idle seen from outside.
   */
  private void steppedBlackBox(ResultTable table, String runtime, String[] echo) {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component(ComponentSpec.of("a", echo))
            .component(ComponentSpec.of("b", echo))
            .build()
            .start();
    try (sim) {
      sim.send("test", "a", "b 0");
      long t0 = System.nanoTime();
      long steps = sim.advance(steppedRounds);
      double seconds = (System.nanoTime() - t0) / 1e9;
      table.add(
          "stepped, black-box idle, " + runtime + " nodes", "steps/s", steps / seconds, null, null);
    }
  }

  /** An echo node in Python: answers "<peer> <n>" with "send <peer> <me> <n+1>". */
  private static String[] pythonEcho() {
    return new String[] {
      "python3",
      "-c",
      "import os, sys\n"
          + "me = os.environ['PROCSIM_COMPONENT']\n"
          + "for line in sys.stdin:\n"
          + "    peer, n = line.split()\n"
          + "    print('send', peer, me, int(n) + 1, flush=True)\n"
    };
  }
}
