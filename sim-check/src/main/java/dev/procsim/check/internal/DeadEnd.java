package dev.procsim.check.internal;

import dev.procsim.check.Operation;
import java.util.List;

/**
 * Where the longest linearizable order found stopped: the state it reached, the operation that had
 * to take effect next (the first to complete of those not placed), and the operations that could
 * have come next, none of which fits.
 *
 * <pre>{@code
 * DeadEnd<S> end = result.deadEnd();
 * String why = model.describe(end.state()) + ", and " + end.blocking().describe() + " cannot follow";
 * }</pre>
 *
 * @param <S> the model's states
 * @param state the state the longest order reached
 * @param order that order, the operations in the order they take effect
 * @param blocking the operation that had to come next, or null
 * @param candidates every operation that could have come next, in invocation order
 */
public record DeadEnd<S>(
    S state, List<Operation> order, Operation blocking, List<Operation> candidates) {
  /** Copies the lists. */
  public DeadEnd {
    order = List.copyOf(order);
    candidates = List.copyOf(candidates);
  }
}
