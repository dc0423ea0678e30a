package dev.procsim.core.internal;

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
  /** The other direction. */
  public Link reversed() {
    return new Link(to, from);
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
