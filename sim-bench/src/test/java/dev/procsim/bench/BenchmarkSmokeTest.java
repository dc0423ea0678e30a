package dev.procsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark at a tiny size so that it cannot rot unnoticed. It checks that every figure is
 * produced and plausible, never how fast anything is: speed is what the benchmark program prints.
 */
class BenchmarkSmokeTest {

  @Test
  void everyScenarioProducesItsFigures() throws Exception {
    ResultTable table =
        new Benchmark(NativeNodes.compile(), BenchmarkSettings.quick()).run(Benchmark.SCENARIOS);
    assertThat(table.rows())
        .extracting(ResultTable.Row::name)
        .startsWith(
            "serial ping-pong",
            "serial ping-pong, per hop p50",
            "serial ping-pong, per hop p99",
            "pipelined, 64 in flight",
            "fan-out, 1 -> 50",
            "start + close 10 components",
            "heap per logged message, with body",
            "heap per logged message, beyond body",
            "stepped, acknowledgement protocol",
            "stepped, black-box idle detection",
            "20 components: start",
            "20 components: one lap of the ring",
            "20 components: close",
            "20 components: start + close",
            "threads per component",
            "heap per component, started",
            "sweep of 20 seeds, 3 nodes, 1 worker",
            "sweep of 20 seeds, 3 nodes, 2 workers",
            "stepped, black-box idle, Python nodes",
            "stepped, black-box idle, JVM nodes",
            "pipelined 64, line protocol (this run)",
            "pipelined 64, Maelstrom JSON",
            "Maelstrom JSON / line protocol",
            "fly.io 3d (25 nodes), valid: wall time",
            "fly.io 3d: msgs-per-op, servers",
            "fly.io 3d: msgs-per-op, all",
            "fly.io 3d: stable latency p50",
            "fly.io 3d: stable latency p95",
            "fly.io 3d: stable latency p99",
            "fly.io 3d: stable latency max",
            "50 echo nodes, valid: wall time",
            "50 echo nodes: operations ok",
            "report of 2,000 entries: write",
            "report of 2,000 entries: size");
    // Timed in Chromium only where it is installed.
    assertThat(table.rows().size()).isBetween(34, 35);
    assertThat(table.rows()).allSatisfy(row -> assertThat(row.procsim()).isPositive().isFinite());
    assertThat(table.rows().get(0).relay()).isPositive();
    assertThat(table.rows().get(0).direct()).isPositive();
    assertThat(table.render()).contains("procsim/relay").contains("serial ping-pong");
  }

  @Test
  void onlyNamesScenariosAndAWrongNameSaysWhichExist() {
    assertThat(Benchmark.scenarios(List.of("--quick"))).isEqualTo(Benchmark.SCENARIOS);
    assertThat(Benchmark.scenarios(List.of("--only", "serial,report")))
        .containsExactly("serial", "report");
    assertThatThrownBy(() -> Benchmark.scenarios(List.of("--only", "serial,reprot")))
        .hasMessageContaining("no scenario \"reprot\"")
        .hasMessageContaining("serial,pipelined,");
    assertThatThrownBy(() -> Benchmark.scenarios(List.of("--only")))
        .hasMessageStartingWith("--only needs scenario names");
  }

  @Test
  void theReportsBaselinePageHoldsTheSameDataAndOnlyParsesIt() {
    String report =
        "<html><head><script>draw()</script></head><body>"
            + "<script type=\"application/json\" id=\"procsim-data\">{\"a\":1}</script>"
            + "<script>big()</script></body></html>";
    String page = ReportScenarios.parseOnlyPage(report);
    assertThat(page)
        .contains("<script type=\"application/json\" id=\"procsim-data\">{\"a\":1}</script>")
        .contains("JSON.parse")
        .doesNotContain("big()")
        .doesNotContain("draw()");
    assertThatThrownBy(() -> ReportScenarios.parseOnlyPage("<html></html>"))
        .hasMessageContaining("no data block");
  }
}
