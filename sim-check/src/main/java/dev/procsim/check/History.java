package dev.procsim.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A history: the operations clients ran against a system, each with its invocation and completion
 * time and outcome. Immutable. Build one from a list, record one as it happens ({@link
 * HistoryRecorder}), or read one ({@link JepsenLog}, {@link JepsenEdn}, {@link HistoryJson}).
 *
 * <pre>{@code
 * History history = History.of(List.of(
 *     Operation.ok(0, "write", 1L, null, 0, 10),
 *     Operation.ok(1, "read", null, 1L, 5, 15)));
 * Map<Object, History> byKey = history.partitionBy(op -> ((List<?>) op.input()).get(0));
 * }</pre>
 */
public final class History {
  private final List<Operation> operations;

  private History(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  /** A history of these operations, in the order given. */
  public static History of(List<Operation> operations) {
    Objects.requireNonNull(operations, "operations");
    return new History(operations);
  }

  /** Its operations, in the order it was built with. */
  public List<Operation> operations() {
    return operations;
  }

  /** How many operations it has. */
  public int size() {
    return operations.size();
  }

  /**
   * The history split by {@code key} (say, a key-value store's key), each part in this history's
   * order, the parts in the order their keys first appear.
   */
  public Map<Object, History> partitionBy(Function<Operation, Object> key) {
    Map<Object, List<Operation>> parts = new LinkedHashMap<>();
    for (Operation operation : operations) {
      parts.computeIfAbsent(key.apply(operation), k -> new ArrayList<>()).add(operation);
    }
    Map<Object, History> histories = new LinkedHashMap<>();
    parts.forEach((k, ops) -> histories.put(k, new History(ops)));
    return histories;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof History history && history.operations.equals(operations);
  }

  @Override
  public int hashCode() {
    return operations.hashCode();
  }

  @Override
  public String toString() {
    return "a history of " + operations.size() + " operations";
  }
}
