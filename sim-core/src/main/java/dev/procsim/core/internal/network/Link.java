package dev.procsim.core.internal.network;

/**
 * One direction between two endpoints.
 *
 * <pre>{@code
 * Link link = new Link("p1", "p2");   // p1 -> p2, not p2 -> p1
 * }</pre>
 *
 * @param from the sender
 * @param to the target
 */
public record Link(String from, String to) {
  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
