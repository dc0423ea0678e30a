package dev.procsim.junit;

import dev.procsim.core.Simulator;
import dev.procsim.junit.internal.ParallelSettings;
import dev.procsim.junit.internal.RegressionFile;
import dev.procsim.junit.internal.RunOptions;
import dev.procsim.junit.internal.SeedPlan;
import dev.procsim.junit.internal.SimulationInvocation;
import dev.procsim.junit.internal.Sweep;
import dev.procsim.junit.internal.SweepShard;
import dev.procsim.junit.internal.TestNames;
import dev.procsim.junit.internal.TimeBudget;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SimulationTest @SimulationTest}. It only maps annotations
 * onto a {@link dev.procsim.core.Simulator}: it turns each simulation test into one invocation per
 * seed (named by its seed), and for each invocation builds a simulator and starts it just before
 * the first {@code @BeforeEach} method or the test method (within the test's {@code @Timeout}),
 * keeps it in the test's {@link ExtensionContext.Store} (which closes it when the test is done,
 * whatever happened), injects it, fails the test on protocol errors, and adds the seed, the rerun
 * recipe and the end of the message log to every failure.
 *
 * <p>Registered by {@code @SimulationTest}; there is no need to name it.
 *
 * <pre>{@code
 * @SimulationTest(runs = 3)
 * @Component(name = "echo", command = "cat")
 * void echoes(Simulator sim) { ... }   // runs as "seed 8812...", "seed -1203...", "seed 4471..."
 * }</pre>
 */
public final class SimulationExtension
    implements TestTemplateInvocationContextProvider, ParameterResolver {

  /** Creates the extension; JUnit does this. */
  public SimulationExtension() {}

  /**
   * A shard may hold none of a test's seeds (a test of one seed, cut in four): that shard runs the
   * test zero times, which is right, not a failure.
   */
  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return parameter(context, SweepShard.PARAMETER).filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().flatMap(SimulationExtension::settings).isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Class<?> testClass = context.getRequiredTestClass();
    SimulationTest settings = settings(method).orElseThrow();
    Optional<RegressionFile> regressions =
        RegressionFile.of(parameter(context, RegressionFile.PARAMETER), testClass, method);
    String testName = TestNames.of(testClass, method);
    RunOptions options = RunOptions.of(settings, name -> parameter(context, name), testName);
    SeedPlan.Parameters parameters =
        new SeedPlan.Parameters(
            parameter(context, SeedPlan.SEED_PARAMETER),
            parameter(context, SeedPlan.SWEEP_SEED_PARAMETER),
            parameter(context, SweepShard.PARAMETER));
    // A rerun of one seed (procsim.seed) has no budget: it is one run.
    Optional<Duration> budget =
        parameters.seed().filter(s -> !s.isBlank()).isPresent() || options.replay().isPresent()
            ? Optional.empty()
            : TimeBudget.parse(settings.time(), testName);
    boolean endless = budget.isPresent() && settings.runs() == 1;
    // A replayed schedule is one run, with the schedule's seed.
    Stream<Long> planned =
        options.replay().isPresent()
            ? Stream.of(options.replay().get().seed())
            : SeedPlan.seeds(
                settings,
                parameters,
                regressions.map(RegressionFile::seeds).orElse(List.of()),
                testName,
                endless);
    List<Long> counted = endless ? null : planned.toList();
    Stream<Long> seeds = endless ? planned : counted.stream();
    if (settings.checkDeterminism() && !settings.stepped()) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          TestNames.of(testClass, method)
              + ": @SimulationTest(checkDeterminism = true) needs stepped = true: only stepped runs"
              + " are deterministic");
    }
    List<SimulationInvocation.Run> runs =
        settings.checkDeterminism()
            ? List.of(SimulationInvocation.Run.FIRST, SimulationInvocation.Run.REPEAT)
            : List.of(SimulationInvocation.Run.ONLY);
    Sweep sweep =
        new Sweep(
                testClass.getName() + "#" + method.getName(),
                testName,
                parameters.shard().filter(s -> !s.isBlank()).map(String::strip).orElse(null),
                endless ? -1 : counted.size(),
                budget,
                Path.of(parameter(context, Sweep.REPORTS_PARAMETER).orElse(Sweep.DEFAULT_REPORTS)),
                System.out,
                ParallelSettings.inFlightLimit(context))
            .progressEvery(parameter(context, Sweep.PROGRESS_PARAMETER));
    // The template's store closes the sweep, which prints and writes its summary, once every
    // invocation is done.
    context
        .getStore(ExtensionContext.Namespace.create(SimulationExtension.class))
        .put(Sweep.class, sweep);
    return seeds
        .flatMap(seed -> runs.stream().map(run -> new PlannedRun(seed, run)))
        // The budget is checked once a worker is free for the seed, not before it waits for one.
        .peek(next -> sweep.handOut())
        .takeWhile(next -> sweep.hasTimeLeft())
        .map(next -> invocation(next.seed(), next.run(), settings, regressions, sweep, options));
  }

  /** One invocation to come: a seed, and which of its runs. */
  private record PlannedRun(long seed, SimulationInvocation.Run run) {}

  /**
   * A configuration parameter, else the system property of that name: JUnit's launcher reads system
   * properties as parameters, but not every way of running JUnit does.
   */
  private static Optional<String> parameter(ExtensionContext context, String name) {
    return context
        .getConfigurationParameter(name)
        .or(() -> Optional.ofNullable(System.getProperty(name)));
  }

  private static TestTemplateInvocationContext invocation(
      long seed,
      SimulationInvocation.Run run,
      SimulationTest settings,
      Optional<RegressionFile> regressions,
      Sweep sweep,
      RunOptions options) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "seed "
            + seed
            + (run == SimulationInvocation.Run.REPEAT ? " (again, compared)" : "")
            + (options.replay().isPresent() ? " (replaying " + options.replaySource() + ")" : "");
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new SimulationInvocation(seed, settings, run, regressions, sweep, options));
      }
    };
  }

  /**
   * Claims a {@link Simulator} parameter only where no simulator exists (outside a
   * {@code @SimulationTest}, whose invocations inject their own), to say so instead of JUnit's
   * generic "no ParameterResolver registered". Registered there by the class's {@code @Component},
   * {@code @NetworkFaults} or {@code @NemesisFaults}.
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class
        && context.getTestMethod().flatMap(SimulationExtension::settings).isEmpty();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String where =
        parameter.getDeclaringExecutable().getName()
            + context
                .getTestMethod()
                .map(test -> " (around the test " + test.getName() + ")")
                .orElse("");
    throw new ParameterResolutionException(
        "no Simulator for "
            + where
            + ": a Simulator exists only for @SimulationTest methods; it is injected into the"
            + " method and into the @BeforeEach and @AfterEach methods around it. Annotate the test"
            + " with @SimulationTest instead of @Test (a constructor or @BeforeAll method cannot"
            + " take one: each invocation has a simulator of its own)");
  }

  private static java.util.Optional<SimulationTest> settings(Method method) {
    return AnnotationSupport.findAnnotation(method, SimulationTest.class);
  }
}
