package dev.procsim.bench;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * procsim's benchmark: a program (never a timed unit test) that prints throughput, latency, scale
 * and memory figures, each beside baselines measured in the same run on the same C nodes: a minimal
 * relay in C (poll(), read a line, find the target, write it) and, for two processes, the direct
 * pipe between them with no router at all.
 *
 * <pre>{@code
 * mvn -q -Pbench -DskipTests package          # the full run, as recorded in BENCHMARKS.md
 * java -cp ... dev.procsim.bench.Benchmark --quick
 * java -cp ... dev.procsim.bench.Benchmark --only serial,pipelined   # some scenarios only
 * // the classpath: sim-bench/target/classes and what dependency:build-classpath writes (BENCHMARKS.md)
 * }</pre>
 */
public final class Benchmark {
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final String PONG = "send pong ";
  private static final String PING = "send ping ";

  private final NativeNodes nodes;
  private final BenchmarkSettings settings;

  Benchmark(NativeNodes nodes, BenchmarkSettings settings) {
    this.nodes = nodes;
    this.settings = settings;
  }

  /** Most paired runs that warm the JIT up before the counted ones. */
  private static final int MOST_WARM_UPS = 4;

  /** The scenarios, by the name {@code --only} takes, in the order they run. */
  static final List<String> SCENARIOS =
      List.of(
          "serial",
          "pipelined",
          "fanout",
          "start-close",
          "heap",
          "stepped",
          "scale",
          "maelstrom",
          "report");

  /**
   * Runs every scenario (or those named by {@code --only a,b}) and prints the table; {@code
   * --quick} for a small run.
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    BenchmarkSettings settings =
        arguments.contains("--quick") ? BenchmarkSettings.quick() : BenchmarkSettings.full();
    List<String> only;
    try {
      only = scenarios(arguments);
    } catch (IllegalArgumentException e) {
      System.err.println("benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "procsim benchmark: %d cores, %s %s, Java %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
    ResultTable table = new Benchmark(NativeNodes.compile(), settings).run(only);
    System.out.print(table.render());
    System.out.println();
    System.out.println(
        "relay (C): the minimal relay in C, same nodes. direct/raw: the same nodes on a direct pipe,"
            + " a raw spawn, or, for a report, a page in the same Chromium that only parses the"
            + " same data.");
  }

  /** The scenarios {@code --only a,b} names, or all of them. */
  static List<String> scenarios(List<String> arguments) {
    int at = arguments.indexOf("--only");
    if (at < 0) {
      return SCENARIOS;
    }
    if (at + 1 == arguments.size()) {
      throw new IllegalArgumentException(
          "--only needs scenario names, out of " + String.join(",", SCENARIOS));
    }
    List<String> only = List.of(arguments.get(at + 1).split(","));
    for (String name : only) {
      if (!SCENARIOS.contains(name)) {
        throw new IllegalArgumentException(
            "no scenario \"" + name + "\": the scenarios are " + String.join(",", SCENARIOS));
      }
    }
    return only;
  }

  ResultTable run(List<String> scenarios) throws Exception {
    ResultTable table = new ResultTable();
    if (scenarios.contains("serial")) {
      serialPingPong(table);
    }
    if (scenarios.contains("pipelined")) {
      pipelined(table);
    }
    if (scenarios.contains("fanout")) {
      fanOut(table);
    }
    if (scenarios.contains("start-close")) {
      startAndClose(table);
    }
    if (scenarios.contains("heap")) {
      heapPerMessage(table);
    }
    if (scenarios.contains("stepped")) {
      stepped(table, true, settings.steppedRounds());
      stepped(table, false, settings.steppedRounds() / 10);
    }
    if (scenarios.contains("scale")) {
      new ScaleScenarios(
              nodes, settings.scaleComponents(), settings.sweepSeeds(), settings.blackBoxSteps())
          .run(table);
    }
    if (scenarios.contains("maelstrom")) {
      new MaelstromScenarios(nodes, settings.small()).run(table);
    }
    if (scenarios.contains("report")) {
      new ReportScenarios(settings.small()).run(table);
    }
    return table;
  }

  // ---------------------------------------------------------------- serial ping-pong

  private void serialPingPong(ResultTable table) throws Exception {
    int n = settings.pingRounds();
    // "ping <count> <total_ns> <p50_rtt_ns> <p99_rtt_ns>"; one hop is half a round trip.
    long[][] results = medianOfPairedRuns("ping", "" + n);
    long[] procsim = results[0];
    long[] relay = results[1];
    long[] direct = results[2];
    table.add(
        "serial ping-pong",
        "msg/s",
        perSecond(2L * n, procsim[2]),
        perSecond(2L * n, relay[2]),
        perSecond(2L * n, direct[2]));
    table.add(
        "serial ping-pong, per hop p50", "us", procsim[3] / 2e3, relay[3] / 2e3, direct[3] / 2e3);
    table.add(
        "serial ping-pong, per hop p99", "us", procsim[4] / 2e3, relay[4] / 2e3, direct[4] / 2e3);
  }

