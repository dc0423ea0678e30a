package dev.procsim.core.internal.network;

/**
 * What the network does right after it queued a message (or noted a change, such as a resume),
 * decided by the scheduler: in real time, hand out what is due at once on the sending thread
 * ({@link NetworkEngine#deliverDue()}); in a stepped run, only wake the stepper (it hands out one
 * message per step).
 *
 * <pre>{@code
 * DeliveryPolicy realTime = NetworkEngine::deliverDue;
 * DeliveryPolicy stepped = engine -> stepper.wake();
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryPolicy {
  /**
   * Called holding the engine's lock, after one or more messages were queued or held ones may go.
   * It may take locks that are never held while the engine's is taken (the stepper's).
   */
  void queued(NetworkEngine engine);
}
