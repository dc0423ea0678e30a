package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The operations of one client of a workload, and how to read their replies. Called on the client's
 * thread only, so it may keep state (a Kafka consumer's positions, say). Its randomness comes from
 * the client's seed, so a seed gives the same operations.
 *
 * <pre>{@code
 * Generator gen = workload.generator(client, random);
 * Request next = gen.next();
 * Object output = gen.output(next, replyBody);   // for the history
 * }</pre>
 */
public interface Generator {
  /** The next operation while the test runs. */
  Request next();

  /**
   * The history's output for the successful reply {@code reply} (the body, of type {@code
   * <type>_ok}) to {@code request}.
   *
   * @throws IllegalArgumentException when the reply lacks what the workload defines, with what
   */
  Object output(Request request, JsonNode reply);

  /** The operations this client performs in the final phase, one after another (final reads). */
  default List<Request> finals() {
    return List.of();
  }
}