  // ---------------------------------------------------------------- pipelined

  private void pipelined(ResultTable table) throws Exception {
    int n = settings.windowRounds();
    String w = "" + settings.window();
    // "window <received> <total_ns>"
    long[][] results = medianOfPairedRuns("window", "" + n, w);
    table.add(
        "pipelined, " + w + " in flight",
        "msg/s",
        perSecond(2L * n, results[0][2]),
        perSecond(2L * n, results[1][2]),
        perSecond(2L * n, results[2][2]));
  }

  /**
   * {@link #twoNodes} run {@code pairedRuns} times, alternating procsim and the relay, after paired
   * runs that are not counted, until the JIT is done (at most {@value #MOST_WARM_UPS}); every field
   * of each of the three results is the median of the counted runs. Why the runs that are not
   * counted: the first runs of a JVM spend a fifth to a quarter of the machine compiling procsim's
   * hot path, which a sweep (the reason to care about throughput) pays once, not per seed.
   */
  private long[][] medianOfPairedRuns(String mode, String... args) throws Exception {
    JitWarmUp.untilQuiet(MOST_WARM_UPS, () -> twoNodes(mode, args));
    List<long[][]> runs = new ArrayList<>();
    for (int i = 0; i < settings.pairedRuns(); i++) {
      runs.add(twoNodes(mode, args));
    }
    return Medians.ofEachField(runs);
  }

  /**
   * Runs a node in {@code mode} against an echo node under procsim, under the relay and on a direct
   * pipe, and returns the three parsed result lines in that order.
   */
  private long[][] twoNodes(String mode, String... args) throws Exception {
    String resultPrefix = mode + " ";
    String[] withPrefix = new String[args.length + 1];
    withPrefix[0] = PONG;
    System.arraycopy(args, 0, withPrefix, 1, args.length);
    String[] direct = withPrefix.clone();
    direct[0] = "";
    Simulator sim = pingPongSimulator(nodes.node(mode, withPrefix));
    String procsimLine = procsimRun(sim, "ping", resultPrefix);
    String relayLine =
        relayRun(
                List.of("ping", nodes.shell(mode, withPrefix), "pong", nodes.shell("echo", PING)),
                resultPrefix,
                1)
            .get(0);
    String directLine = directRun(nodes.shell(mode, direct), resultPrefix);
    return new long[][] {parse(procsimLine, 1), parse(relayLine, 1), parse(directLine, 1)};
  }

  private Simulator pingPongSimulator(String[] pingCommand) {
    return Simulator.builder()
        .echo(false)
        .component("ping", pingCommand)
        .component("pong", nodes.node("echo", PING))
        .build();
  }

  // ---------------------------------------------------------------- fan-out

  private void fanOut(ResultTable table) throws Exception {
    int n = settings.fanoutMessages();
    int targets = settings.fanoutTargets();
    String share = "" + n / targets;
    Simulator.Builder builder =
        Simulator.builder()
            .echo(false)
            .component("src", nodes.node("fanout", "" + n, "" + targets));
    List<String> relayArgs =
        new ArrayList<>(List.of("src", nodes.shell("fanout", "" + n, "" + targets)));
    for (int i = 0; i < targets; i++) {
      builder.component("t" + i, nodes.node("sink", share));
      relayArgs.add("t" + i);
      relayArgs.add(nodes.shell("sink", share));
    }
    double procsim;
    try (Simulator sim = builder.build().start()) {
      long[] got = {0};
      sim.log()
          .awaitEvent(
              e ->
                  e instanceof LogEvent.ErrorOutput err
                      && err.line().startsWith("got ")
                      && ++got[0] == targets,
              WAIT);
      procsim =
          fanOutRate(
              n,
              sim.log().events().stream()
                  .filter(e -> e instanceof LogEvent.ErrorOutput)
                  .map(e -> ((LogEvent.ErrorOutput) e).line())
                  .toList());
    }
    double relay =
        fanOutRate(
            n,
            relayRun(relayArgs, l -> l.startsWith("got ") || l.startsWith("start "), targets + 1));
    table.add("fan-out, 1 -> " + targets, "msg/s", procsim, relay, null);
  }

  private static double fanOutRate(int messages, List<String> lines) {
    long start = Long.MAX_VALUE;
    long end = 0;
    for (String line : lines) {
      long[] fields = parse(line, 1);
      if (line.startsWith("start ")) {
        start = fields[1];
      } else {
        end = Math.max(end, fields[2]);
      }
    }
    return perSecond(messages, end - start);
  }

  // ---------------------------------------------------------------- start + close

