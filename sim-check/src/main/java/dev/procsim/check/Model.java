package dev.procsim.check;

import java.util.Map;

/**
 * A sequential specification: what an object does when operations are applied to it one at a time.
 * The linearizability checker asks it whether each operation, with the output its client saw, could
 * have happened in a state, and what state follows. States must be immutable values with {@code
 * equals} and {@code hashCode} (the checker remembers which it has seen), never null.
 *
 * <pre>{@code
 * Model<Long> counter = new Model<>() {
 *   public Long init() { return 0L; }
 *   public Long step(Long state, Operation op) {
 *     return switch (op.function()) {
 *       case "add" -> state + (Long) op.input();
 *       case "read" -> op.outcome() == Outcome.INFO || state.equals(op.output()) ? state : null;
 *       default -> throw new IllegalArgumentException("a counter cannot " + op.function());
 *     };
 *   }
 * };
 * }</pre>
 *
 * @param <S> its states
 */
public interface Model<S> {
  /** The name of the one part {@link #partition} makes by default. */
  String WHOLE = "the whole history";

  /** The state before any operation. */
  S init();

  /**
   * The state after {@code operation} in {@code state}, or null when it cannot have happened there
   * (its output says otherwise). An {@link Outcome#INFO} operation's output is unknown: it must be
   * accepted in every state where it could take effect.
   *
   * @throws IllegalArgumentException for a function the model does not know
   */
  S step(S state, Operation operation);

  /**
   * The history split into parts that are checked on their own (P-compositionality: a key-value
   * store is linearizable when each key is), by a name for each part. By default one part, {@link
   * #WHOLE}.
   */
  default Map<Object, History> partition(History history) {
    return Map.of(WHOLE, history);
  }

  /** A state, for a person: "the register holds 3". */
  default String describe(S state) {
    return "the state is " + state;
  }
}
