package dev.procsim.check.internal;

import dev.procsim.check.Model;
import dev.procsim.check.Operation;
import dev.procsim.check.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Searches for a linearization of one part of a history: the Wing-Gong-Lowe algorithm with Lowe's
 * and Porcupine's improvements. Invocations and completions are one doubly linked list in time
 * order; the search takes the first invocation whose operation the model accepts, lifts it (and its
 * completion) out of the list, and starts again from the front; meeting a completion first means
 * the operations taken so far cannot be right, so it puts the last one back and tries the next. A
 * cache of (set of operations taken, model state) pairs prunes every path already walked.
 * Operations that failed never happened and are left out; those of unknown outcome complete at the
 * end of time, and the search succeeds once every operation that completed is placed (the others
 * may never have happened).
 *
 * <pre>{@code
 * SearchResult<S> result = new LinearizabilitySearch<>(model, operations).run(() -> stop);
 * }</pre>
 *
 * @param <S> the model's states
 */
public final class LinearizabilitySearch<S> {
  /** How often (in steps) the search asks whether it should stop. */
  private static final int STOP_CHECK_MASK = 1023;

  private final Model<S> model;
  private final Operation[] ops;
  // The list: entry 0 is the head, entries 1..2n the invocations and completions, 2n+1 the tail.
  private final int[] next;
  private final int[] prev;
  private final int[] opOf; // the operation of each entry
  private final boolean[] isCall;
  private final int[] callOf; // the invocation entry of each operation
  private final int[] returnOf; // the completion entry of each operation
  private final long[] zobrist; // a random number per operation: the set's hash is their xor

