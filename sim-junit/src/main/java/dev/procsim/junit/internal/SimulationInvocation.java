package dev.procsim.junit.internal;

import dev.procsim.core.MessageLog;
import dev.procsim.core.Simulator;
import dev.procsim.junit.SimulationTest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * One invocation of a simulation test, with its seed: builds the simulator before the test, keeps
 * it in the store (closed whatever happens), starts it inside the first {@code @BeforeEach} method
 * or the test method (so that the test's {@code @Timeout} covers the start), injects it, checks
 * protocol errors after the test, and adds the seed, the rerun recipe and the end of the log to a
 * failure.
 *
 * <pre>{@code
 * List<Extension> extensions =
 *     List.of(new SimulationInvocation(seed, settings, Run.ONLY, Optional.empty(), sweep, options));
 * }</pre>
 */
public final class SimulationInvocation
    implements BeforeEachCallback,
        ParameterResolver,
        AfterTestExecutionCallback,
        InvocationInterceptor,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler,
        TestWatcher {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulationInvocation.class);
  private static final String SIMULATOR = "simulator";
  private static final String STARTED = "started";
  private static final String SHRUNK = "shrunk";
  private static final String PARALLEL_PARAMETER = "junit.jupiter.execution.parallel.enabled";

  /** Which run of a seed this is, for the determinism check. */
  public enum Run {
    /** The seed runs once. */
    ONLY,
    /** The first of two runs: its log is kept. */
    FIRST,
    /** The second run: its log must equal the first's. */
    REPEAT
  }

  private final long seed;
  private final SimulationTest settings;
  private final Run run;
  private final Optional<RegressionFile> regressions;
  private final Sweep sweep;
  private final RunOptions options;

  /**
   * The invocation of a test annotated with {@code settings}, with {@code seed}, as {@code run}, in
   * {@code sweep}, with {@code options} (replay, report, shrink).
   */
  public SimulationInvocation(
      long seed,
      SimulationTest settings,
      Run run,
      Optional<RegressionFile> regressions,
      Sweep sweep,
      RunOptions options) {
    this.seed = seed;
    this.settings = settings;
    this.run = run;
    this.regressions = regressions;
    this.sweep = sweep;
    this.options = options;
  }

  /**
   * A failing seed is remembered, to run first next time (whatever failed: test or procsim), once a
   * simulation ran with it: a misconfigured test fails with every seed alike.
   */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (simulator(context) != null) {
      regressions.ifPresent(file -> file.record(seed, cause.getMessage()));
    }
    ended(context, SeedResult.Outcome.FAILED, cause.getMessage());
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    ended(context, SeedResult.Outcome.PASSED, null);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    ended(context, SeedResult.Outcome.ABORTED, null);
  }

  /** Disabled (an execution condition on the invocation): it ran no seed, and holds nothing. */
  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    if (run == Run.FIRST) {
      firstLog(context).complete(null);
    }
    sweep.released();
  }

  /** Tells the sweep, and lets a second run of the seed waiting for this first one go on. */
  private void ended(ExtensionContext context, SeedResult.Outcome outcome, String message) {
    if (run == Run.FIRST) {
      firstLog(context).complete(null); // no log kept (the run failed early): nothing to compare
    }
    sweep.finished(label(), seed, outcome, message);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sweep.started(label());
    Method method = context.getRequiredTestMethod();
    Class<?> testClass = context.getRequiredTestClass();
    if (settings.logTail() < 1) {
      throw new ExtensionConfigurationException(
          TestNames.of(testClass, method)
              + ": @SimulationTest(logTail = "
              + settings.logTail()
              + ") must be at least 1");
    }
    Simulator.Builder builder = builder(context);
    if (runsInParallel(context)) {
      // Tests running at once share the console: each echoed line says whose it is.
      builder.echoPrefix("[" + TestNames.of(testClass, method) + " " + label() + "] ");
    }
    Simulator sim = builder.build();
    // In the store before it starts: the store closes it even when start() fails half-way.
    context.getStore(NAMESPACE).put(SIMULATOR, sim);
    context.publishReportEntry("procsim.seed", Long.toString(sim.seed()));
    // Started later, inside the first @BeforeEach method or the test method, where JUnit's
    // @Timeout reaches: starting a stepped run can take a step timeout per component.
  }

  /** A builder of this test's simulator: its components, faults and settings, its seed. */
  private Simulator.Builder builder(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Class<?> testClass = context.getRequiredTestClass();
    List<DeclaredComponent> components =
        ComponentDeclarations.forTest(
            testClass, method, context.getRequiredTestInstances().getAllInstances());
    Simulator.Builder builder =
        Simulator.builder()
            .seed(seed)
            .echo(settings.echo())
            .network(FaultAnnotations.network(testClass, method));
    FaultAnnotations.nemesis(testClass, method).ifPresent(builder::nemesis);
    if (settings.stepped()) {
      builder.stepped();
    }
    if (settings.senderNames()) {
      builder.senderNames();
    }
    options.replay().ifPresent(builder::replay);
    components.forEach(component -> component.addTo(builder));
    return builder;
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    started(context);
    invocation.proceed();
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    started(context);
    try {
      invocation.proceed();
    } catch (Throwable failure) {
      shrink(failure, invocationContext, context);
      throw failure;
    }
  }

  /**
   * When asked to, shrinks the failed stepped run to the faults it needs (while its simulator is
   * still open) and keeps what was found for the failure's text.
   */
  private void shrink(
      Throwable failure, ReflectiveInvocationContext<Method> invocation, ExtensionContext context) {
    Simulator sim = simulator(context);
    if (sim == null || options.shrink().isEmpty() || failure instanceof TestAbortedException) {
      return;
    }
    String found;
    if (!sim.isStepped()) {
      found =
          "not shrunk: shrinking replays schedules, which stepped runs record:"
              + " @SimulationTest(stepped = true)";
    } else {
      found =
          new FailureShrink(
                  () -> builder(context),
                  context.getRequiredTestClass(),
                  invocation.getExecutable(),
                  invocation.getTarget().orElse(null),
                  invocation.getArguments(),
                  settings.allowProtocolErrors(),
                  artifacts(context))
              .shrink(failure, sim.schedule(), options.shrink().get(), context);
    }
    context.getStore(NAMESPACE).put(SHRUNK, found);
  }

  private RunArtifacts artifacts(ExtensionContext context) {
    return new RunArtifacts(
        options.root(), context.getRequiredTestClass(), context.getRequiredTestMethod());
  }

  /** Starts the simulator, once: before the first @BeforeEach method, else before the test. */
  private static void started(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Simulator sim = store.get(SIMULATOR, Simulator.class);
    if (sim != null && store.getOrDefault(STARTED, Boolean.class, false) == Boolean.FALSE) {
      store.put(STARTED, true); // a failed start is not tried again
      sim.start();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Simulator sim = simulator(context);
    if (sim == null) {
      throw new ParameterResolutionException(
          "no simulator for "
              + parameter.getDeclaringExecutable().getName()
              + ": a Simulator can be injected into a @SimulationTest method (or a @BeforeEach"
              + " or @AfterEach method around it)");
    }
    return sim;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Simulator sim = simulator(context);
    if (sim == null || context.getExecutionException().isPresent()) {
      return;
    }
    checkDeterminism(sim, context);
    if (!sim.log().protocolErrors().isEmpty() && !settings.allowProtocolErrors()) {
      throw failure(sim, context, protocolErrorsMessage(sim));
    }
    if (options.report() == SimulationTest.Report.ALWAYS) {
      artifacts(context).writeReport(sim, "", null, context);
    }
  }

  /** Why a run with protocol errors fails, unless the test allows them. */
  static String protocolErrorsMessage(Simulator sim) {
    long count = sim.log().protocolErrorCount();
    return "the simulation recorded "
        + count
        + " protocol error"
        + (count == 1 ? "" : "s")
        + " (allow them with @SimulationTest(allowProtocolErrors = true)); first: "
        + sim.log().protocolErrors().get(0).describe();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Simulator sim = simulator(context);
    if (sim == null || failure instanceof TestAbortedException) {
      throw failure;
    }
    String raw = FailureMessages.rawMessage(failure);
    throw FailureMessages.rewrite(
        failure,
        sim,
        label(),
        recipe(sim, context) + afterFailure(sim, context, raw),
        settings.logTail());
  }

  /**
   * What a failure adds after the rerun recipe: where its report is (written now, unless the test
   * says never), and what shrinking found.
   */
  private String afterFailure(Simulator sim, ExtensionContext context, String failure) {
    StringBuilder text = new StringBuilder();
    if (options.report() != SimulationTest.Report.NEVER) {
      artifacts(context)
          .writeReport(sim, "", failure, context)
          .ifPresent(page -> text.append("\nreport: ").append(page));
    }
    String shrunk = context.getStore(NAMESPACE).get(SHRUNK, String.class);
    if (shrunk != null) {
      text.append('\n').append(shrunk);
    }
    return text.toString();
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    handleTestExecutionException(context, failure);
  }

  /** Whether JUnit runs tests in parallel ({@code junit.jupiter.execution.parallel.enabled}). */
  private static boolean runsInParallel(ExtensionContext context) {
    return context
        .getConfigurationParameter(PARALLEL_PARAMETER)
        .map(Boolean::parseBoolean)
        .orElse(false);
  }

  /** The run as failures name it: "seed 42", "seed 42 (again, compared)". */
  private String label() {
    return "seed " + seed + (run == Run.REPEAT ? " (again, compared)" : "");
  }

  private static String recipe(Simulator sim, ExtensionContext context) {
    return FailureReport.rerunRecipe(
        sim.seed(), context.getRequiredTestClass(), context.getRequiredTestMethod());
  }

  /** Keeps the first run's logical log as the test ended; compares the second run's with it. */
  private void checkDeterminism(Simulator sim, ExtensionContext context) {
    if (run == Run.ONLY) {
      return;
    }
    if (run == Run.FIRST) {
      firstLog(context).complete(sim.log().logicalEntries());
      return;
    }
    List<String> first = awaitFirstLog(context);
    if (first == null) {
      return; // the first run failed before its log was kept; its failure says why
    }
    Optional<String> difference = MessageLog.firstDifference(first, sim.log().logicalEntries());
    if (difference.isPresent()) {
      throw failure(
          sim,
          context,
          "two runs with seed "
              + seed
              + " gave different logs: "
              + difference.get()
              + "\n(a component that reads the clock, uses randomness not drawn from PROCSIM_SEED,"
              + " iterates a hash-ordered collection (procsim fixes PYTHONHASHSEED for Python; other"
              + " runtimes randomise hashes their own way), or races threads is not deterministic;"
              + " so is one the stepper could not see idle)");
    }
  }

  /**
   * The first run's log, shared with the second through the template's store. In parallel the two
   * runs of a seed can overlap; the second waits for the first (a managed block: JUnit's pool adds
   * a thread instead of starving the first run).
   */
  @SuppressWarnings("unchecked")
  private CompletableFuture<List<String>> firstLog(ExtensionContext context) {
    ExtensionContext.Store shared = context.getParent().orElseThrow().getStore(NAMESPACE);
    return shared.getOrComputeIfAbsent(
        "first-log-" + seed, key -> new CompletableFuture<List<String>>(), CompletableFuture.class);
  }

  private List<String> awaitFirstLog(ExtensionContext context) {
    CompletableFuture<List<String>> first = firstLog(context);
    try {
      ForkJoinPool.managedBlock(
          new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
              try {
                first.get();
              } catch (ExecutionException impossible) {
                // completed only with values
              }
              return true;
            }

            @Override
            public boolean isReleasable() {
              return first.isDone();
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    // Removed once compared: a long sweep keeps no more than one log per seed in flight.
    context.getParent().orElseThrow().getStore(NAMESPACE).remove("first-log-" + seed);
    return first.getNow(null);
  }

  /** A failure of procsim's own checks, worded like the test's failures. */
  private AssertionError failure(Simulator sim, ExtensionContext context, String message) {
    return new AssertionError(
        FailureMessages.compose(
            message,
            sim,
            label(),
            recipe(sim, context) + afterFailure(sim, context, message),
            settings.logTail()));
  }

  private static Simulator simulator(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(SIMULATOR, Simulator.class);
  }
}
