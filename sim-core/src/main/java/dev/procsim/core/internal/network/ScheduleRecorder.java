package dev.procsim.core.internal.network;

import dev.procsim.core.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes down a stepped run's decisions as they are made, for {@link Schedule}: what the network
 * did to each message it did something to, the nemesis's faults with the steps they came and went
 * at, and the message each step took. Thread-safe (the network, the stepper and the nemesis write
 * to it; a test reads it).
 *
 * <pre>{@code
 * ScheduleRecorder recorder = new ScheduleRecorder(seed);
 * recorder.delivered(1, 5);
 * Schedule schedule = recorder.schedule();
 * }</pre>
 */
public final class ScheduleRecorder {
  private final long seed;
  private final List<Schedule.MessageFault> messages = new ArrayList<>();
  private final List<Schedule.NemesisFault> nemesis = new ArrayList<>();
  private long[] deliveries = new long[1024];
  private long lastStep;
  private long currentStep = 1;

  /** A recorder for a run with {@code seed}. */
  public ScheduleRecorder(long seed) {
    this.seed = seed;
  }

  /** Message {@code n} on {@code from -> to} met {@code decision}; kept unless it was untouched. */
  synchronized void message(String from, String to, long n, FaultDecisions.Decision decision) {
    FaultDecisions.Copy[] copies = decision.copies();
    if (copies.length == 1 && !copies[0].lost() && copies[0].delayNanos() == 0) {
      return;
    }
    List<Schedule.Copy> kept = new ArrayList<>(copies.length);
    for (FaultDecisions.Copy copy : copies) {
      kept.add(new Schedule.Copy(copy.lost(), copy.lost() ? 0 : copy.delayNanos()));
    }
    messages.add(new Schedule.MessageFault(from, to, n, kept));
  }

  /** Step {@code step} (from 1) took message {@code id}. */
  synchronized void delivered(long step, long id) {
    if (step > Integer.MAX_VALUE - 8) {
      return; // beyond what one array holds: the seed still decides those steps
    }
    if (step > deliveries.length) {
      deliveries = Arrays.copyOf(deliveries, (int) Math.min(Integer.MAX_VALUE - 8, step * 2));
    }
    deliveries[(int) step - 1] = id;
    lastStep = Math.max(lastStep, step);
  }

  /** The stepper is about to take step {@code step}: faults from now on come before it. */
  public synchronized void beforeStep(long step) {
    currentStep = step;
  }

  /** The step about to be taken. */
  public synchronized long currentStep() {
    return currentStep;
  }

  /** The nemesis injected a fault before the current step; returns its handle for the lift. */
  public synchronized int nemesisStarted(String kind, String target) {
    nemesis.add(new Schedule.NemesisFault(currentStep, -1, kind, target));
    return nemesis.size() - 1;
  }

  /** The nemesis lifted the fault {@code handle}, before the current step. */
  public synchronized void nemesisLifted(int handle) {
    Schedule.NemesisFault started = nemesis.get(handle);
    nemesis.set(
        handle,
        new Schedule.NemesisFault(
            started.fromStep(), currentStep, started.kind(), started.target()));
  }

  /** Everything decided so far. */
  public synchronized Schedule schedule() {
    List<Schedule.Delivery> steps = new ArrayList<>();
    for (int i = 0; i < lastStep; i++) {
      if (deliveries[i] != 0) {
        steps.add(new Schedule.Delivery(i + 1, deliveries[i]));
      }
    }
    return new Schedule(seed, messages, nemesis, steps);
  }
}
