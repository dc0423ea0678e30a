package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Fate;
import dev.procsim.core.Simulator;
import dev.procsim.junit.assertj.SimAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small simulation test classes through the JUnit engine and checks what JUnit reports. The
 * classes below are static nested classes, which Surefire does not run by itself.
 */
class SimulationExtensionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Run ids and seeds seen by the inner tests, keyed by test name. */
  static final Map<String, Simulator> SEEN = new ConcurrentHashMap<>();

  private static EngineExecutionResults run(Class<?> testClass) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static void assertNoProcessLeft() {
    assertThat(SEEN).isNotEmpty();
    for (Simulator sim : SEEN.values()) {
      assertThat(Simulator.processesOf(sim.runId())).as("processes of %s", sim.runId()).isEmpty();
      sim.components().forEach(c -> assertThat(c.isAlive()).as(c.name()).isFalse());
    }
  }

  // ---------------------------------------------------------------- a passing test

  @Component(name = "classLevel", command = "cat")
  static class Greeting {
    @SimulationTest(echo = false)
    @Component(
        name = "p1",
        command = {"python3", "-c", "print('send p2 Hello from p1')"})
    @Component(
        name = "p2",
        command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
    void p1GreetsP2(Simulator sim) {
      SEEN.put("p1GreetsP2", sim);
      sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, WAIT);
      SimAssertions.assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
      assertThat(sim.components())
          .extracting(dev.procsim.core.ComponentHandle::name)
          .containsExactly("classLevel", "p1", "p2");
    }

    @SimulationTest(echo = false)
    void classLevelComponentsJoinEveryTest(Simulator sim) {
      SEEN.put("classLevelOnly", sim);
      assertThat(sim.components())
          .extracting(dev.procsim.core.ComponentHandle::name)
          .containsExactly("classLevel");
    }
  }

  @Test
  void aPassingSimulationTestPassesWithClassAndMethodComponentsAndPublishesItsSeed() {
    EngineExecutionResults results = run(Greeting.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    List<ReportEntry> entries =
        results.allEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class))
            .toList();
    assertThat(entries)
        .extracting(e -> e.getKeyValuePairs().get("procsim.seed"))
        .containsExactlyInAnyOrder(
            Long.toString(SEEN.get("p1GreetsP2").seed()),
            Long.toString(SEEN.get("classLevelOnly").seed()));
    assertNoProcessLeft();
  }

  // ---------------------------------------------------------------- a failing test

  static class Failing {
    @SimulationTest(echo = false)
    @Component(
        name = "talker",
        command = {"sh", "-c", "echo 'send listener hi'; exec sleep 600"})
    @Component(
        name = "listener",
        command = {"sh", "-c", "trap '' TERM; sleep 600 & cat"})
    void expectsTheWrongBody(Simulator sim) {
      SEEN.put("failing", sim);
      sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, WAIT);
      SimAssertions.assertThat(sim.log()).hasDelivered("talker", "listener", "bye");
    }
  }

  @Test
  void aFailingSimulationTestFailsShowsItsSeedAndTheLogAndLeavesNothingRunning() {
    EngineExecutionResults results = run(Failing.class);
    Simulator sim = SEEN.get("failing");
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("expectsTheWrongBody"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(
                        m ->
                            m.contains(
                                "Expecting the log to show talker -> listener \"bye\" delivered")),
                    message(m -> m.contains("procsim: seed " + sim.seed())),
                    message(m -> m.contains("last entries of the message log")),
                    message(m -> m.contains("send #1 talker -> listener \"hi\"")))));
    assertNoProcessLeft();
  }

  // ---------------------------------------------------------------- protocol errors

  static class ProtocolErrors {
    @SimulationTest(echo = false)
    @Component(
        name = "p1",
        command = {"python3", "-c", "print('send p2, Hello from p1')"})
    @Component(
        name = "p2",
        command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
    void seedsExampleAsWritten(Simulator sim) {
      SEEN.put("strict", sim);
      sim.log().awaitMessage(m -> m.fate().isFinal(), WAIT);
    }

    @SimulationTest(echo = false, allowProtocolErrors = true)
    @Component(
        name = "p1",
        command = {"python3", "-c", "print('send p2, Hello from p1')"})
    @Component(name = "p2", command = "cat")
    void seedsExampleAsWrittenAllowed(Simulator sim) {
      SEEN.put("lenient", sim);
      sim.log().awaitMessage(m -> m.fate().isFinal(), WAIT);
      SimAssertions.assertThat(sim.log()).hasProtocolError("p1", "unknown target \"p2,\"");
    }
  }

  @Test
  void protocolErrorsFailTheTestUnlessAllowed() {
    EngineExecutionResults results = run(ProtocolErrors.class);
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("seedsExampleAsWritten"),
                finishedWithFailure(
                    message(m -> m.contains("the simulation recorded 1 protocol error")),
                    message(m -> m.contains("allowProtocolErrors = true")),
                    message(m -> m.contains("unknown target \"p2,\"")),
                    message(m -> m.contains("procsim: seed ")))))
        .haveExactly(1, event(test("seedsExampleAsWrittenAllowed"), finishedSuccessfully()));
    assertNoProcessLeft();
  }

  // ---------------------------------------------------------------- misconfiguration

  static class Misconfigured {
    @SimulationTest
    @Component(name = "", command = "cat")
    void emptyName(Simulator sim) {}

    @SimulationTest
    @Component(name = "a")
    void noCommand(Simulator sim) {}

    @SimulationTest
    @Component(name = "a", command = "cat")
    @Component(name = "a", command = "cat")
    void duplicate(Simulator sim) {}

    @SimulationTest
    void noComponents(Simulator sim) {}

    @SimulationTest
    @Component(name = "a", command = "cat", env = "NOEQUALS")
    void badEnv(Simulator sim) {}
  }

  @Test
  void misconfiguredAnnotationsAreConfigurationErrorsNamingTheTestAndTheAnnotation() {
    EngineExecutionResults results = run(Misconfigured.class);
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            configurationError(
                "emptyName",
                "Misconfigured.emptyName(): @Component(name = \"\") on method emptyName(): a component name is empty"))
        .haveExactly(
            1,
            configurationError(
                "noCommand",
                "Misconfigured.noCommand(): @Component(name = \"a\") on method noCommand() has no command"))
        .haveExactly(
            1,
            configurationError(
                "duplicate",
                "Misconfigured.duplicate(): duplicate @Component(name = \"a\") on method duplicate()"))
        .haveExactly(
            1,
            configurationError(
                "noComponents",
                "Misconfigured.noComponents(): a @SimulationTest needs at least one @Component"))
        .haveExactly(
            1, configurationError("badEnv", "env entry \"NOEQUALS\" is not of the form KEY=VALUE"));
  }

  private static org.assertj.core.api.Condition<Event> configurationError(
      String test, String text) {
    return event(
        test(test),
        finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(text))));
  }

  // ---------------------------------------------------------------- start failure

  static class StartFailure {
    @SimulationTest(echo = false)
    @Component(
        name = "fine",
        command = {"sleep", "600"})
    @Component(name = "broken", command = "no-such-program-procsim")
    void neverRuns(Simulator sim) {}
  }

  @Test
  void aCommandThatCannotStartFailsTheTestNamingTheComponentAndLeavesNothingRunning() {
    EngineExecutionResults results = run(StartFailure.class);
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("neverRuns"),
                finishedWithFailure(
                    message(m -> m.startsWith("seed ")),
                    message(
                        m ->
                            m.contains(
                                "dev.procsim.core.SimulationException: component \"broken\":"
                                    + " cannot start")))));
    assertThat(Simulator.processesOf("procsim-" + ProcessHandle.current().pid() + "-")).isEmpty();
  }

  // ---------------------------------------------------------------- time-out

  static class TimesOut {
    @SimulationTest(echo = false)
    // The time-out covers the simulator's start too (a cold first start, under load, is slow):
    // long enough that the body is reached, which then hangs for good.
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    @Component(
        name = "stubborn",
        command = {"sh", "-c", "trap '' TERM; sleep 600 & sleep 600"})
    void hangs(Simulator sim) throws InterruptedException {
      SEEN.put("hangs", sim);
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }

  @Test
  void aTimedOutTestFailsWithItsSeedAndLeavesNothingRunning() {
    EngineExecutionResults results = run(TimesOut.class);
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("hangs"),
                finishedWithFailure(
                    message(m -> m.contains("timed out after 3 seconds")),
                    message(m -> m.contains("procsim: seed " + SEEN.get("hangs").seed())))));
    assertNoProcessLeft();
  }

  static class SteppedStartTimesOut {
    @SimulationTest(echo = false, stepped = true)
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    @Component(
        name = "spinner",
        command = {"sh", "-c", "while :; do :; done"})
    void neverIdle(Simulator sim) {
      SEEN.put("neverIdle", sim);
    }
  }

  @Test
  void theTestsTimeoutCoversStartingItsSimulator() {
    // Starting a stepped run waits for each component to be idle, up to the step timeout (10 s):
    // within the test's @Timeout of 1 s, the start is cut short and the test fails as timed out.
    EngineExecutionResults results = run(SteppedStartTimesOut.class);
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("neverIdle"),
                finishedWithFailure(
                    message(
                        m ->
                            m.startsWith("seed ")
                                && m.contains(
                                    ": neverIdle(dev.procsim.core.Simulator) timed out after 1"
                                        + " second, interrupted while starting the simulation"
                                        + " (waiting for spinner to be idle after it started)")))));
    assertThat(SEEN).isEmpty(); // the body never ran: the start did not finish
    assertThat(Simulator.processesOf("procsim-" + ProcessHandle.current().pid() + "-")).isEmpty();
  }

  // ---------------------------------------------------------------- lifecycle methods

  @Component(name = "echo", command = "cat")
  static class LifecycleMethods {
    static final List<String> CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void prepare(Simulator sim) {
      CALLS.add("before: started " + !sim.components().isEmpty());
      sim.send("test", "echo", "from @BeforeEach");
    }

    @SimulationTest(echo = false, seed = 5)
    void seesWhatBeforeEachSent(Simulator sim) {
      SEEN.put("lifecycle", sim);
      sim.log().awaitMessage("the line from @BeforeEach", m -> m.fate() == Fate.DELIVERED, WAIT);
      CALLS.add("test");
    }

    @org.junit.jupiter.api.AfterEach
    void after(Simulator sim) {
      CALLS.add("after: seed " + sim.seed());
    }

    @Test
    void aPlainTest() {
      CALLS.add("plain");
    }
  }

  @Test
  void beforeEachAndAfterEachMethodsGetTheStartedSimulatorAndPlainTestsRunAsUsual() {
    LifecycleMethods.CALLS.clear();
    EngineExecutionResults results = run(LifecycleMethods.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    // The plain @Test has no simulator: its @BeforeEach fails, saying why.
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("aPlainTest"),
                finishedWithFailure(
                    instanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class),
                    message(
                        m ->
                            m.startsWith("no Simulator for prepare (around the test aPlainTest):")
                                && m.contains(
                                    "a Simulator exists only for @SimulationTest methods")))));
    assertThat(LifecycleMethods.CALLS)
        .containsSubsequence("before: started true", "test", "after: seed 5");
    assertNoProcessLeft();
  }

  // ---------------------------------------------------------------- parallel execution

  static class EchoesInParallel {
    @SimulationTest(seed = 1)
    @Component(
        name = "greeter",
        command = {"sh", "-c", "echo hello; exec cat"})
    void first(Simulator sim) {
      sim.log().awaitEvent("greeter's hello", e -> e.describe().equals("greeter: hello"), WAIT);
    }

    @SimulationTest(seed = 2)
    @Component(
        name = "greeter",
        command = {"sh", "-c", "echo hello; exec cat"})
    void second(Simulator sim) {
      sim.log().awaitEvent("greeter's hello", e -> e.describe().equals("greeter: hello"), WAIT);
    }
  }

  @Test
  void underParallelExecutionEachEchoedLineNamesItsTestAndSeed() {
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      EngineTestKit.engine("junit-jupiter")
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
          .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
          .selectors(selectClass(EchoesInParallel.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.succeeded(2));
    } finally {
      System.setOut(original);
    }
    assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .contains(
            "[EchoesInParallel.first() seed 1] greeter: hello",
            "[EchoesInParallel.second() seed 2] greeter: hello");
  }

  // ---------------------------------------------------------------- nested classes

  @Component(name = "outer", command = "cat")
  static class Outer {
    @Nested
    @Component(name = "inner", command = "cat")
    class Inner {
      @SimulationTest(echo = false)
      @Component(name = "method", command = "cat")
      void seesAllLevels(Simulator sim) {
        SEEN.put("nested", sim);
        assertThat(sim.components())
            .extracting(dev.procsim.core.ComponentHandle::name)
            .containsExactly("outer", "inner", "method");
      }
    }
  }

  @Test
  void componentsOfEnclosingClassesJoinNestedTests() {
    EngineExecutionResults results = run(Outer.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertNoProcessLeft();
  }

  // ---------------------------------------------------------------- Java components

  static class JavaNodes {
    @SimulationTest(echo = false)
    @Component(name = "upper", main = UpperCaseNode.class)
    void aJavaMainClassRunsAsAComponent(Simulator sim) {
      SEEN.put("java", sim);
      sim.send("test", "upper", "shout");
      sim.log()
          .awaitEvent(
              e -> e instanceof dev.procsim.core.LogEvent.Output o && o.line().equals("SHOUT"),
              WAIT);
    }
  }

  @Test
  void javaComponentsRunFromTheTestClasspath() {
    EngineExecutionResults results = run(JavaNodes.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertNoProcessLeft();
  }

  @Test
  void aSingleMethodCanBeSelected() {
    SEEN.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(
            selectMethod(
                Greeting.class, "classLevelComponentsJoinEveryTest", Simulator.class.getName()))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
    assertNoProcessLeft();
  }
}
