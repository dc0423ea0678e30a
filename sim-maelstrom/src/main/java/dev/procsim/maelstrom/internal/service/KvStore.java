package dev.procsim.maelstrom.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The state behind a key-value service and which state an operation meets, one class per
 * consistency of Maelstrom's services. Used by the service's own thread only.
 *
 * <ul>
 *   <li>{@link #linearizable()} ({@code lin-kv}): every operation meets the latest state.
 *   <li>{@link #sequential()} ({@code seq-kv}), as Maelstrom's: the last 32 states are kept, and
 *       each caller remembers the newest it has met. An operation meets a state chosen by the seed
 *       between that one and the latest; if it would change nothing there (a read, a failed
 *       compare-and-set) that is its answer, so reads can be stale and a cas can fail on an old
 *       value; if it would change something, it is applied to the latest state instead. A caller
 *       never goes back.
 *   <li>{@link #lastWriteWins()} ({@code lww-kv}): five replicas, each write stamped with a rising
 *       time; before each operation one replica takes another's newer values, then the operation
 *       meets a replica chosen by the seed. Reads can be stale and go back; a write can be lost to
 *       one with a later stamp.
 * </ul>
 *
 * <pre>{@code
 * KvStore store = KvStore.sequential();
 * KvOperation.Outcome out = store.apply("n1", KvOperation.read(key), random);
 * }</pre>
 */
public abstract class KvStore {
  /** Applies {@code operation} for {@code caller} and returns its outcome. */
  abstract KvOperation.Outcome apply(String caller, KvOperation operation, Random random);

  /** lin-kv's store. */
  public static KvStore linearizable() {
    return new Linearizable();
  }

  /** seq-kv's store. */
  public static KvStore sequential() {
    return new Sequential();
  }

  /** lww-kv's store. */
  public static KvStore lastWriteWins() {
    return new LastWriteWins();
  }

  private static final class Linearizable extends KvStore {
    private Map<JsonNode, JsonNode> state = Map.of();

    @Override
    KvOperation.Outcome apply(String caller, KvOperation operation, Random random) {
      KvOperation.Outcome outcome = operation.apply(state);
      if (outcome.changed() != null) {
        state = outcome.changed();
      }
      return outcome;
    }
  }

  private static final class Sequential extends KvStore {
    /** States kept, as Maelstrom's ring buffer. */
    private static final int KEPT = 32;

    /** The kept states, oldest first; the state numbered {@code first} is {@code states.get(0)}. */
    private final List<Map<JsonNode, JsonNode>> states = new ArrayList<>(List.of(Map.of()));

    private long first;

    /** The number of the newest state each caller has met. */
    private final Map<String, Long> met = new HashMap<>();

    @Override
    KvOperation.Outcome apply(String caller, KvOperation operation, Random random) {
      long latest = first + states.size() - 1;
      long from = Math.max(first, met.getOrDefault(caller, first));
      long chosen = from + (long) random.nextInt((int) (latest - from + 1));
      KvOperation.Outcome past = operation.apply(states.get((int) (chosen - first)));
      if (past.changed() == null) {
        met.put(caller, chosen);
        return past;
      }
      KvOperation.Outcome now = operation.apply(states.get(states.size() - 1));
      if (now.changed() != null) {
        states.add(now.changed());
        if (states.size() > KEPT) {
          states.remove(0);
          first++;
        }
      }
      met.put(caller, first + states.size() - 1);
      return now;
    }
  }

  private static final class LastWriteWins extends KvStore {
    private static final int REPLICAS = 5;

    private record Stamped(JsonNode value, long time) {}

    private final List<Map<JsonNode, Stamped>> replicas = new ArrayList<>();
    private long clock;

    LastWriteWins() {
      for (int i = 0; i < REPLICAS; i++) {
        replicas.add(new HashMap<>());
      }
    }

    @Override
    KvOperation.Outcome apply(String caller, KvOperation operation, Random random) {
      Map<JsonNode, Stamped> source = replicas.get(random.nextInt(REPLICAS));
      Map<JsonNode, Stamped> target = replicas.get(random.nextInt(REPLICAS));
      source.forEach((key, stamped) -> target.merge(key, stamped, LastWriteWins::later));
      Map<JsonNode, Stamped> replica = replicas.get(random.nextInt(REPLICAS));
      Map<JsonNode, JsonNode> values = new HashMap<>();
      replica.forEach((key, stamped) -> values.put(key, stamped.value()));
      KvOperation.Outcome outcome = operation.apply(values);
      if (outcome.changed() != null) {
        long time = ++clock;
        outcome
            .changed()
            .forEach(
                (key, value) -> {
                  Stamped old = replica.get(key);
                  if (old == null || !old.value().equals(value)) {
                    replica.put(key, new Stamped(value, time));
                  }
                });
      }
      return outcome;
    }

    private static Stamped later(Stamped a, Stamped b) {
      return a.time() >= b.time() ? a : b;
    }
  }
}
