package dev.procsim.maelstrom.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import dev.procsim.maelstrom.ErrorCode;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import java.util.Random;

/**
 * A Maelstrom service as a Java component: reads each request, answers it to its sender. A line
 * that is not a request is answered, when it can be, with {@code malformed-request}, and noted on
 * the service's stderr, so the node's author sees it in the log.
 *
 * <pre>{@code
 * Simulator.builder().node("lin-kv", () -> KvService.linearizable()) ...
 * }</pre>
 */
abstract class ServiceNode implements Node {
  private long nextMsgId = 1;
  private Random random;

  @Override
  public final void start(NodeContext ctx) {
    random = new Random(ctx.seed());
  }

  @Override
  public final void receive(String from, String body, NodeContext ctx) {
    Envelope request;
    try {
      request = Envelope.parse(body);
    } catch (IllegalArgumentException e) {
      ctx.errorOutput("from " + from + ": " + e.getMessage());
      return;
    }
    ObjectNode answer;
    try {
      answer = handle(request, random);
    } catch (IllegalArgumentException e) {
      answer = Envelope.error(ErrorCode.MALFORMED_REQUEST.code(), e.getMessage());
      ctx.errorOutput("from " + from + ": " + e.getMessage());
    }
    Envelope reply = Envelope.reply(request, ctx.name(), answer, nextMsgId++);
    // Answer the component that sent it, whatever its envelope claims.
    ctx.send(from, new Envelope(reply.src(), from, reply.body()).line());
  }

  /**
   * The answer to {@code request}: an {@code <type>_ok} body, or an error body ({@link
   * Envelope#error}).
   *
   * @throws IllegalArgumentException when the request lacks a field it needs, saying which
   */
  abstract ObjectNode handle(Envelope request, Random random);
}
