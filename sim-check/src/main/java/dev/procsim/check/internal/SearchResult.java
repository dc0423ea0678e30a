package dev.procsim.check.internal;

/**
 * What one search found: linearizable, not (with the longest order's length and its dead end), or
 * undecided (stopped); and how much work it took.
 *
 * <pre>{@code
 * SearchResult<S> result = search.run(() -> false);
 * if (result.decided() && !result.linearizable()) { report(result.deadEnd()); }
 * }</pre>
 *
 * @param <S> the model's states
 * @param decided whether it ran to a decision
 * @param linearizable whether a linearization exists (when decided)
 * @param steps how many steps it took
 * @param states how many (set, state) pairs it saw
 * @param longest how many operations the longest order found placed (when not linearizable)
 * @param deadEnd where that order stopped (when not linearizable), else null
 */
public record SearchResult<S>(
    boolean decided,
    boolean linearizable,
    long steps,
    int states,
    int longest,
    DeadEnd<S> deadEnd) {
  static <S> SearchResult<S> linearizable(long steps, int states) {
    return new SearchResult<>(true, true, steps, states, 0, null);
  }

  static <S> SearchResult<S> notLinearizable(
      long steps, int states, int longest, DeadEnd<S> deadEnd) {
    return new SearchResult<>(true, false, steps, states, longest, deadEnd);
  }

  static <S> SearchResult<S> undecided(long steps, int states) {
    return new SearchResult<>(false, false, steps, states, 0, null);
  }
}
