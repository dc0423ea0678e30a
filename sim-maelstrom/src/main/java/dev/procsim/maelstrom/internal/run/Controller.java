package dev.procsim.maelstrom.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import dev.procsim.maelstrom.internal.client.ClientNode;
import dev.procsim.maelstrom.internal.client.RunBoard;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The component {@code maelstrom}: it sends every node {@code init} with its {@code node_id} and
 * the {@code node_ids}, waits (10 s of simulation time) for every {@code init_ok}, then sends the
 * workload's setup requests (broadcast's {@code topology}) and tells the clients to go. A node that
 * answers {@code init} with anything else, or not in time, fails the handshake, named.
 *
 * <pre>{@code
 * Simulator.builder().node("maelstrom", () -> new Controller(nodes, clients, setup, board)) ...
 * }</pre>
 */
final class Controller implements Node {
  /** This component's name. */
  static final String NAME = "maelstrom";

  /** How long nodes have to answer {@code init}, as in Maelstrom. */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  /** Where the {@code msg_id}s of a restarted node's {@code init} start: apart from the first's. */
  static final long REINIT_IDS = 1_000_000;

  private final List<String> nodes;
  private final List<String> clients;
  private final Map<String, List<ObjectNode>> setup;
  private final RunBoard board;
  private final Set<String> waiting = new LinkedHashSet<>();
  private long nextMsgId = 1;
  private boolean over;

  Controller(
      List<String> nodes,
      List<String> clients,
      Map<String, List<ObjectNode>> setup,
      RunBoard board) {
    this.nodes = List.copyOf(nodes);
    this.clients = List.copyOf(clients);
    this.setup = setup;
    this.board = board;
  }

  @Override
  public void start(NodeContext ctx) {
    waiting.addAll(nodes);
    for (String node : nodes) {
      ObjectNode body = init(node, nodes).put("msg_id", nextMsgId++);
      ctx.send(node, new Envelope(NAME, node, body).line());
    }
    ctx.timer(HANDSHAKE_TIMEOUT, "handshake");
  }

  /** The {@code init} body for {@code node}, without its {@code msg_id}. */
  static ObjectNode init(String node, List<String> nodes) {
    ObjectNode body = Json.object().put("type", "init").put("node_id", node);
    body.set("node_ids", Json.tree(nodes));
    return body;
  }

  @Override
  public void receive(String from, String body, NodeContext ctx) {
    if (from.equals(ComponentSpec.SIMULATOR_NAME)) {
      if (!over && !waiting.isEmpty()) {
        fail(
            String.join(", ", waiting)
                + " did not answer init with init_ok within "
                + HANDSHAKE_TIMEOUT.toSeconds()
                + " s",
            ctx);
      }
      return;
    }
    if (over || !waiting.contains(from)) {
      return; // a late answer, or to a setup request or a re-init after a restart
    }
    Envelope reply;
    try {
      reply = Envelope.parse(body);
    } catch (IllegalArgumentException e) {
      fail(from + " answered init with " + e.getMessage(), ctx);
      return;
    }
    if (!reply.type().equals("init_ok")) {
      fail(from + " answered init with " + reply.type() + ", not init_ok: " + body, ctx);
      return;
    }
    waiting.remove(from);
    if (waiting.isEmpty()) {
      over = true;
      begin(ctx);
    }
  }

  /** Fails the handshake; the line it prints comes after, so a wait on the log sees the board. */
  private void fail(String reason, NodeContext ctx) {
    over = true;
    board.handshakeFailed(reason);
    ctx.output("init failed: " + reason);
  }

  private void begin(NodeContext ctx) {
    board.handshakeDone();
    ctx.output("every node answered init; the clients start");
    for (Map.Entry<String, List<ObjectNode>> requests : setup.entrySet()) {
      for (ObjectNode request : requests.getValue()) {
        ObjectNode body = request.deepCopy().put("msg_id", nextMsgId++);
        ctx.send(requests.getKey(), new Envelope(NAME, requests.getKey(), body).line());
      }
    }
    for (String client : clients) {
      ObjectNode go = Json.object().put("type", ClientNode.GO);
      ctx.send(client, new Envelope(NAME, client, go).line());
    }
  }
}
