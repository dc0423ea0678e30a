package dev.procsim.core.internal.network;

/**
 * What the network does right after it queued a message, decided by the scheduler: in real time,
 * hand out what is due at once on the sending thread ({@link NetworkEngine#deliverDue()}); in a
 * stepped run, nothing (the stepper hands out one message per step).
 *
 * <pre>{@code
 * DeliveryPolicy realTime = NetworkEngine::deliverDue;
 * DeliveryPolicy stepped = engine -> {};
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryPolicy {
  /** Called holding the engine's lock, after one or more messages were queued. */
  void queued(NetworkEngine engine);
}
