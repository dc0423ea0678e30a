package dev.procsim.core.internal.network;

import dev.procsim.core.LinkFaults;
import dev.procsim.core.Schedule;
import dev.procsim.core.internal.seed.SeededRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the network's decisions come from: drawn from the seed ({@link FaultDecisions}, and a
 * seeded pick among the messages due at a step), or replayed from a {@link Schedule}; and, in a
 * stepped run, written down as they are made ({@link ScheduleRecorder}) so that the run can become
 * a schedule. Guarded by the network's lock.
 *
 * <pre>{@code
 * Decisions drawn = Decisions.seeded(seed, recorder);
 * Decisions replayed = Decisions.replaying(schedule, recorder);
 * FaultDecisions.Decision d = drawn.decide("p1", "p2", 17, faults);
 * }</pre>
 */
public final class Decisions {
  private final long seed;
  private final ScheduleRecorder recorder;
  private final Map<String, Schedule.MessageFault> replayed;
  private final Map<Long, Long> deliveries;

  private Decisions(
      long seed,
      ScheduleRecorder recorder,
      Map<String, Schedule.MessageFault> replayed,
      Map<Long, Long> deliveries) {
    this.seed = seed;
    this.recorder = recorder;
    this.replayed = replayed;
    this.deliveries = deliveries;
  }

  /** Decisions drawn from {@code seed}, written to {@code recorder} when there is one. */
  public static Decisions seeded(long seed, ScheduleRecorder recorder) {
    return new Decisions(seed, recorder, null, Map.of());
  }

  /** Decisions taken from {@code schedule}, written again to {@code recorder}. */
  public static Decisions replaying(Schedule schedule, ScheduleRecorder recorder) {
    Map<String, Schedule.MessageFault> messages = new HashMap<>();
    for (Schedule.MessageFault message : schedule.messages()) {
      messages.put(key(message.from(), message.to(), message.number()), message);
    }
    Map<Long, Long> deliveries = new HashMap<>();
    for (Schedule.Delivery delivery : schedule.deliveries()) {
      deliveries.put(delivery.step(), delivery.messageId());
    }
    return new Decisions(schedule.seed(), recorder, messages, deliveries);
  }

  /** Whether the decisions come from a schedule. */
  public boolean isReplay() {
    return replayed != null;
  }

  /** The recorder, or null in a run that records nothing (real time). */
  public ScheduleRecorder recorder() {
    return recorder;
  }

  /**
   * What happens to message number {@code n} on {@code from -> to}: the schedule's decision when
   * replaying (none listed: one copy, at once), else the seed's under {@code faults}.
   */
  FaultDecisions.Decision decide(String from, String to, long n, LinkFaults faults) {
    FaultDecisions.Decision decision;
    if (replayed == null) {
      decision = FaultDecisions.decide(seed, from, to, n, faults);
    } else {
      Schedule.MessageFault listed = n == 0 ? null : replayed.get(key(from, to, n));
      decision =
          listed == null
              ? FaultDecisions.decide(seed, from, to, n, LinkFaults.none())
              : new FaultDecisions.Decision(
                  listed.copies().stream()
                      .map(c -> new FaultDecisions.Copy(c.lost(), c.delayNanos()))
                      .toArray(FaultDecisions.Copy[]::new));
    }
    if (recorder != null && n > 0) {
      recorder.message(from, to, n, decision);
    }
    return decision;
  }

  /**
   * Which of the {@code due} messages step {@code step} delivers: the schedule's when it is among
   * them, else the seed's pick. The seed's pick is drawn either way, so that a schedule with some
   * faults left out still draws the same sequence.
   */
  int choose(List<DeliveryQueue.Pending> due, long step, SeededRandom choice) {
    int drawn = choice.nextInt(due.size());
    Long wanted = deliveries.get(step);
    if (wanted != null) {
      for (int i = 0; i < due.size(); i++) {
        if (due.get(i).message().id() == wanted) {
          return i;
        }
      }
    }
    return drawn;
  }

  /** Notes that step {@code step} delivered (or dropped, or refused) message {@code id}. */
  void chosen(long step, long id) {
    if (recorder != null) {
      recorder.delivered(step, id);
    }
  }

  private static String key(String from, String to, long n) {
    return from + '\u0000' + to + '\u0000' + n;
  }
}