  private void startAndClose(ResultTable table) throws Exception {
    for (int n : settings.componentCounts()) {
      Simulator.Builder builder = Simulator.builder().echo(false);
      for (int i = 0; i < n; i++) {
        builder.component("n" + i, nodes.node("echo", PING));
      }
      long t0 = System.nanoTime();
      Simulator sim = builder.build().start();
      sim.close();
      double procsim = (System.nanoTime() - t0) / 1e9;

      long t1 = System.nanoTime();
      List<Process> raw = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        raw.add(new ProcessBuilder(nodes.node("echo", PING)).start());
      }
      for (Process p : raw) {
        try (OutputStream stdin = p.getOutputStream()) {
          // Closing stdin ends an echo node, as procsim's close does first.
        }
      }
      for (Process p : raw) {
        p.waitFor(30, TimeUnit.SECONDS);
      }
      double spawn = (System.nanoTime() - t1) / 1e9;
      table.add("start + close " + n + " components", "s", procsim, null, spawn);
    }
  }

  // ---------------------------------------------------------------- stepped

  /**
   * Steps per second of a stepped serial ping-pong: with the acknowledgement protocol, or with
   * black-box idle detection of the same (unmodified) nodes.
   */
  private void stepped(ResultTable table, boolean acks, int rounds) {
    ComponentSpec ping = ComponentSpec.of("ping", nodes.node("ping", PONG, "" + rounds));
    ComponentSpec pong = ComponentSpec.of("pong", nodes.node("echo", PING));
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component(acks ? ping.withAcks() : ping)
            .component(acks ? pong.withAcks() : pong)
            .build()
            .start();
    try (sim) {
      long t0 = System.nanoTime();
      sim.awaitQuiescence(WAIT);
      double seconds = (System.nanoTime() - t0) / 1e9;
      table.add(
          acks ? "stepped, acknowledgement protocol" : "stepped, black-box idle detection",
          "steps/s",
          sim.steps() / seconds,
          null,
          null);
    }
  }

  // ---------------------------------------------------------------- heap

  private void heapPerMessage(ResultTable table) throws Exception {
    int n = settings.heapRounds();
    long before = HeapUse.afterGc();
    Simulator sim =
        pingPongSimulator(nodes.node("window", PONG, "" + n, "" + settings.window())).start();
    try (sim) {
      sim.log()
          .awaitEvent(
              e -> e instanceof LogEvent.ErrorOutput err && err.line().startsWith("window "), WAIT);
      long after = HeapUse.afterGc();
      List<Message> messages = sim.log().messages();
      double bodies = 0;
      for (Message m : messages) {
        bodies += HeapUse.stringBytes(m.body());
      }
      double perMessage = (double) (after - before) / messages.size();
      table.add("heap per logged message, with body", "bytes", perMessage, null, null);
      table.add(
          "heap per logged message, beyond body",
          "bytes",
          perMessage - bodies / messages.size(),
          null,
          null);
    }
  }

  // ---------------------------------------------------------------- runners

  /**
   * Starts the simulation, waits for {@code component} to exit (one wake-up, rather than waking on
   * every log entry as a log wait would: the figure is the router's, not the waiter's), and returns
   * its result line.
   */
  private static String procsimRun(Simulator unstarted, String component, String resultPrefix) {
    try (Simulator sim = unstarted.start()) {
      sim.component(component).awaitExit(WAIT);
      return sim.component(component).errors().stream()
          .filter(line -> line.startsWith(resultPrefix))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(component + " printed no result"));
    }
  }

  private List<String> relayRun(List<String> namesAndCommands, String resultPrefix, int count)
      throws Exception {
    return relayRun(namesAndCommands, line -> line.startsWith(resultPrefix), count);
  }

  private List<String> relayRun(List<String> namesAndCommands, Predicate<String> wanted, int count)
      throws Exception {
    return ExternalRun.collect(nodes.relayCommand(namesAndCommands), wanted, count);
  }

  private String directRun(String pingShell, String resultPrefix)
      throws IOException, InterruptedException {
    String script =
        "f=$(mktemp -u); mkfifo \"$f\"; trap 'rm -f \"$f\"' EXIT; "
            + pingShell
            + " < \"$f\" | "
            + nodes.shell("echo", "")
            + " > \"$f\"";
    return ExternalRun.collect(
            List.of("sh", "-c", script), line -> line.startsWith(resultPrefix), 1)
        .get(0);
  }

  /** The numbers of a result line: index i holds its i-th word (index 0, the word itself, is 0). */
  private static long[] parse(String line, int from) {
    String[] words = line.trim().split("\\s+");
    long[] numbers = new long[words.length];
    for (int i = from; i < words.length; i++) {
      numbers[i] = Long.parseLong(words[i]);
    }
    return numbers;
  }

  private static double perSecond(long count, long nanos) {
    return count / (nanos / 1e9);
  }
}
