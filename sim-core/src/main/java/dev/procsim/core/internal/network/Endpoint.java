package dev.procsim.core.internal.network;

import dev.procsim.core.Message;

/**
 * Where the network hands a message that is due: in practice a component's stdin writer.
 *
 * <pre>{@code
 * String refusal = endpoint.accept(message);
 * if (refusal != null) log.recordUndeliverable(message.id(), refusal);
 * }</pre>
 */
public interface Endpoint {
  /**
   * Takes {@code message} for writing to the process, without blocking. Returns null when taken
   * (the endpoint then records its delivery, or why it failed), or the reason it cannot be taken.
   */
  String accept(Message message);

  /**
   * Whether messages should wait before being handed over (a paused process): a stepped run leaves
   * them queued rather than hand them to a process that cannot acknowledge them.
   */
  default boolean isHeld() {
    return false;
  }
}
