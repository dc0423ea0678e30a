package dev.procsim.maelstrom.internal.run;

import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Operation;
import dev.procsim.check.Outcome;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.internal.client.RunBoard;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a run's {@link MaelstromResult}: the verdict, the statistics Maelstrom reports, and the
 * recipes that run it again.
 *
 * <pre>{@code
 * MaelstromResult result = new ResultMaker(settings, sim).result("echo", board, checked, faults);
 * }</pre>
 */
final class ResultMaker {
  private final RunSettings settings;
  private final Simulator sim;
  private final java.util.Set<String> clients = new java.util.HashSet<>();

  ResultMaker(RunSettings settings, Simulator sim) {
    this.settings = settings;
    this.sim = sim;
    clients.addAll(settings.clients());
    clients.add(Controller.NAME);
  }

  MaelstromResult result(
      String workload, RunBoard board, CheckResult checked, List<String> faults) {
    History history = board.history();
    Recipe recipe = new Recipe(settings, sim.seed());
    return new MaelstromResult(
        workload,
        checked.verdict(),
        checked.explanation(),
        sim.seed(),
        settings.stepped(),
        recipe.java(),
        recipe.commandLine(),
        history,
        operations(history),
        latencies(history),
        network(history),
        board.badReplies(),
        faults,
        sim.now(),
        Optional.empty(),
        Optional.empty());
  }

  /** How many operations ended how, by function. */
  static Map<String, Map<Outcome, Long>> operations(History history) {
    Map<String, Map<Outcome, Long>> operations = new LinkedHashMap<>();
    for (Operation op : history.operations()) {
      operations
          .computeIfAbsent(op.function(), f -> new EnumMap<>(Outcome.class))
          .merge(op.outcome(), 1L, Long::sum);
    }
    return operations;
  }

  private static Map<String, Duration> latencies(History history) {
    List<Long> nanos =
        history.operations().stream()
            .filter(op -> op.outcome() == Outcome.OK)
            .map(op -> op.completed() - op.invoked())
            .sorted()
            .toList();
    Map<String, Duration> quantiles = new LinkedHashMap<>();
    if (nanos.isEmpty()) {
      return quantiles;
    }
    quantiles.put("p50", Duration.ofNanos(quantile(nanos, 0.50)));
    quantiles.put("p95", Duration.ofNanos(quantile(nanos, 0.95)));
    quantiles.put("p99", Duration.ofNanos(quantile(nanos, 0.99)));
    quantiles.put("max", Duration.ofNanos(nanos.get(nanos.size() - 1)));
    return quantiles;
  }

  private static long quantile(List<Long> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  /** Maelstrom's {@code :net}: all traffic, client traffic and server traffic, from the log. */
  private MaelstromResult.NetworkStats network(History history) {
    long[] all = new long[2];
    long[] toClients = new long[2];
    long[] servers = new long[2];
    Map<Long, Boolean> clientMessage = new java.util.HashMap<>();
    for (LogEvent event : sim.log().events()) {
      if (event instanceof LogEvent.Sent sent) {
        if (sent.from().equals(ComponentSpec.SIMULATOR_NAME)
            || sent.to().equals(ComponentSpec.SIMULATOR_NAME)) {
          continue; // a timer (asked for, or going off), not a message
        }
        boolean client = isClient(sent.from()) || isClient(sent.to());
        clientMessage.put(sent.messageId(), client);
        count(client ? toClients : servers, all, 0);
      } else if (event instanceof LogEvent.Duplicated copy) {
        clientMessage.put(copy.messageId(), clientMessage.get(copy.copyOf()));
      } else if (event instanceof LogEvent.Delivered delivered) {
        Boolean client = clientMessage.get(delivered.messageId());
        if (client != null) {
          count(client ? toClients : servers, all, 1);
        }
      }
    }
    return new MaelstromResult.NetworkStats(
        traffic(all), traffic(toClients), traffic(servers), history.size());
  }

  private static void count(long[] kind, long[] all, int index) {
    kind[index]++;
    all[index]++;
  }

  private static MaelstromResult.Traffic traffic(long[] counts) {
    return new MaelstromResult.Traffic(counts[0], counts[1], counts[0]);
  }

  private boolean isClient(String name) {
    return clients.contains(name);
  }
}
