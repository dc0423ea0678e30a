package dev.procsim.core;

/**
 * What happened to a message. Every message starts {@link #IN_FLIGHT} and ends with exactly one of
 * the other fates, recorded in the {@link MessageLog} with the reason when it was not delivered.
 *
 * <pre>{@code
 * Message m = sim.log().awaitMessage(msg -> msg.fate() != Fate.IN_FLIGHT, Duration.ofSeconds(5));
 * if (m.fate() == Fate.UNDELIVERABLE) System.out.println(m.reason());
 * }</pre>
 */
public enum Fate {
  /** Sent, not yet written to the target's stdin nor given up on. */
  IN_FLIGHT,
  /**
   * Written to the target's stdin (followed by {@code \n}) and flushed. The bytes are in the
   * target's pipe; whether the process read them before it exited is up to the process.
   */
  DELIVERED,
  /** Deliberately not delivered by the network (a fault or a partition); the reason says which. */
  DROPPED,
  /**
   * Could not be delivered: an unknown or missing target, a target that exited or stopped reading,
   * a full stdin backlog, or a simulator that closed first. The reason says which.
   */
  UNDELIVERABLE;

  /** Whether this fate is final, that is anything but {@link #IN_FLIGHT}. */
  public boolean isFinal() {
    return this != IN_FLIGHT;
  }
}
