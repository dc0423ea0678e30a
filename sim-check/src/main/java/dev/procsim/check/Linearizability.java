package dev.procsim.check;

import dev.procsim.check.internal.DeadEnd;
import dev.procsim.check.internal.LinearizabilitySearch;
import dev.procsim.check.internal.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks that a history is linearizable with respect to a model: that every operation can be placed
 * at one moment between its invocation and its completion so that, in that order, the model gives
 * every output the clients saw. Operations that failed are left out; those of unknown outcome may
 * take effect at any moment after their invocation, or never. The model's parts ({@link
 * Model#partition}) are checked on their own, side by side, and the first that is not linearizable
 * stops the others. A search that does not finish within the time limit is {@link Verdict#UNKNOWN},
 * never a hang.
 *
 * <pre>{@code
 * History history = JepsenLog.read(Path.of("etcd_002.log"));
 * CheckResult result = Linearizability.check(Models.casRegister(), history, Duration.ofSeconds(60));
 * result.verdict();      // VALID, INVALID or UNKNOWN
 * result.explanation();  // for INVALID: what cannot be placed, and in which state
 * }</pre>
 */
public final class Linearizability {
  /** Most operations an explanation lists as what could have come next. */
  private static final int MOST_LISTED = 10;

  /** Most operations of the longest order an explanation shows (its last ones). */
  private static final int MOST_IN_ORDER = 3;

  private Linearizability() {}

  /**
   * Checks {@code history} against {@code model} within {@code timeLimit}.
   *
   * @throws IllegalArgumentException when the model does not know an operation of the history
   */
  public static <S> CheckResult check(Model<S> model, History history, Duration timeLimit) {
    long deadline = System.nanoTime() + Math.max(0, timeLimit.toNanos());
    Map<Object, History> parts = model.partition(history);
    AtomicBoolean cancelled = new AtomicBoolean();
    List<Object> keys = new ArrayList<>(parts.keySet());
    List<PartCheck<S>> checks = new ArrayList<>();
    for (Object key : keys) {
      checks.add(new PartCheck<>(model, key, parts.get(key), deadline, cancelled));
    }
    List<SearchResult<S>> results = runAll(checks);
    int invalid = -1;
    int undecided = -1;
    for (int i = 0; i < results.size(); i++) {
      SearchResult<S> result = results.get(i);
      if (result.decided() && !result.linearizable() && invalid < 0) {
        invalid = i;
      } else if (!result.decided() && undecided < 0) {
        undecided = i;
      }
    }
    String what = describeScope(history, keys.size());
    if (invalid >= 0) {
      DeadEnd<S> end = results.get(invalid).deadEnd();
      return new CheckResult(
          Verdict.INVALID,
          explainInvalid(model, keys, invalid, checks.get(invalid), results),
          end.order(),
          end.blocking() == null ? List.of() : List.of(end.blocking()));
    }
    if (undecided >= 0) {
      return new CheckResult(
          Verdict.UNKNOWN,
          "no decision within the time limit of "
              + describe(timeLimit)
              + " on "
              + what
              + (keys.size() > 1 ? " (undecided: part " + keys.get(undecided) + ")" : ""));
    }
    long states = results.stream().mapToLong(SearchResult::states).sum();
    return new CheckResult(
        Verdict.VALID,
        String.format(Locale.ROOT, "linearizable: %s, %,d search states", what, states));
  }

  private static <S> List<SearchResult<S>> runAll(List<PartCheck<S>> checks) {
    if (checks.size() == 1) {
      return List.of(checks.get(0).call());
    }
    int threads = Math.min(checks.size(), Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "procsim-check-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<SearchResult<S>>> futures = new ArrayList<>();
      for (PartCheck<S> check : checks) {
        futures.add(pool.submit(check::call));
      }
      List<SearchResult<S>> results = new ArrayList<>();
      for (Future<SearchResult<S>> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checks.forEach(check -> check.cancelled.set(true));
      throw new IllegalStateException("interrupted while checking linearizability", e);
    } catch (ExecutionException e) {
      checks.forEach(check -> check.cancelled.set(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // a model that does not know an operation, say
      }
      throw new IllegalStateException("the linearizability check failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One part's search, which stops at the deadline or once another part is found invalid. */
  private record PartCheck<S>(
      Model<S> model, Object key, History part, long deadline, AtomicBoolean cancelled) {
    SearchResult<S> call() {
      if (cancelled.get()) {
        return new LinearizabilitySearch<>(model, List.of()).run(() -> true);
      }
      SearchResult<S> result =
          new LinearizabilitySearch<>(model, part.operations())
              .run(() -> cancelled.get() || System.nanoTime() - deadline > 0);
      if (result.decided() && !result.linearizable()) {
        cancelled.set(true);
      }
      return result;
    }
  }

  private static <S> String explainInvalid(
      Model<S> model,
      List<Object> keys,
      int index,
      PartCheck<S> check,
      List<SearchResult<S>> results) {
    SearchResult<S> result = results.get(index);
    DeadEnd<S> end = result.deadEnd();
    int placed =
        (int) check.part().operations().stream().filter(op -> op.outcome() != Outcome.FAIL).count();
    StringBuilder text = new StringBuilder("not linearizable");
    if (keys.size() > 1 || !Model.WHOLE.equals(keys.get(index))) {
      text.append(" (part ").append(keys.get(index)).append(')');
    }
    text.append(": the longest linearizable order found places ")
        .append(result.longest())
        .append(" of ")
        .append(placed)
        .append(" operations");
    List<Operation> order = end.order();
    if (!order.isEmpty()) {
      text.append(order.size() > MOST_IN_ORDER ? ", ending with " : ": ");
      List<Operation> shown =
          order.subList(Math.max(0, order.size() - MOST_IN_ORDER), order.size());
      for (int i = 0; i < shown.size(); i++) {
        text.append(i == 0 ? "" : ", then ").append(shown.get(i).describe());
      }
    }
    text.append("; after it ").append(model.describe(end.state()));
    if (end.blocking() != null) {
      text.append(";\n")
          .append(end.blocking().describe())
          .append(
              " must take effect by its completion, and no order of what could come next gets"
                  + " there:");
      int listed = 0;
      for (Operation candidate : end.candidates()) {
        if (listed++ == MOST_LISTED) {
          text.append("\n  ... and ").append(end.candidates().size() - MOST_LISTED).append(" more");
          break;
        }
        text.append("\n  ")
            .append(candidate.describe())
            .append(
                model.step(end.state(), candidate) == null
                    ? ": cannot happen here"
                    : ": possible here, but no order after it works");
      }
    }
    return text.toString();
  }

  private static String describeScope(History history, int parts) {
    return String.format(
        Locale.ROOT,
        "%,d operations%s",
        history.size(),
        parts > 1 ? String.format(Locale.ROOT, " in %,d parts", parts) : "");
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
