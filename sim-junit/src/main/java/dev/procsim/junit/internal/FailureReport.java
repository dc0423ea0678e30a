package dev.procsim.junit.internal;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import java.util.List;

/**
 * The part of a failure message that says which simulation failed and what it did last.
 *
 * <pre>{@code
 * throw new AssertionError(message + "\n" + FailureReport.of(sim, 40));
 * }</pre>
 */
public final class FailureReport {
  private FailureReport() {}

  /** The seed, the protocol errors if any, and the last {@code tail} entries of the log. */
  public static String of(Simulator sim, int tail) {
    StringBuilder text =
        new StringBuilder("procsim: seed ")
            .append(sim.seed())
            .append(" (run ")
            .append(sim.runId())
            .append(")");
    List<LogEvent.ProtocolError> errors = sim.log().protocolErrors();
    if (!errors.isEmpty()) {
      text.append("\nprotocol errors (")
          .append(errors.size())
          .append("):\n")
          .append(sim.log().describe(errors.subList(0, Math.min(errors.size(), tail))));
    }
    text.append("\nlast entries of the message log:\n").append(sim.log().describeTail(tail));
    return text.toString();
  }
}
