package dev.procsim.maelstrom.internal.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.core.Durations;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.time.Duration;

/**
 * A client operation as a run's schedule keeps it: which client, when (since the clients began),
 * what the history records of it, and the request it sent. A client replaying a schedule sends
 * these instead of drawing its own.
 *
 * <pre>{@code
 * new ClientOperation(2, 1_500_000_000L, "broadcast", 7L, body).describe();   // c2's broadcast 7 at 1.5 s
 * }</pre>
 *
 * @param client the client's number
 * @param atNanos when it was invoked, since the clients began
 * @param function the history's function
 * @param input the history's input (a plain value)
 * @param body the request's body, without {@code msg_id}
 */
public record ClientOperation(
    int client, long atNanos, String function, Object input, ObjectNode body) {
  /** The operation in words. */
  public String describe() {
    return "c"
        + client
        + "'s "
        + function
        + (input == null ? "" : " " + Json.write(Json.tree(input)))
        + " at "
        + Durations.format(Duration.ofNanos(atNanos));
  }

  /** The request to send again. */
  public dev.procsim.maelstrom.internal.workload.Request request() {
    return new dev.procsim.maelstrom.internal.workload.Request(function, input, body);
  }
}
