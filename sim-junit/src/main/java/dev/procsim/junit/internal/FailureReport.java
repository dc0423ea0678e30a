package dev.procsim.junit.internal;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The part of a failure message that says which simulation failed, how to rerun it, and what it did
 * last.
 *
 * <pre>{@code
 * throw new AssertionError(message + "\n" + FailureReport.of(sim, 40, FailureReport.rerunRecipe(seed, testClass, method)));
 * }</pre>
 */
public final class FailureReport {
  private FailureReport() {}

  /** The seed, the protocol errors if any, and the last {@code tail} entries of the log. */
  public static String of(Simulator sim, int tail) {
    return of(sim, tail, "");
  }

  /** {@link #of(Simulator, int)} with a rerun recipe after the seed. */
  public static String of(Simulator sim, int tail, String rerunRecipe) {
    return of(sim, tail, rerunRecipe, true);
  }

  /**
   * The report; without the end of the log when {@code withTail} is false (the failure shows it
   * already).
   */
  public static String of(Simulator sim, int tail, String rerunRecipe, boolean withTail) {
    StringBuilder text =
        new StringBuilder("procsim: seed ")
            .append(sim.seed())
            .append(" (run ")
            .append(sim.runId())
            .append(")");
    if (!rerunRecipe.isEmpty()) {
      text.append('\n').append(rerunRecipe);
    }
    List<LogEvent.ProtocolError> errors = sim.log().protocolErrors();
    if (!errors.isEmpty()) {
      text.append("\nprotocol errors (")
          .append(sim.log().protocolErrorCount())
          .append("):\n")
          .append(sim.log().describe(errors.subList(0, Math.min(errors.size(), tail))));
    }
    if (withTail) {
      text.append("\nlast entries of the message log:\n").append(sim.log().describeTail(tail));
    }
    return text.toString();
  }

  /** How to run this test again with this seed: the annotation, and the Maven command line. */
  public static String rerunRecipe(long seed, Class<?> testClass, Method method) {
    return "rerun this seed: @SimulationTest(seed = "
        + seed
        + "L) on "
        + TestNames.of(testClass, method)
        + ", or: mvn test -Dtest='"
        + TestNames.surefireFilter(testClass, method)
        + "' -Dprocsim.seed="
        + seed;
  }
}
