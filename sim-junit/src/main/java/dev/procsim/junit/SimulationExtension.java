package dev.procsim.junit;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.junit.internal.ComponentDeclarations;
import dev.procsim.junit.internal.FailureReport;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link SimulationTest @SimulationTest}. It only maps annotations
 * onto a {@link Simulator}: it builds and starts one before each simulation test, keeps it in the
 * test's {@link ExtensionContext.Store} (which closes it when the test is done, whatever happened),
 * injects it, fails the test on protocol errors, and adds the seed and the end of the message log
 * to every failure.
 *
 * <p>Registered by {@code @SimulationTest}; there is no need to name it.
 *
 * <pre>{@code
 * @SimulationTest
 * @Component(name = "echo", command = "cat")
 * void echoes(Simulator sim) { ... }
 * }</pre>
 */
public final class SimulationExtension
    implements BeforeEachCallback,
        ParameterResolver,
        AfterTestExecutionCallback,
        TestExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulationExtension.class);
  private static final String SIMULATOR = "simulator";

  /** Creates the extension; JUnit does this. */
  public SimulationExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    SimulationTest settings = settings(method);
    if (settings == null) {
      return;
    }
    if (settings.logTail() < 1) {
      throw new ExtensionConfigurationException(
          context.getRequiredTestClass().getSimpleName()
              + "."
              + method.getName()
              + "(): @SimulationTest(logTail = "
              + settings.logTail()
              + ") must be at least 1");
    }
    List<ComponentSpec> specs =
        ComponentDeclarations.forTest(context.getRequiredTestClass(), method);
    Simulator.Builder builder = Simulator.builder().echo(settings.echo());
    specs.forEach(builder::component);
    Simulator sim = builder.build();
    // In the store before it starts: the store closes it even when start() fails half-way.
    context.getStore(NAMESPACE).put(SIMULATOR, sim);
    context.publishReportEntry("procsim.seed", Long.toString(sim.seed()));
    sim.start();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class
        && context.getTestMethod().map(SimulationExtension::settings).isPresent();
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
    SimulationTest settings = settings(context.getRequiredTestMethod());
    List<LogEvent.ProtocolError> errors = sim.log().protocolErrors();
    if (!errors.isEmpty() && !settings.allowProtocolErrors()) {
      throw new AssertionError(
          "the simulation recorded "
              + errors.size()
              + " protocol error"
              + (errors.size() == 1 ? "" : "s")
              + " (allow them with @SimulationTest(allowProtocolErrors = true)); first: "
              + errors.get(0).describe()
              + "\n"
              + FailureReport.of(sim, settings.logTail()));
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Simulator sim = simulator(context);
    if (sim == null || failure instanceof TestAbortedException) {
      throw failure;
    }
    String report = FailureReport.of(sim, settings(context.getRequiredTestMethod()).logTail());
    String message = (failure.getMessage() == null ? failure.toString() : failure.getMessage());
    Throwable reported;
    if (failure instanceof AssertionFailedError original && original.isExpectedDefined()) {
      // Keeps expected and actual, so IDEs still offer their comparison view.
      reported =
          new AssertionFailedError(
              message + "\n\n" + report,
              original.getExpected().getValue(),
              original.getActual().getValue(),
              failure);
    } else if (failure instanceof AssertionError) {
      reported = new AssertionError(message + "\n\n" + report, failure);
    } else {
      reported = new AssertionError(failure + "\n\n" + report, failure);
    }
    // The failure points where the original did, not into this extension.
    reported.setStackTrace(failure.getStackTrace());
    throw reported;
  }

  private static Simulator simulator(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(SIMULATOR, Simulator.class);
  }

  private static SimulationTest settings(Method method) {
    return AnnotationSupport.findAnnotation(method, SimulationTest.class).orElse(null);
  }
}
