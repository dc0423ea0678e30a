package dev.procsim.check;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The models procsim knows: registers, a key-value store and a set. Each says in its documentation
 * what functions it takes and what their inputs and outputs are.
 *
 * <pre>{@code
 * Linearizability.check(Models.casRegister(), JepsenLog.read(path), Duration.ofSeconds(60));
 * Linearizability.check(Models.kv(), JepsenEdn.read(path), Duration.ofSeconds(60));
 * }</pre>
 */
public final class Models {
  private Models() {}

  /**
   * A register, initially empty: {@code write} (input: the value) and {@code read} (output: the
   * value, null while empty). Values compare with {@code equals}.
   */
  public static Model<Optional<Object>> register() {
    return new RegisterModel(false);
  }

  /**
   * A register with compare-and-set, initially empty (etcd's and Maelstrom lin-kv's semantics):
   * {@code read} (output: the value, null while empty), {@code write} (input: the value) and {@code
   * cas} (input: {@code [from, to]}; output: true when it swapped, false when the register did not
   * hold {@code from}; unknown for {@link Outcome#INFO}, when it swaps exactly if the register
   * holds {@code from} at the moment it takes effect).
   */
  public static Model<Optional<Object>> casRegister() {
    return new RegisterModel(true);
  }

  /**
   * A key-value store of strings, checked one key at a time: {@code get} (input {@code [key]},
   * output the value, "" for a key never written), {@code put} and {@code append} (input {@code
   * [key, value]}). What {@link JepsenEdn} reads.
   */
  public static Model<String> kv() {
    return new KvModel();
  }

  /**
   * A set, initially empty: {@code add} (input: the element) and {@code read} (output: the
   * elements, as any collection; order and repeats do not count).
   */
  public static Model<Set<Object>> set() {
    return new SetModel();
  }

  private static final class SetModel implements Model<Set<Object>> {
    @Override
    public Set<Object> init() {
      return Set.of();
    }

    @Override
    public Set<Object> step(Set<Object> state, Operation op) {
      switch (op.function()) {
        case "add":
          if (state.contains(op.input())) {
            return state;
          }
          Set<Object> grown = new HashSet<>(state);
          grown.add(op.input());
          return Collections.unmodifiableSet(grown);
        case "read":
          if (op.outcome() == Outcome.INFO) {
            return state;
          }
          if (!(op.output() instanceof Collection<?> elements)) {
            throw new IllegalArgumentException(
                "a set's read returns a collection of elements: " + op.describe());
          }
          return state.equals(new HashSet<>(elements)) ? state : null;
        default:
          throw new IllegalArgumentException("the set takes add and read, not " + op.describe());
      }
    }

    @Override
    public String describe(Set<Object> state) {
      return "the set holds " + state;
    }

    @Override
    public String toString() {
      return "set";
    }
  }

  private record RegisterModel(boolean cas) implements Model<Optional<Object>> {
    @Override
    public Optional<Object> init() {
      return Optional.empty();
    }

    @Override
    public Optional<Object> step(Optional<Object> state, Operation op) {
      boolean unknown = op.outcome() == Outcome.INFO;
      switch (op.function()) {
        case "read":
          return unknown || Objects.equals(state.orElse(null), op.output()) ? state : null;
        case "write":
          return Optional.ofNullable(op.input());
        case "cas":
          if (cas) {
            List<?> fromTo = casInput(op);
            boolean holds = Objects.equals(state.orElse(null), fromTo.get(0));
            if (unknown || Boolean.valueOf(holds).equals(op.output())) {
              return holds ? Optional.ofNullable(fromTo.get(1)) : state;
            }
            return null;
          }
        // fall through: a plain register has no cas
        default:
          throw new IllegalArgumentException(
              (cas
                      ? "the compare-and-set register takes read, write and cas"
                      : "the register takes read and write")
                  + ", not "
                  + op.describe());
      }
    }

    private static List<?> casInput(Operation op) {
      if (op.input() instanceof List<?> list && list.size() == 2) {
        return list;
      }
      throw new IllegalArgumentException(
          "a cas takes [from, to] as its input, not " + op.input() + ": " + op.describe());
    }

    @Override
    public String describe(Optional<Object> state) {
      return state.map(value -> "the register holds " + value).orElse("the register is empty");
    }

    @Override
    public String toString() {
      return cas ? "compare-and-set register" : "register";
    }
  }

  private static final class KvModel implements Model<String> {
    @Override
    public String init() {
      return "";
    }

    @Override
    public String step(String state, Operation op) {
      List<?> input = kvInput(op);
      return switch (op.function()) {
        case "get" -> op.outcome() == Outcome.INFO || state.equals(op.output()) ? state : null;
        case "put" -> String.valueOf(input.get(1));
        case "append" -> state + input.get(1);
        default ->
            throw new IllegalArgumentException(
                "the key-value store takes get, put and append, not " + op.describe());
      };
    }

    private static List<?> kvInput(Operation op) {
      if (op.input() instanceof List<?> list && !list.isEmpty()) {
        if (list.size() == (op.function().equals("get") ? 1 : 2)) {
          return list;
        }
      }
      throw new IllegalArgumentException(
          "a key-value operation takes [key] (get) or [key, value] (put, append) as its input: "
              + op.describe());
    }

    @Override
    public Map<Object, History> partition(History history) {
      return history.partitionBy(op -> kvInput(op).get(0));
    }

    @Override
    public String describe(String state) {
      return "the key holds \"" + state + "\"";
    }

    @Override
    public String toString() {
      return "key-value store";
    }
  }
}
