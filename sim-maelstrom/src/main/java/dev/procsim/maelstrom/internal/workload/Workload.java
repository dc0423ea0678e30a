package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One of Maelstrom's workloads: the requests its clients send, what nodes are told before the test
 * (broadcast's topology), the final phase and the checker that judges the history. Looked up by
 * Maelstrom's name in {@link Workloads}.
 *
 * <pre>{@code
 * Workload echo = Workloads.named("echo", options);
 * Generator gen = echo.generator(0, new Random(seed));
 * CheckResult result = echo.check(history);
 * }</pre>
 */
public interface Workload {
  /** Maelstrom's name, e.g. {@code lin-kv}. */
  String name();

  /**
   * How long a client waits for a reply before the operation is of unknown outcome: 5 s, as
   * Maelstrom's clients ({@code meanLatency} is the network's mean latency between nodes).
   */
  default Duration rpcTimeout(Duration meanLatency) {
    return Duration.ofSeconds(5);
  }

  /**
   * Whether {@code function} is idempotent, as Maelstrom's clients judge it: such an operation that
   * timed out or got an error of any kind is recorded as failed, since repeating it or not changes
   * nothing; any other gets {@code info} unless the error was definite. None by default.
   */
  default boolean idempotent(String function) {
    return false;
  }

  /**
   * Whether the run ends with Maelstrom's final phase: every fault ended, a quiet recovery time,
   * then each client's {@link Generator#finals()}. Maelstrom has one for broadcast, g-set, the
   * counters and kafka.
   */
  default boolean hasFinalPhase() {
    return false;
  }

  /** How many final operations a client performs at most, one after another. */
  default int finalOperations() {
    return 1;
  }

  /** The requests each node gets after {@code init} and before any client operation, by node. */
  default Map<String, List<ObjectNode>> setup(List<String> nodes) {
    return Map.of();
  }

  /** A generator for client number {@code client}, drawing from {@code random}. */
  Generator generator(int client, Random random);

  /**
   * Judges the history of a run; {@code finalsFrom} is the history time the final phase began
   * ({@link Long#MAX_VALUE} when there was none): operations invoked from then on are final.
   */
  CheckResult check(History history, long finalsFrom);
}
