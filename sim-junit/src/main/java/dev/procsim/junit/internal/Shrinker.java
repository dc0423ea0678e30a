package dev.procsim.junit.internal;

import dev.procsim.core.Durations;
import dev.procsim.core.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shrinks the schedule of a failing stepped run to one that still fails the same way, with as few
 * faults as it can find within a time budget: first the run is replayed whole (a failure that does
 * not come back cannot be shrunk), then without any fault, then delta debugging (Zeller's ddmin)
 * over its faults (lost and duplicated messages, the nemesis's faults), then without its delays.
 * Every candidate is a real run: {@link Attempt} replays it and gives back the schedule that run
 * recorded when it failed the same way, whose faults are those that still happened.
 *
 * <pre>{@code
 * Shrinker.Result result = Shrinker.shrink(failing, candidate -> rerun(candidate), Duration.ofMinutes(2));
 * result.summary();   // "shrunk 58 faults to 3 in 41 runs (2m 10s): drop n1 -> n2 #12; ..."
 * }</pre>
 */
public final class Shrinker {
  /** One run of a candidate schedule. */
  public interface Attempt {
    /** The schedule the run recorded, when it failed the same way; empty otherwise. */
    Optional<Schedule> run(Schedule candidate);
  }

  /**
   * What shrinking found.
   *
   * @param original the failing run's schedule
   * @param shrunk the smallest schedule found that still fails the same way
   * @param runs how many runs it took
   * @param took how long
   * @param repeats whether the failure came back when the original schedule was replayed
   * @param complete whether the search ended before the budget did
   */
  public record Result(
      Schedule original,
      Schedule shrunk,
      int runs,
      Duration took,
      boolean repeats,
      boolean complete) {
    /** For a person: what shrank to what, how long it took, and the faults left. */
    public String summary() {
      if (!repeats) {
        return "not shrunk: replayed from its schedule, the run did not fail the same way (a"
            + " component that is not deterministic, or one that reads the clock)";
      }
      int before = original.faults().size();
      int after = shrunk.faults().size();
      String delays =
          original.delays() > 0 && shrunk.delays() == 0
              ? ", delays removed"
              : shrunk.delays() > 0 ? ", " + shrunk.delays() + " delays kept" : "";
      return "shrunk "
          + before
          + (before == 1 ? " fault" : " faults")
          + " to "
          + after
          + delays
          + " in "
          + runs
          + (runs == 1 ? " run" : " runs")
          + " ("
          + RoughDuration.of(took)
          + (complete ? "" : ", the budget ran out")
          + "): "
          + (after == 0 ? "it fails without any fault" : describe(shrunk));
    }

    private static String describe(Schedule schedule) {
      List<String> faults = new ArrayList<>();
      schedule.faults().forEach(f -> faults.add(f.describe()));
      return String.join("; ", faults);
    }
  }

  private final Attempt attempt;
  private final long deadline;
  private final long start;
  private int runs;

  private Shrinker(Attempt attempt, Duration budget) {
    this.attempt = attempt;
    this.start = System.nanoTime();
    this.deadline = start + budget.toNanos();
  }

  /** Shrinks {@code failing} within {@code budget}. */
  public static Result shrink(Schedule failing, Attempt attempt, Duration budget) {
    return new Shrinker(attempt, budget).run(failing);
  }

  private Result run(Schedule failing) {
    Optional<Schedule> again = attempt(failing);
    if (again.isEmpty()) {
      return result(failing, failing, false);
    }
    Schedule best = again.get();
    if (!best.faults().isEmpty()) {
      Optional<Schedule> none = attempt(best.keeping(List.of()));
      best = none.isPresent() ? none.get() : ddmin(best);
    }
    if (best.delays() > 0 && timeLeft()) {
      Optional<Schedule> undelayed = attempt(best.withoutDelays());
      if (undelayed.isPresent()) {
        best = undelayed.get();
      }
    }
    return result(failing, best, true);
  }

  /**
   * Delta debugging over the faults of {@code failing}: the smallest found before the budget ends.
   */
  private Schedule ddmin(Schedule failing) {
    Schedule[] best = {failing};
    Ddmin.minimize(
        failing.faults(),
        kept -> {
          Optional<Schedule> run = attempt(best[0].keeping(kept));
          run.ifPresent(recorded -> best[0] = recorded);
          return run.map(Schedule::faults);
        },
        this::timeLeft);
    return best[0];
  }

  private Optional<Schedule> attempt(Schedule candidate) {
    runs++;
    return attempt.run(candidate);
  }

  private boolean timeLeft() {
    return System.nanoTime() - deadline < 0;
  }

  private Result result(Schedule original, Schedule shrunk, boolean repeats) {
    return new Result(
        original, shrunk, runs, Duration.ofNanos(System.nanoTime() - start), repeats, timeLeft());
  }

  @Override
  public String toString() {
    return "Shrinker("
        + runs
        + " runs, "
        + Durations.format(Duration.ofNanos(System.nanoTime() - start))
        + ")";
  }
}
