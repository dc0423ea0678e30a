package dev.procsim.core;

import java.time.Duration;
import java.util.Objects;

/**
 * One message as the {@link MessageLog} knows it at the moment this snapshot was taken. A message
 * is immutable; when its fate changes the log holds a new snapshot with the same {@link #id()}.
 *
 * <pre>{@code
 * Message m = sim.log().awaitMessage(msg -> msg.to().equals("p2"), Duration.ofSeconds(5));
 * assertThat(m.body()).isEqualTo("Hello from p1");
 * }</pre>
 *
 * @param id unique, increasing in send order, starting at 1
 * @param from the sending component, or the name a test used with {@link Simulator#send}
 * @param to the target as written by the sender (possibly not a component, or empty when missing)
 * @param body the message text, without the trailing line break
 * @param fate what happened to it so far
 * @param reason why it was not delivered; empty while in flight and when delivered
 * @param sentAtNanos simulation time of the send, in nanoseconds since the simulator started
 * @param duplicateOf the id of the message this one is a network-made copy of, or 0 for an original
 */
public record Message(
    long id,
    String from,
    String to,
    String body,
    Fate fate,
    String reason,
    long sentAtNanos,
    long duplicateOf) {

  /** Checks that no component is null. */
  public Message {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fate, "fate");
    Objects.requireNonNull(reason, "reason");
  }

  /** Simulation time of the send, since the simulator started. */
  public Duration sentAt() {
    return Duration.ofNanos(sentAtNanos);
  }

  /** A copy of this message with a final fate and its reason. */
  public Message withFate(Fate newFate, String newReason) {
    return new Message(id, from, to, body, newFate, newReason, sentAtNanos, duplicateOf);
  }

  /** Whether the network made this message as a copy of another ({@link #duplicateOf()}). */
  public boolean isDuplicate() {
    return duplicateOf != 0;
  }

  /** Whether this message went from {@code from} to {@code to}. */
  public boolean isBetween(String from, String to) {
    return this.from.equals(from) && this.to.equals(to);
  }
}
