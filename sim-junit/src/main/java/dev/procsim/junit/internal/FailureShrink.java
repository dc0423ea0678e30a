package dev.procsim.junit.internal;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Schedule;
import dev.procsim.core.Simulator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shrinks a failing simulation test: runs its method again and again on simulators that replay
 * smaller schedules ({@link Shrinker}), each built as the test's own was, and keeps those that fail
 * the same way (the same first line of the failure, numbers aside: {@link FailureSignature}). Then
 * writes both schedules and the shrunk run's report, and says in a few lines what it found and the
 * one line that replays it. The method runs without its {@code @BeforeEach} and {@code @AfterEach}
 * methods and without its {@code @Timeout}; each simulator is closed after its run.
 *
 * <pre>{@code
 * String text = new FailureShrink(builders, method, target, arguments, allowErrors, files)
 *     .shrink(failure, sim.schedule(), budget, context);
 * }</pre>
 */
final class FailureShrink {
  private final Supplier<Simulator.Builder> builders;
  private final Method method;
  private final Object target;
  private final List<Object> arguments;
  private final boolean allowProtocolErrors;
  private final RunArtifacts files;
  private final Class<?> testClass;

  FailureShrink(
      Supplier<Simulator.Builder> builders,
      Class<?> testClass,
      Method method,
      Object target,
      List<Object> arguments,
      boolean allowProtocolErrors,
      RunArtifacts files) {
    this.builders = builders;
    this.testClass = testClass;
    this.method = method;
    this.target = target;
    this.arguments = arguments;
    this.allowProtocolErrors = allowProtocolErrors;
    this.files = files;
  }

  /**
   * Shrinks the run that failed with {@code failure} and recorded {@code failing}, within {@code
   * budget}; returns what a person reads of it.
   */
  String shrink(Throwable failure, Schedule failing, Duration budget, ExtensionContext context) {
    String signature = FailureSignature.of(FailureMessages.rawMessage(failure));
    Shrinker.Result result =
        Shrinker.shrink(failing, candidate -> attempt(candidate, signature), budget);
    Path original = files.writeSchedule(failing, "", "the failing run, as it ran");
    StringBuilder text = new StringBuilder(result.summary());
    if (!result.repeats()) {
      return text.append("\nits schedule: ").append(original).toString();
    }
    Path shrunk = files.writeSchedule(result.shrunk(), "-shrunk", result.summary());
    text.append("\nreplay it: mvn test -Dtest='")
        .append(TestNames.surefireFilter(testClass, method))
        .append("' -D")
        .append(RunOptions.REPLAY_PARAMETER)
        .append('=')
        .append(shrunk)
        .append("  (or @SimulationTest(replay = \"")
        .append(shrunk)
        .append("\"); the whole failing run: ")
        .append(original)
        .append(')');
    reportOf(result.shrunk(), context)
        .ifPresent(page -> text.append("\nreport of the shrunk run: ").append(page));
    return text.toString();
  }

  /** Runs the test on a replay of {@code candidate}; its recorded schedule when it failed alike. */
  private Optional<Schedule> attempt(Schedule candidate, String signature) {
    try (Simulator sim = builders.get().echo(false).replay(candidate).build()) {
      sim.start();
      Throwable failure = runTest(sim);
      if (failure == null
          || !FailureSignature.of(FailureMessages.rawMessage(failure)).equals(signature)) {
        return Optional.empty();
      }
      return Optional.of(sim.schedule());
    } catch (RuntimeException startFailed) {
      return Optional.empty();
    }
  }

  /** The shrunk run once more, for its report. */
  private Optional<Path> reportOf(Schedule shrunk, ExtensionContext context) {
    try (Simulator sim = builders.get().echo(false).replay(shrunk).build()) {
      sim.start();
      Throwable failure = runTest(sim);
      String why = failure == null ? "(it passed this time)" : FailureMessages.rawMessage(failure);
      return files.writeReport(sim, "-shrunk", why, context);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The test method on {@code sim}: its failure, or procsim's protocol check's; null when it
   * passed.
   */
  private Throwable runTest(Simulator sim) {
    List<Object> args = new ArrayList<>(arguments);
    args.replaceAll(arg -> arg instanceof Simulator ? sim : arg);
    try {
      method.setAccessible(true);
      method.invoke(target, args.toArray());
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return e;
    }
    List<LogEvent.ProtocolError> errors = sim.log().protocolErrors();
    if (!errors.isEmpty() && !allowProtocolErrors) {
      return new AssertionError(SimulationInvocation.protocolErrorsMessage(sim));
    }
    return null;
  }
}
