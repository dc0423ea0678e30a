package dev.procsim.maelstrom.internal.run;

import dev.procsim.check.Verdict;
import dev.procsim.core.Durations;
import dev.procsim.junit.internal.Ddmin;
import dev.procsim.maelstrom.MaelstromResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Shrinks a failing stepped Maelstrom run: replays its schedule with fewer faults and client
 * operations (delta debugging over both, {@link Ddmin}), then without the network's delays, then
 * stopping the clients earlier, and keeps each smaller schedule whose run fails the same way
 * ({@link #signature}). It writes the smallest as {@code shrunk-schedule.json} beside the failing
 * run's files, replays it once more from that file into a run directory of its own (with its
 * report), and says what is left and the line that replays it.
 *
 * <pre>{@code
 * MaelstromResult.Shrunk shrunk =
 *     new RunShrinker(settings, attempt -> current = attempt).shrink(failing, runner.schedule());
 * }</pre>
 */
final class RunShrinker {
  /** How many of the units left are named in the outcome; the schedule file has them all. */
  private static final int MOST_NAMED = 12;

  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");
  private static final Pattern PART_END = Pattern.compile("[;(]|, ");
  private static final Pattern PASSED_PART = Pattern.compile("^[\\w-]+: (VALID|UNKNOWN): ");

  private final RunSettings settings;
  private final Consumer<Runner> attempts;
  private final long deadline;
  private int runs;
  private String target;
  private Duration limit;

  /**
   * A shrinker of runs made with {@code settings}; {@code attempts} hears of each run it starts
   * (for a progress display).
   */
  RunShrinker(RunSettings settings, Consumer<Runner> attempts) {
    this.settings = settings;
    this.attempts = attempts;
    this.deadline = System.nanoTime() + settings.shrink().toNanos();
    this.limit = settings.timeLimit();
  }

  /**
   * What makes two failures of a run "the same": the verdict and, for each part of the explanation
   * (a line that does not start with a space: the checker's finding, an operation that never
   * succeeded, the availability, broken replies), its words up to the first {@code ;}, {@code (} or
   * {@code ", "}, with every number masked. So "3 of 40 elements lost" and "1 of 12 elements lost"
   * are the same failure, and "no read succeeded" another.
   */
  static String signature(MaelstromResult result) {
    java.util.Set<String> parts = new java.util.LinkedHashSet<>();
    for (String line : result.explanation().split("\n")) {
      if (line.isEmpty()
          || Character.isWhitespace(line.charAt(0))
          || line.startsWith("(")
          || passed(line, result.verdict())) {
        continue;
      }
      String masked = NUMBER.matcher(line).replaceAll("N");
      java.util.regex.Matcher end = PART_END.matcher(masked);
      parts.add(end.find() ? masked.substring(0, end.start()) : masked);
    }
    return result.verdict().name() + " | " + String.join(" | ", parts);
  }

  /** A part that passed, or (in an invalid run) one that could not decide. */
  private static boolean passed(String line, Verdict verdict) {
    java.util.regex.Matcher part = PASSED_PART.matcher(line);
    return part.find() && (part.group(1).equals("VALID") || verdict == Verdict.INVALID);
  }

  MaelstromResult.Shrunk shrink(MaelstromResult failing, MaelstromSchedule schedule) {
    long started = System.nanoTime();
    target = signature(failing);
    Optional<MaelstromSchedule> again = attempt(schedule, limit);
    if (again.isEmpty()) {
      return notShrunk(
          "not shrunk: its schedule, replayed, did not fail the same way (a node that is not"
              + " deterministic: its own threads, clock or randomness)",
          started,
          failing);
    }
    MaelstromSchedule[] best = {again.get()};
    // Leaving units out renumbers the messages that follow, so a pass that shrank may have made
    // another pass worth its runs: repeat until one finds nothing.
    int before;
    do {
      before = best[0].units().size();
      Ddmin.minimize(
          best[0].units(),
          kept -> {
            Optional<MaelstromSchedule> run = attempt(best[0].keeping(kept), limit);
            run.ifPresent(recorded -> best[0] = recorded);
            return run.map(MaelstromSchedule::units);
          },
          this::timeLeft);
    } while (timeLeft() && best[0].units().size() < before);
    if (timeLeft() && hasDelays(best[0])) {
      attempt(best[0].withoutDelays(), limit).ifPresent(recorded -> best[0] = recorded);
    }
    // A round stop a little after the last kept moment, for a readable --time-limit.
    long tens = lastMoment(best[0]).toMillis() / 10 + 1;
    Duration earlier = Duration.ofMillis(tens * 10);
    if (timeLeft() && earlier.compareTo(limit) < 0) {
      Optional<MaelstromSchedule> shorter = attempt(best[0], earlier);
      if (shorter.isPresent()) {
        best[0] = shorter.get();
        limit = earlier;
      }
    }
    return shrunk(failing, schedule, best[0], started);
  }

  private MaelstromResult.Shrunk shrunk(
      MaelstromResult failing,
      MaelstromSchedule original,
      MaelstromSchedule smallest,
      long started) {
    String outcome =
        "shrunk "
            + counts(original)
            + " to "
            + counts(smallest)
            + " in "
            + runs
            + (runs == 1 ? " run" : " runs")
            + " ("
            + Durations.format(Duration.ofNanos(System.nanoTime() - started))
            + ")"
            + (limit.equals(settings.timeLimit())
                ? ""
                : "; the clients stop at " + Durations.format(limit));
    List<String> kept = named(smallest);
    Optional<Path> dir = failing.directory();
    if (dir.isEmpty()) {
      return new MaelstromResult.Shrunk(
          outcome, kept, runs, Optional.empty(), Optional.empty(), "");
    }
    Path file = dir.get().resolve("shrunk-schedule.json");
    smallest.write(file);
    // Once more, from the file, into a directory of its own: the replay line is proven, and the
    // shrunk run has its report.
    RunSettings replay = settings.replaying(RunSettings.Replay.of(file), limit, settings.store());
    Runner runner = new Runner(replay);
    attempts.accept(runner);
    String command = new Recipe(replay, smallest.network().seed()).commandLine();
    MaelstromResult result;
    try {
      result = runner.run();
    } catch (RuntimeException | AssertionError e) {
      return new MaelstromResult.Shrunk(
          outcome + "; its replay from " + file + " could not run: " + e.getMessage(),
          kept,
          runs,
          Optional.of(file),
          Optional.empty(),
          command);
    }
    // The run the user started stays the latest; the shrunk one is named in the outcome.
    RunDirectory.pointLatest(dir.get());
    if (!signature(result).equals(target)) {
      outcome +=
          "; but its replay from the file did not fail the same way (" + result.verdict() + ")";
    }
    return new MaelstromResult.Shrunk(
        outcome, kept, runs, Optional.of(file), result.directory(), command);
  }

  private MaelstromResult.Shrunk notShrunk(String why, long started, MaelstromResult failing) {
    return new MaelstromResult.Shrunk(
        why
            + " ("
            + runs
            + (runs == 1 ? " run, " : " runs, ")
            + Durations.format(Duration.ofNanos(System.nanoTime() - started))
            + ")",
        List.of(),
        runs,
        failing.directory().map(d -> d.resolve("schedule.json")),
        Optional.empty(),
        "");
  }

  /** The run of {@code candidate} for {@code clients}: its schedule when it failed the same way. */
  private Optional<MaelstromSchedule> attempt(MaelstromSchedule candidate, Duration clients) {
    Runner runner =
        new Runner(settings.replaying(new RunSettings.Replay(candidate, null), clients, null));
    attempts.accept(runner);
    runs++;
    MaelstromResult result;
    try {
      result = runner.run();
    } catch (RuntimeException | AssertionError e) {
      // A run that cannot start, or runs out of its time budget, fails another way.
      return Optional.empty();
    }
    return signature(result).equals(target)
        ? Optional.ofNullable(runner.schedule())
        : Optional.empty();
  }

  private boolean timeLeft() {
    return System.nanoTime() - deadline < 0;
  }

  private static boolean hasDelays(MaelstromSchedule schedule) {
    return schedule.network().delays() > 0;
  }

  /**
   * The last moment, within the clients' time, that a kept operation or fault begins or ends, since
   * the clients began (a fault still on at the time limit ends with the run, whenever it stops).
   */
  private Duration lastMoment(MaelstromSchedule schedule) {
    long end = limit.toNanos();
    long last = 0;
    for (var op : schedule.operations()) {
      last = Math.max(last, op.atNanos());
    }
    for (MaelstromSchedule.Fault fault : schedule.faults()) {
      last = Math.max(last, fault.fromNanos());
      if (fault.toNanos() >= 0 && fault.toNanos() <= end) {
        last = Math.max(last, fault.toNanos());
      }
    }
    return Duration.ofNanos(last);
  }

  private static String counts(MaelstromSchedule schedule) {
    int faults = schedule.faultCount();
    int operations = schedule.operations().size();
    return faults
        + (faults == 1 ? " fault and " : " faults and ")
        + operations
        + (operations == 1 ? " operation" : " operations");
  }

  private static List<String> named(MaelstromSchedule schedule) {
    List<String> all = new ArrayList<>();
    schedule.network().faults().forEach(f -> all.add(f.describe()));
    schedule.faults().forEach(f -> all.add(f.describe()));
    schedule.operations().forEach(o -> all.add(o.describe()));
    if (all.size() <= MOST_NAMED) {
      return all;
    }
    List<String> some = new ArrayList<>(all.subList(0, MOST_NAMED));
    some.add("... and " + (all.size() - MOST_NAMED) + " more (in the schedule)");
    return some;
  }
}
