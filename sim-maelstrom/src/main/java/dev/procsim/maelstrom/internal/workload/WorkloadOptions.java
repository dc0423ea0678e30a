package dev.procsim.maelstrom.internal.workload;

import dev.procsim.check.ConsistencyModel;
import java.util.Objects;

/**
 * What a workload's generators and checker need to know of the run: how many clients (appended
 * values are made unique per client without sharing state), how many keys, broadcast's topology,
 * and the consistency model txn-list-append is checked against.
 *
 * <pre>{@code
 * new WorkloadOptions(5, 5, 8, "grid", ConsistencyModel.STRICT_SERIALIZABLE);
 * }</pre>
 *
 * @param nodeCount the number of nodes; client {@code i} talks to node {@code i % nodeCount}
 * @param concurrency the number of clients
 * @param keyCount keys of lin-kv, kafka and txn-list-append
 * @param topology broadcast's topology: grid, line, tree2, tree3, tree4 or total
 * @param consistency the model txn-list-append must satisfy
 */
public record WorkloadOptions(
    int nodeCount, int concurrency, int keyCount, String topology, ConsistencyModel consistency) {
  /** Checks the values. */
  public WorkloadOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("the concurrency must be at least 1, not " + concurrency);
    }
    if (keyCount < 1) {
      throw new IllegalArgumentException("the key count must be at least 1, not " + keyCount);
    }
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(consistency, "consistency");
  }

  /**
   * Who performed operations as {@code process}, for a person: {@code "c2 (on n2)"}; a client takes
   * a new process number after an operation of unknown outcome, as Jepsen's do.
   */
  public String client(int process) {
    int client = process % concurrency;
    return "c" + client + " (on n" + client % nodeCount + ")";
  }

  /** A value no other client of the run draws: the client's {@code n}th, interleaved. */
  public long uniqueValue(int client, long n) {
    return n * concurrency + client;
  }
}
