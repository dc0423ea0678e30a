package dev.procsim.maelstrom.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How every client of a run paces itself: the number of clients, the mean pause between one
 * client's operations (the number of clients over the run's rate; null when the rate is 0 and the
 * clients stay idle), the time limit after which no operation starts, and how long a client waits
 * for a reply.
 *
 * <pre>{@code
 * ClientPlan plan = ClientPlan.of(5, 10.0, Duration.ofSeconds(10), Duration.ofSeconds(5));
 * }</pre>
 *
 * @param concurrency the number of clients
 * @param meanInterval the mean pause between two operations of one client, or null for none
 * @param timeLimit how long after the clients are told to go no operation starts any more
 * @param rpcTimeout how long a client waits for a reply before the outcome is unknown
 * @param script the operations each client replays, by client, instead of drawing its own; null
 *     when they draw
 */
public record ClientPlan(
    int concurrency,
    Duration meanInterval,
    Duration timeLimit,
    Duration rpcTimeout,
    Map<Integer, List<ClientOperation>> script) {
  /** The plan for {@code concurrency} clients sharing {@code rate} operations per second. */
  public static ClientPlan of(
      int concurrency, double rate, Duration timeLimit, Duration rpcTimeout) {
    if (!(rate >= 0)) {
      throw new IllegalArgumentException(
          "the rate must be 0 or more operations per second, not " + rate);
    }
    Duration interval = rate == 0 ? null : Duration.ofNanos((long) (concurrency * 1e9 / rate));
    return new ClientPlan(concurrency, interval, timeLimit, rpcTimeout, null);
  }

  /** The same plan, the clients replaying {@code operations} instead of drawing their own. */
  public ClientPlan replaying(List<ClientOperation> operations) {
    Map<Integer, List<ClientOperation>> byClient = new HashMap<>();
    for (ClientOperation op : operations) {
      byClient.computeIfAbsent(op.client(), c -> new ArrayList<>()).add(op);
    }
    return new ClientPlan(concurrency, meanInterval, timeLimit, rpcTimeout, byClient);
  }
}