  /** A search over {@code operations} (those that failed are left out). */
  public LinearizabilitySearch(Model<S> model, List<Operation> operations) {
    this.model = model;
    this.ops =
        operations.stream().filter(op -> op.outcome() != Outcome.FAIL).toArray(Operation[]::new);
    int n = ops.length;
    Integer[] order = new Integer[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      order[i] = i;
    }
    // Entry k < n is operation k's invocation, k >= n operation k-n's completion. By time; at
    // equal times invocations first, so that touching operations count as concurrent.
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(k -> k < n ? ops[k].invoked() : ops[k - n].completed())
            .thenComparingInt(k -> k < n ? 0 : 1)
            .thenComparingInt(k -> k));
    next = new int[2 * n + 2];
    prev = new int[2 * n + 2];
    opOf = new int[2 * n + 2];
    isCall = new boolean[2 * n + 2];
    callOf = new int[n];
    returnOf = new int[n];
    for (int position = 0; position < 2 * n; position++) {
      int entry = position + 1;
      int k = order[position];
      boolean call = k < n;
      int op = call ? k : k - n;
      opOf[entry] = op;
      isCall[entry] = call;
      if (call) {
        callOf[op] = entry;
      } else {
        returnOf[op] = entry;
      }
    }
    for (int entry = 0; entry <= 2 * n + 1; entry++) {
      next[entry] = entry + 1;
      prev[entry] = entry - 1;
    }
    zobrist = new long[n];
    for (int i = 0; i < n; i++) {
      zobrist[i] = SeenStates.mix(0x5851f42d4c957f2dL * (i + 1));
    }
  }

  /** How many operations it places (those that did not fail). */
  public int operationCount() {
    return ops.length;
  }

  /** Runs the search until it decides, or until {@code stop} says so (then it is undecided). */
  public SearchResult<S> run(BooleanSupplier stop) {
    int n = ops.length;
    long[] taken = new long[(n + 63) / 64];
    long setHash = 0;
    int toPlace = 0; // completed operations not yet placed
    for (Operation op : ops) {
      if (op.outcome() == Outcome.OK) {
        toPlace++;
      }
    }
    SeenStates<S> seen = new SeenStates<>();
    int[] stackEntry = new int[n];
    Object[] stackState = new Object[n];
    int depth = 0;
    S state = model.init();
    int deepest = 0;
    S deepestState = state;
    long[] deepestTaken = taken.clone();
    int[] deepestOrder = new int[0]; // the invocation entries of the longest order, in order
    long steps = 0;
    int entry = next[0];
    while (toPlace > 0) {
      if ((++steps & STOP_CHECK_MASK) == 0 && stop.getAsBoolean()) {
        return SearchResult.undecided(steps, seen.size());
      }
      // The tail counts as a completion (it is none of the invocations): while a completed
      // operation is unplaced its completion comes first, so the tail is never reached.
      if (isCall[entry]) {
        int op = opOf[entry];
        S after = model.step(state, ops[op]);
        if (after != null) {
          taken[op >>> 6] |= 1L << op;
          if (seen.add(setHash ^ zobrist[op], taken, after)) {
            setHash ^= zobrist[op];
            stackEntry[depth] = entry;
            stackState[depth] = state;
            depth++;
            state = after;
            lift(op);
            if (ops[op].outcome() == Outcome.OK) {
              toPlace--;
            }
            if (depth > deepest) {
              deepest = depth;
              deepestState = state;
              deepestTaken = taken.clone();
              deepestOrder = Arrays.copyOf(stackEntry, depth);
            }
            entry = next[0];
            continue;
          }
          taken[op >>> 6] &= ~(1L << op);
        }
        entry = next[entry];
        continue;
      }
      // A completion before any acceptable invocation: what was taken last cannot be right.
      if (depth == 0) {
        return SearchResult.notLinearizable(
            steps, seen.size(), deepest, describeDeadEnd(deepestState, deepestTaken, deepestOrder));
      }
      depth--;
      int back = stackEntry[depth];
      @SuppressWarnings("unchecked")
      S before = (S) stackState[depth];
      state = before;
      int op = opOf[back];
      taken[op >>> 6] &= ~(1L << op);
      setHash ^= zobrist[op];
      unlift(op);
      if (ops[op].outcome() == Outcome.OK) {
        toPlace++;
      }
      entry = next[back];
    }
    return SearchResult.linearizable(steps, seen.size());
  }

  private void lift(int op) {
    remove(callOf[op]);
    remove(returnOf[op]);
  }

  private void unlift(int op) {
    restore(returnOf[op]);
    restore(callOf[op]);
  }

  private void remove(int entry) {
    next[prev[entry]] = next[entry];
    prev[next[entry]] = prev[entry];
  }

  private void restore(int entry) {
    next[prev[entry]] = entry;
    prev[next[entry]] = entry;
  }

  /**
   * What the longest order found ran into: the operation that had to take effect next (the first to
   * complete among those not placed) and the ones concurrent with it, none of which the model
   * accepts in the state reached.
   */
  private DeadEnd<S> describeDeadEnd(S state, long[] taken, int[] orderEntries) {
    List<Operation> order = new ArrayList<>(orderEntries.length);
    for (int entry : orderEntries) {
      order.add(ops[opOf[entry]]);
    }
    int blocking = -1;
    for (int i = 0; i < ops.length; i++) {
      if (!isTaken(taken, i)
          && ops[i].outcome() == Outcome.OK
          && (blocking < 0 || ops[i].completed() < ops[blocking].completed())) {
        blocking = i;
      }
    }
    List<Operation> candidates = new ArrayList<>();
    if (blocking >= 0) {
      for (int i = 0; i < ops.length; i++) {
        if (!isTaken(taken, i) && ops[i].invoked() <= ops[blocking].completed()) {
          candidates.add(ops[i]);
        }
      }
      candidates.sort(Comparator.comparingLong(Operation::invoked));
    }
    return new DeadEnd<>(state, order, blocking < 0 ? null : ops[blocking], candidates);
  }

  private static boolean isTaken(long[] taken, int op) {
    return (taken[op >>> 6] & (1L << op)) != 0;
  }
}
