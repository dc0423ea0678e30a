package dev.procsim.maelstrom.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.maelstrom.ErrorCode;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.Random;

/**
 * Maelstrom's {@code lin-tso}, a linearizable timestamp oracle: {@code {"type": "ts"}} answered
 * {@code ts_ok} with a {@code ts} larger than every one given before.
 *
 * <pre>{@code
 * Simulator.builder().node("lin-tso", TsoService::new) ...
 * }</pre>
 */
public final class TsoService extends ServiceNode {
  private long next;

  @Override
  ObjectNode handle(Envelope request, Random random) {
    if (!request.type().equals("ts")) {
      return Envelope.error(
          ErrorCode.NOT_SUPPORTED.code(), "lin-tso knows ts, not \"" + request.type() + "\"");
    }
    return Json.object().put("type", "ts_ok").put("ts", next++);
  }
}
