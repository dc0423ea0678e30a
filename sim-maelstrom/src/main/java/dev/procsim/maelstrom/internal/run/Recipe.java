package dev.procsim.maelstrom.internal.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How to run a run again, with its seed: as a command line ({@code bin/procsim test ...}) and as
 * Java ({@code MaelstromRun.builder()...run()}). Only settings that differ from Maelstrom's
 * defaults are written, so the line stays short enough to read.
 *
 * <pre>{@code
 * Recipe recipe = new Recipe(settings, 42L);
 * recipe.commandLine();   // bin/procsim test -w echo --bin python3 echo.py --seed 42
 * }</pre>
 */
public final class Recipe {
  private final RunSettings settings;
  private final long seed;
  private final RunSettings defaults = RunSettings.defaults();

  /** The recipe of {@code settings}, with the seed the run had. */
  public Recipe(RunSettings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
  }

  /** The {@code bin/procsim test} line. */
  public String commandLine() {
    List<String> words = new ArrayList<>(List.of("bin/procsim", "test", "-w", settings.workload()));
    for (Setting setting : settings()) {
      words.add("--" + setting.flag);
      words.add(shellQuote(setting.text));
    }
    words.add("--seed");
    words.add(Long.toString(seed));
    if (settings.stepped()) {
      words.add("--stepped");
    }
    if (settings.replay() != null && settings.replay().file() != null) {
      words.add("--replay");
      words.add(shellQuote(settings.replay().file().toString()));
    }
    // The node's command last: its words up to the first that looks like a flag, the rest after
    // "--", so that none of them is taken for one of procsim's.
    words.add("--bin");
    List<String> command = settings.command();
    int plain = 0;
    while (plain < command.size() && (plain == 0 || !command.get(plain).startsWith("-"))) {
      words.add(shellQuote(command.get(plain++)));
    }
    if (plain < command.size()) {
      words.add("--");
      command.subList(plain, command.size()).forEach(word -> words.add(shellQuote(word)));
    }
    return String.join(" ", words);
  }

  /** The Java builder calls. */
  public String java() {
    StringBuilder code =
        new StringBuilder("MaelstromRun.builder().workload(")
            .append(javaString(settings.workload()))
            .append(").bin(")
            .append(settings.command().stream().map(Recipe::javaString).collect(joining()))
            .append(")");
    for (Setting setting : settings()) {
      code.append('.').append(setting.method).append('(').append(setting.java).append(')');
    }
    code.append(".seed(").append(seed).append("L)");
    if (settings.stepped()) {
      code.append(".stepped()");
    }
    if (settings.replay() != null && settings.replay().file() != null) {
      code.append(".replay(java.nio.file.Path.of(")
          .append(javaString(settings.replay().file().toString()))
          .append("))");
    }
    return code.append(".run()").toString();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }

  /** One setting that differs from the default: its flag, its text, its builder call. */
  private record Setting(String flag, String text, String method, String java) {}

  private List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    if (settings.nodeCount() != defaults.nodeCount()) {
      out.add(number("node-count", "nodeCount", settings.nodeCount()));
    }
    if (!settings.timeLimit().equals(defaults.timeLimit())) {
      out.add(
          new Setting(
              "time-limit",
              seconds(settings.timeLimit()),
              "timeLimit",
              "Duration.ofMillis(" + settings.timeLimit().toMillis() + ")"));
    }
    if (settings.rate() != defaults.rate()) {
      String rate = decimal(settings.rate());
      out.add(new Setting("rate", rate, "rate", rate));
    }
    if (settings.concurrency() != settings.nodeCount()) {
      out.add(number("concurrency", "concurrency", settings.concurrency()));
    }
    if (!settings.latency().isZero()) {
      out.add(
          new Setting(
              "latency",
              Long.toString(settings.latency().toMillis()),
              "latency",
              "Duration.ofMillis(" + settings.latency().toMillis() + ")"));
    }
    if (!settings.latencyDistribution().equals(defaults.latencyDistribution())) {
      out.add(text("latency-dist", "latencyDistribution", settings.latencyDistribution()));
    }
    if (settings.loss() != 0) {
      out.add(new Setting("loss", decimal(settings.loss()), "loss", decimal(settings.loss())));
    }
    if (settings.duplication() != 0) {
      String p = decimal(settings.duplication());
      out.add(new Setting("duplication", p, "duplication", p));
    }
    if (!settings.nemesis().isEmpty()) {
      out.add(
          text(
              "nemesis",
              "nemesis",
              String.join(",", settings.nemesis().stream().sorted().toList())));
    }
    if (!settings.nemesisInterval().equals(defaults.nemesisInterval())) {
      out.add(
          new Setting(
              "nemesis-interval",
              seconds(settings.nemesisInterval()),
              "nemesisInterval",
              "Duration.ofMillis(" + settings.nemesisInterval().toMillis() + ")"));
    }
    if (!settings.topology().equals(defaults.topology())) {
      out.add(text("topology", "topology", settings.topology()));
    }
    if (settings.keyCount() != defaults.keyCount()) {
      out.add(number("key-count", "keyCount", settings.keyCount()));
    }
    if (settings.consistency() != defaults.consistency()) {
      String model = settings.consistency().name().toLowerCase(Locale.ROOT).replace('_', '-');
      out.add(
          new Setting(
              "consistency-models",
              model,
              "consistency",
              "ConsistencyModel." + settings.consistency().name()));
    }
    if (settings.availability() != null) {
      String share = settings.availability() == 1.0 ? "total" : decimal(settings.availability());
      out.add(new Setting("availability", share, "availability", javaString(share)));
    }
    if (!settings.recovery().equals(defaults.recovery())) {
      out.add(
          new Setting(
              "recovery",
              seconds(settings.recovery()),
              "recovery",
              "Duration.ofMillis(" + settings.recovery().toMillis() + ")"));
    }
    return out;
  }

  private static Setting number(String flag, String method, long value) {
    return new Setting(flag, Long.toString(value), method, Long.toString(value));
  }

  private static Setting text(String flag, String method, String value) {
    return new Setting(flag, value, method, javaString(value));
  }

  private static String seconds(Duration duration) {
    return decimal(duration.toNanos() / 1e9);
  }

  private static String decimal(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** {@code word} as one shell word: bare when it is plain, in single quotes otherwise. */
  static String shellQuote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./,:=@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String javaString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
