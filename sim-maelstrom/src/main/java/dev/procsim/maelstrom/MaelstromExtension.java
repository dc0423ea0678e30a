package dev.procsim.maelstrom;

import dev.procsim.check.Verdict;
import dev.procsim.core.Durations;
import dev.procsim.junit.internal.TimeBudget;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the workload of a {@link MaelstromTest} once per test, before its method, injects the result
 * and fails the test when the verdict is not the expected one. Registered by the annotation.
 *
 * <pre>{@code
 * @MaelstromTest(workload = "echo", bin = {"python3", "echo.py"})
 * void echoes(MaelstromResult result) {}
 * }</pre>
 */
public final class MaelstromExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MaelstromExtension.class);

  /** The configuration parameter (or system property) that reruns one seed. */
  static final String SEED_PARAMETER = "procsim.seed";

  /** The configuration parameter that shrinks every failing stepped run, within a time budget. */
  static final String SHRINK_PARAMETER = "procsim.shrink";

  /** Creates the extension; JUnit does this. */
  public MaelstromExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MaelstromResult.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return result(context);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    MaelstromResult result = result(context);
    MaelstromTest test = annotation(context);
    if (result.verdict() != test.expect()) {
      invocation.skip();
      throw new AssertionFailedError(
          "expected a "
              + test.expect()
              + " run, but it was "
              + result.summary()
              + "\nrun this test again with its seed: mvn test -Dtest='"
              + context.getRequiredTestClass().getSimpleName()
              + "#"
              + context.getRequiredTestMethod().getName()
              + "' -D"
              + SEED_PARAMETER
              + "="
              + result.seed());
    }
    invocation.proceed();
  }

  private static MaelstromResult result(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("result", key -> run(context), MaelstromResult.class);
  }

  private static MaelstromTest annotation(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), MaelstromTest.class)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    context.getDisplayName() + ": MaelstromExtension needs @MaelstromTest"));
  }

  private static MaelstromResult run(ExtensionContext context) {
    MaelstromTest test = annotation(context);
    String where =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getRequiredTestMethod().getName();
    MaelstromRun.Builder run;
    try {
      run =
          MaelstromRun.builder()
              .workload(test.workload())
              .bin(test.bin())
              .nodeCount(test.nodeCount())
              .timeLimit(Durations.parse(test.timeLimit()))
              .rate(test.rate())
              .concurrency(test.concurrency())
              .latency(Durations.parse(test.latency()))
              .latencyDistribution(test.latencyDist())
              .loss(test.loss())
              .duplication(test.duplication())
              .nemesis(test.nemesis())
              .nemesisInterval(Durations.parse(test.nemesisInterval()))
              .topology(test.topology())
              .keyCount(test.keyCount())
              .consistency(test.consistency())
              .recovery(Durations.parse(test.recovery()))
              .logStderr(test.logStderr());
      if (!test.availability().isEmpty()) {
        run.availability(test.availability());
      }
      Optional<Long> seed = seed(context);
      if (seed.isPresent()) {
        run.seed(seed.get());
      } else if (test.seed() != MaelstromTest.RANDOM_SEED) {
        run.seed(test.seed());
      }
      if (test.stepped()) {
        run.stepped();
      }
      if (!test.replay().isBlank()) {
        run.replay(Path.of(test.replay()));
      }
      shrinkBudget(context, test).ifPresent(run::shrink);
      run.settings(); // every setting checked here, so a wrong one is the annotation's error
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": @MaelstromTest: " + e.getMessage(), e);
    }
    MaelstromResult result = run.run();
    context.publishReportEntry("procsim.seed", Long.toString(result.seed()));
    result
        .shrunk()
        .flatMap(MaelstromResult.Shrunk::schedule)
        .ifPresent(file -> context.publishReportEntry("procsim.schedule", file.toString()));
    result
        .directory()
        .ifPresent(dir -> context.publishReportEntry("procsim.maelstrom.results", dir.toString()));
    return result;
  }

  /** The annotation's budget, else the build's; none when the test expects a run that fails. */
  private static Optional<Duration> shrinkBudget(ExtensionContext context, MaelstromTest test) {
    if (test.expect() != Verdict.VALID) {
      return Optional.empty();
    }
    String budget =
        !test.shrink().isBlank()
            ? test.shrink()
            : context
                .getConfigurationParameter(SHRINK_PARAMETER)
                .filter(b -> !b.isBlank() && !b.strip().equals("off"))
                .orElse("");
    if (budget.isBlank()) {
      return Optional.empty();
    }
    Duration parsed = TimeBudget.duration(budget);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "the shrinking budget \"" + budget + "\" is not one: " + TimeBudget.FORMS);
    }
    return Optional.of(parsed);
  }

  private static Optional<Long> seed(ExtensionContext context) {
    Optional<String> text = context.getConfigurationParameter(SEED_PARAMETER);
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException(
          SEED_PARAMETER + " = \"" + text.get() + "\" is not a seed: write a whole number", e);
    }
  }
}
