package dev.procsim.maelstrom.internal.run;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Latency;
import dev.procsim.core.LinkFaults;
import dev.procsim.core.Network;
import dev.procsim.core.Node;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromProtocol;
import dev.procsim.maelstrom.internal.client.ClientNode;
import dev.procsim.maelstrom.internal.client.ClientPlan;
import dev.procsim.maelstrom.internal.client.RunBoard;
import dev.procsim.maelstrom.internal.service.KvService;
import dev.procsim.maelstrom.internal.service.KvStore;
import dev.procsim.maelstrom.internal.service.TsoService;
import dev.procsim.maelstrom.internal.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The simulation of a Maelstrom run: the nodes (processes speaking {@link MaelstromProtocol}), the
 * services {@code lin-kv}, {@code seq-kv}, {@code lww-kv} and {@code lin-tso}, the clients and the
 * controller (Java components), and the network: latency, loss and duplication between nodes;
 * latency alone between nodes and services; nothing between nodes and clients or the controller, as
 * in Maelstrom.
 *
 * <pre>{@code
 * Simulator sim = new SimulationPlan(settings, workload, plan, board).builder(controller).build();
 * }</pre>
 */
final class SimulationPlan {
  /** The services every run offers its nodes. */
  static final List<String> SERVICES = List.of("lin-kv", "seq-kv", "lww-kv", "lin-tso");

  private final RunSettings settings;
  private final Workload workload;
  private final ClientPlan plan;
  private final RunBoard board;

  SimulationPlan(RunSettings settings, Workload workload, ClientPlan plan, RunBoard board) {
    this.settings = settings;
    this.workload = workload;
    this.plan = plan;
    this.board = board;
  }

  Simulator.Builder builder(Supplier<? extends Node> controller) {
    Simulator.Builder builder =
        Simulator.builder().protocol(new MaelstromProtocol()).echo(settings.logStderr());
    if (settings.seed() != null) {
      builder.seed(settings.seed());
    }
    if (settings.stepped()) {
      builder.stepped();
    }
    if (settings.replay() != null) {
      // The network's decisions and the steps' choices; the nemesis and the clients replay theirs.
      builder.replay(settings.replay().schedule().network());
    }
    List<String> nodes = settings.nodes();
    for (String node : nodes) {
      builder.component(ComponentSpec.of(node, settings.command().toArray(String[]::new)));
    }
    builder.node("lin-kv", () -> new KvService(KvStore.linearizable()));
    builder.node("seq-kv", () -> new KvService(KvStore.sequential()));
    builder.node("lww-kv", () -> new KvService(KvStore.lastWriteWins()));
    builder.node("lin-tso", TsoService::new);
    List<String> clients = settings.clients();
    for (int i = 0; i < clients.size(); i++) {
      int index = i;
      String server = nodes.get(i % nodes.size());
      builder.node(clients.get(i), () -> new ClientNode(index, server, workload, plan, board));
    }
    builder.node(Controller.NAME, controller);
    return builder.network(network(nodes, clients));
  }

  private Network network(List<String> nodes, List<String> clients) {
    Latency latency = latency();
    Network.Builder network =
        Network.builder()
            .latency(latency)
            .loss(settings.loss())
            .duplication(settings.duplication());
    LinkFaults direct = LinkFaults.none();
    LinkFaults service = LinkFaults.none().withLatency(latency);
    for (String node : nodes) {
      for (String client : clients) {
        network.link(client, node, direct).link(node, client, direct);
      }
      network.link(Controller.NAME, node, direct).link(node, Controller.NAME, direct);
      for (String name : SERVICES) {
        network.link(name, node, service).link(node, name, service);
      }
    }
    return network.build();
  }

  private Latency latency() {
    Duration mean = settings.latency();
    if (mean.isZero()) {
      return Latency.none();
    }
    return switch (settings.latencyDistribution()) {
      case "uniform" -> Latency.uniform(Duration.ZERO, mean.multipliedBy(2));
      case "exponential" -> Latency.exponential(mean);
      default -> Latency.fixed(mean);
    };
  }
}
