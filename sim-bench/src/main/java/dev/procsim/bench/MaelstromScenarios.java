package dev.procsim.bench;

import dev.procsim.check.History;
import dev.procsim.check.Operation;
import dev.procsim.check.Outcome;
import dev.procsim.check.SetFull;
import dev.procsim.core.Simulator;
import dev.procsim.core.WireProtocol;
import dev.procsim.maelstrom.MaelstromProtocol;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of Maelstrom mode: pipelined throughput of Maelstrom's JSON beside the line
 * protocol's, the same C nodes in one run; fly.io's challenge 3d (25 Python broadcast nodes, 100 ms
 * latency, 100 operations per second, 20 s) with its messages per operation and latencies as
 * Maelstrom reports them; and a run of 1,000 echo nodes.
 *
 * <pre>{@code
 * new MaelstromScenarios(nodes, false).run(table);
 * }</pre>
 */
final class MaelstromScenarios {
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final String BROADCAST = "../sim-examples/maelstrom/python/broadcast.py";

  private final NativeNodes nodes;
  private final boolean quick;

  MaelstromScenarios(NativeNodes nodes, boolean quick) {
    this.nodes = nodes;
    this.quick = quick;
  }

  void run(ResultTable table) {
    pipelined(table);
    flyIoChallenge3d(table);
    manyEchoNodes(table);
  }

  // ---------------------------------------------------------------- JSON against lines

  /**
   * 64 messages in flight between two C nodes, under the line protocol and under Maelstrom's,
   * alternating, after one pair that warms the JIT up; the medians of five pairs.
   */
  private void pipelined(ResultTable table) {
    int rounds = quick ? 2_000 : 200_000;
    int window = 64;
    List<long[][]> runs = new ArrayList<>();
    for (int run = 0; run <= (quick ? 1 : 5); run++) {
      long line =
          windowRun(
              WireProtocol.LINE,
              nodes.node("window", "send pong ", "" + rounds, "" + window),
              nodes.node("echo", "send ping "),
              "window ");
      long json =
          windowRun(
              new MaelstromProtocol(),
              nodes.node("jwindow", "" + rounds, "" + window),
              nodes.node("jecho"),
              "jwindow ");
      if (run > 0) {
        runs.add(new long[][] {{line, json}});
      }
    }
    long[] medians = Medians.ofEachField(runs)[0];
    double lines = 2.0 * rounds / (medians[0] / 1e9);
    double maelstrom = 2.0 * rounds / (medians[1] / 1e9);
    table.add("pipelined 64, line protocol (this run)", "msg/s", lines, null, null);
    table.add("pipelined 64, Maelstrom JSON", "msg/s", maelstrom, null, null);
    table.add("Maelstrom JSON / line protocol", "x", maelstrom / lines, null, null);
  }

  /** Runs ping against pong with {@code protocol}; the nanoseconds ping took. */
  private static long windowRun(
      WireProtocol protocol, String[] ping, String[] pong, String resultPrefix) {
    Simulator unstarted =
        Simulator.builder()
            .echo(false)
            .protocol(protocol)
            .component("ping", ping)
            .component("pong", pong)
            .build();
    try (Simulator sim = unstarted.start()) {
      sim.component("ping").awaitExit(WAIT);
      String result =
          sim.component("ping").errors().stream()
              .filter(line -> line.startsWith(resultPrefix))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("ping printed no result"));
      return Long.parseLong(result.trim().split("\\s+")[2]);
    }
  }

  // ---------------------------------------------------------------- fly.io's challenge 3d

  /** The efficiency challenge of fly.io's Gossip Glomers, with the example broadcast node. */
  private void flyIoChallenge3d(ResultTable table) {
    long start = System.nanoTime();
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("broadcast")
            .bin("python3", BROADCAST)
            .nodeCount(25)
            .timeLimit(Duration.ofSeconds(quick ? 2 : 20))
            .recovery(Duration.ofSeconds(quick ? 2 : 10))
            .rate(100)
            .latency(Duration.ofMillis(100))
            .seed(3)
            .store(null)
            .run();
    double seconds = (System.nanoTime() - start) / 1e9;
    String verdict = result.verdict().toString().toLowerCase(java.util.Locale.ROOT);
    table.add("fly.io 3d (25 nodes), " + verdict + ": wall time", "s", seconds, null, null);
    table.add(
        "fly.io 3d: msgs-per-op, servers",
        "msg/op",
        result.network().serverMessagesPerOperation(),
        null,
        null);
    table.add(
        "fly.io 3d: msgs-per-op, all",
        "msg/op",
        result.network().messagesPerOperation(),
        null,
        null);
    List<Long> stable = SetFull.stableLatencies(asSet(result.history()));
    for (double q : new double[] {0.5, 0.95, 0.99, 1}) {
      table.add(
          "fly.io 3d: stable latency " + (q == 1 ? "max" : "p" + Math.round(q * 100)),
          "ms",
          stable.isEmpty() ? 0 : quantile(stable, q) / 1e6,
          null,
          null);
    }
  }

  /** The broadcasts as set-full's adds. */
  private static History asSet(History history) {
    return History.of(
        history.operations().stream()
            .map(
                op ->
                    op.function().equals("broadcast")
                        ? new Operation(
                            op.process(),
                            "add",
                            op.input(),
                            op.output(),
                            op.invoked(),
                            op.completed(),
                            op.outcome())
                        : op)
            .toList());
  }

  private static long quantile(List<Long> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  // ---------------------------------------------------------------- 1,000 echo nodes

  /** A Maelstrom echo test of 1,000 C nodes and 1,000 clients, 10 s at 100 operations a second. */
  private void manyEchoNodes(ResultTable table) {
    int n = quick ? 50 : 1_000;
    long start = System.nanoTime();
    MaelstromResult result =
        MaelstromRun.builder()
            .workload("echo")
            .bin(nodes.node("mecho"))
            .nodeCount(n)
            .timeLimit(Duration.ofSeconds(quick ? 2 : 10))
            .rate(100)
            .seed(4)
            .store(null)
            .run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long ok =
        result.history().operations().stream().filter(op -> op.outcome() == Outcome.OK).count();
    String verdict = result.verdict().toString().toLowerCase(java.util.Locale.ROOT);
    table.add(String.format("%,d echo nodes, %s: wall time", n, verdict), "s", seconds, null, null);
    table.add(String.format("%,d echo nodes: operations ok", n), "ops", ok, null, null);
  }
}
