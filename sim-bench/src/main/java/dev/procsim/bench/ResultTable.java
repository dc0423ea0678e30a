package dev.procsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table: each figure of procsim beside its baselines, measured in the same run, and
 * the ratio procsim / baseline.
 *
 * <pre>{@code
 * ResultTable table = new ResultTable();
 * table.add("serial ping-pong", "msg/s", 30_000, 40_000.0, 300_000.0);
 * System.out.print(table.render());
 * }</pre>
 */
final class ResultTable {
  /**
   * One figure.
   *
   * @param name what was measured
   * @param unit its unit
   * @param procsim procsim's figure
   * @param relay the minimal C relay's figure, or null when it does not apply
   * @param direct the direct pipe's (or raw spawn's) figure, or null when it does not apply
   */
  record Row(String name, String unit, double procsim, Double relay, Double direct) {}

  private final List<Row> rows = new ArrayList<>();

  void add(String name, String unit, double procsim, Double relay, Double direct) {
    rows.add(new Row(name, unit, procsim, relay, direct));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String render() {
    StringBuilder text = new StringBuilder();
    String format = "%-46s %-9s %12s %12s %12s %14s %14s%n";
    text.append(
        String.format(
            Locale.ROOT,
            format,
            "figure",
            "unit",
            "procsim",
            "relay (C)",
            "direct/raw",
            "procsim/relay",
            "procsim/direct"));
    for (Row row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              format,
              row.name(),
              row.unit(),
              number(row.procsim()),
              row.relay() == null ? "-" : number(row.relay()),
              row.direct() == null ? "-" : number(row.direct()),
              ratio(row.procsim(), row.relay()),
              ratio(row.procsim(), row.direct())));
    }
    return text.toString();
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(double procsim, Double baseline) {
    return baseline == null || baseline == 0
        ? "-"
        : String.format(Locale.ROOT, "%.2f", procsim / baseline);
  }
}
