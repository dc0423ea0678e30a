package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.log.Deadlines;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.text.ConsoleEcho;
import dev.procsim.core.internal.text.FailureTexts;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * How a stepped run waits for participants to be idle: the target of the last step, each one as it
 * starts, and those restarted or resumed since the last step ("unsettled"). A participant that is
 * not idle within the step timeout is reported as a protocol error and passed, so one stuck
 * participant cannot hang the run.
 *
 * <pre>{@code
 * IdleWaits idle = new IdleWaits(store, echo, Duration.ofSeconds(10), () -> running);
 * idle.awaitIdle(participant, "after message #7");
 * idle.unsettle(restarted);
 * idle.settle();
 * }</pre>
 */
final class IdleWaits {
  private final LogStore log;
  private final ConsoleEcho echo;
  private final Duration stepTimeout;
  private final BooleanSupplier reporting;
  private final Set<Participant> unsettled = ConcurrentHashMap.newKeySet();

  /** Reports a stuck participant while {@code reporting} holds (not once the run is stopping). */
  IdleWaits(LogStore log, ConsoleEcho echo, Duration stepTimeout, BooleanSupplier reporting) {
    this.log = log;
    this.echo = echo;
    this.stepTimeout = stepTimeout;
    this.reporting = reporting;
  }

  /** How long a participant may take to become idle. */
  Duration stepTimeout() {
    return stepTimeout;
  }

  /** Waits until {@code participant} is idle or the step timeout passes; on time-out, says so. */
  void awaitIdle(Participant participant, String when) throws InterruptedException {
    boolean idle = participant.awaitIdle(Deadlines.after(stepTimeout));
    if (!idle && reporting.getAsBoolean()) {
      String problem =
          FailureTexts.notIdle(participant.name(), stepTimeout, when, participant.activity());
      log.errors().record(participant.name(), "", problem);
      echo.warning(problem);
    }
  }

  /** The next {@link #settle()} waits until {@code participant} (restarted or resumed) is idle. */
  void unsettle(Participant participant) {
    unsettled.add(participant);
  }

  /** Waits until every participant restarted or resumed since the last call is idle. */
  void settle() throws InterruptedException {
    for (Participant participant : List.copyOf(unsettled)) {
      unsettled.remove(participant);
      awaitIdle(participant, "after it was restarted or resumed");
    }
  }
}
