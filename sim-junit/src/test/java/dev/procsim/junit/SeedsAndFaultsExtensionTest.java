package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Seeds (fixed, repeated, overridden), rerun recipes and fault annotations, through the engine. */
class SeedsAndFaultsExtensionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  static final List<Simulator> SEEN = new CopyOnWriteArrayList<>();
  static final List<Long> FROM_SEVEN = new CopyOnWriteArrayList<>();

  private static EngineExecutionResults run(Class<?> testClass, String... seedOverride) {
    SEEN.clear();
    FROM_SEVEN.clear();
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
    if (seedOverride.length > 0) {
      kit.configurationParameter("procsim.seed", seedOverride[0]);
    }
    EngineExecutionResults results = kit.execute();
    for (Simulator sim : SEEN) {
      assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    }
    return results;
  }

  private static List<Long> seeds() {
    return SEEN.stream().map(Simulator::seed).toList();
  }

  static class FixedSeed {
    @SimulationTest(seed = 42, echo = false)
    @Component(name = "a", command = "cat")
    void fixed(Simulator sim) {
      SEEN.add(sim);
    }
  }

  @Test
  void aFixedSeedIsUsedAndNamesTheInvocation() {
    EngineExecutionResults results = run(FixedSeed.class);
    results
        .testEvents()
        .started()
        .assertThatEvents()
        .haveExactly(1, event(test("fixed"), displayName("seed 42")));
    assertThat(seeds()).containsExactly(42L);
  }

  static class Repeated {
    @SimulationTest(runs = 4, echo = false)
    @Component(name = "a", command = "cat")
    void repeated(Simulator sim) {
      SEEN.add(sim);
    }

    @SimulationTest(runs = 3, seed = 7, echo = false)
    @Component(name = "a", command = "cat")
    void repeatedFromAFixedSeed(Simulator sim) {
      SEEN.add(sim);
      FROM_SEVEN.add(sim.seed());
    }
  }

  @Test
  void runsRunsTheTestWithDifferentSeedsEachNamedByItsSeed() {
    EngineExecutionResults results = run(Repeated.class);
    results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7));
    assertThat(seeds()).doesNotHaveDuplicates().hasSize(7).contains(7L);
    for (long seed : seeds()) {
      results
          .testEvents()
          .started()
          .assertThatEvents()
          .haveExactly(1, event(test(), displayName("seed " + seed)));
    }
    List<Long> fromSeven =
        SEEN.stream().filter(s -> s.components().size() == 1).map(Simulator::seed).toList();
    assertThat(fromSeven).isNotEmpty();
    // A fixed first seed always gives the same later seeds.
    List<Long> first = List.copyOf(FROM_SEVEN);
    assertThat(first).hasSize(3).startsWith(7L);
    run(Repeated.class);
    assertThat(FROM_SEVEN).isEqualTo(first);
  }

  @Test
  void theSeedParameterRerunsOneSeedWithoutTouchingTheCode() {
    EngineExecutionResults results = run(Repeated.class, "-1234");
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(seeds()).containsExactly(-1234L, -1234L);
  }

  @Test
  void aSeedParameterThatIsNotANumberIsAConfigurationError() {
    run(FixedSeed.class, "forty-two")
        .containerEvents()
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("procsim.seed = \"forty-two\" is not a seed")))));
  }

  static class FailsWithSeed {
    @SimulationTest(seed = 99, echo = false)
    @Component(name = "a", command = "cat")
    void fails(Simulator sim) {
      SEEN.add(sim);
      assertThat(sim.components()).isEmpty();
    }
  }

  @Test
  void everyFailureSaysTheSeedAndExactlyHowToRerunIt() {
    run(FailsWithSeed.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("fails"),
                finishedWithFailure(
                    message(m -> m.contains("procsim: seed 99 (run ")),
                    message(
                        m ->
                            m.contains(
                                "rerun this seed: @SimulationTest(seed = 99L) on FailsWithSeed.fails(), or: mvn test -Dtest='SeedsAndFaultsExtensionTest$FailsWithSeed#fails' -Dprocsim.seed=99")))));
  }

  @NetworkFaults(loss = 1, injected = true)
  static class Lossy {
    @SimulationTest(echo = false, seed = 1)
    @Component(name = "a", command = "cat")
    void everythingIsLost(Simulator sim) {
      SEEN.add(sim);
      Message m = sim.send("test", "a", "x");
      assertThat(sim.log().awaitMessage(x -> x.id() == m.id() && x.fate().isFinal(), WAIT).fate())
          .isEqualTo(Fate.DROPPED);
    }

    @SimulationTest(echo = false, seed = 1)
    @NetworkFaults(latency = "20ms", duplication = 1, injected = true)
    @Component(name = "a", command = "cat")
    void theMethodsAnnotationWins(Simulator sim) {
      SEEN.add(sim);
      sim.send("test", "a", "x");
      sim.log()
          .awaitEvent(
              e ->
                  sim.log().messages().stream().filter(m -> m.fate() == Fate.DELIVERED).count()
                      == 2,
              WAIT);
      for (LogEvent e : sim.log().events()) {
        if (e instanceof LogEvent.Delivered d) {
          assertThat(d.nanos() - sim.log().message(d.messageId()).sentAtNanos())
              .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        }
      }
    }

    @SimulationTest(echo = false)
    @NetworkFaults(latency = "soon")
    @Component(name = "a", command = "cat")
    void badLatency(Simulator sim) {}
  }

  @Test
  void networkFaultsAnnotationsSetTheNetwork() {
    EngineExecutionResults results = run(Lossy.class);
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("badLatency"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains(
                                "Lossy.badLatency(): @NetworkFaults: \"soon\" is not a duration")))));
  }

  static class WithNemesis {
    @SimulationTest(echo = false)
    @NemesisFaults(interval = "5ms..20ms", faults = Nemesis.Fault.PAUSE)
    @Component(name = "a", command = "cat")
    @Component(name = "b", command = "cat")
    void nemesisRuns(Simulator sim) {
      SEEN.add(sim);
      sim.log()
          .awaitEvent(
              e ->
                  e instanceof LogEvent.FaultInjected f
                      && f.detail().startsWith("pause and later resume"),
              WAIT);
      sim.healAll();
      assertThat(sim.components()).noneMatch(dev.procsim.core.ComponentHandle::isPaused);
    }
  }

  @Test
  void nemesisFaultsAnnotationStartsANemesis() {
    run(WithNemesis.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(SEEN).hasSize(1);
  }
}
