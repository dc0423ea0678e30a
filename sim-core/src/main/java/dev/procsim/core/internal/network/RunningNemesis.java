package dev.procsim.core.internal.network;

/**
 * A nemesis at work: the seeded one ({@link NemesisRunner}) or one that replays a schedule's faults
 * ({@link ScheduledNemesis}). In real time it runs on a thread of its own; in a stepped run the
 * stepper lets it act between two steps.
 *
 * <pre>{@code
 * RunningNemesis nemesis = ...;
 * nemesis.startStepped(clock.nanos());
 * nemesis.tickIfDue(clock.nanos(), step);   // between two steps
 * nemesis.stop(true);
 * }</pre>
 */
public interface RunningNemesis {
  /** Starts acting on its own thread, on the wall clock. */
  void start();

  /** Starts acting on the virtual clock, as the stepper lets it. */
  void startStepped(long nowNanos);

  /** Between two steps, before step {@code step}: acts if its time has come. */
  void tickIfDue(long nowNanos, long step);

  /** Stops, lifting the last fault it injected when {@code liftLastFault}. Idempotent. */
  void stop(boolean liftLastFault) throws InterruptedException;
}
