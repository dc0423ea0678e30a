package dev.procsim.core.internal.network;

import dev.procsim.core.Message;
import java.util.Optional;

/**
 * What one step of a stepped run did ({@link NetworkEngine#step}).
 *
 * <pre>{@code
 * StepResult result = network.step(choice, clockTo, limitNanos);
 * if (result.outcome() == StepResult.Outcome.DELIVERED) awaitIdle(result.delivered().get().to());
 * }</pre>
 *
 * @param outcome what happened
 * @param delivered the message handed to a target, when one was
 * @param changesSoFar how many messages were ever queued (plus other changes), when it looked
 */
public record StepResult(Outcome outcome, Optional<Message> delivered, long changesSoFar) {

  /** What one step did. */
  public enum Outcome {
    /** A message was handed to its target. */
    DELIVERED,
    /** A message was due, but a partition dropped it or its target refused it. */
    STOPPED,
    /** Nothing can be delivered: the queue is empty, or holds only messages to held targets. */
    NOTHING,
    /** The next message is due after the time limit of the step. */
    LATER
  }
}
