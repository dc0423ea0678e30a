package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Simulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Stepped simulation tests and the determinism check, through the engine. */
class SteppedExtensionTest {
  private static final String ECHO_WITH_ACKS =
      "import os, sys\nack = os.environ['PROCSIM_ACK']\nprint(ack)\n"
          + "for line in sys.stdin:\n    print('got ' + line.strip())\n    print(ack)\n";
  private static final String RANDOM_WITH_ACKS =
      "import os, sys, random\nack = os.environ['PROCSIM_ACK']\nprint(ack)\n"
          + "for line in sys.stdin:\n    print(random.random())\n    print(ack)\n";

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  static class Deterministic {
    @SimulationTest(seed = 3, stepped = true, checkDeterminism = true, echo = false)
    @Component(
        name = "a",
        command = {"python3", "-c", ECHO_WITH_ACKS},
        acks = true)
    @Component(
        name = "b",
        command = {"python3", "-c", ECHO_WITH_ACKS},
        acks = true)
    void sameLogTwice(Simulator sim) {
      assertThat(sim.isStepped()).isTrue();
      for (int i = 0; i < 5; i++) {
        sim.send("test", i % 2 == 0 ? "a" : "b", "m" + i);
      }
      sim.awaitQuiescence(Duration.ofSeconds(30));
    }
  }

  @Test
  void aDeterministicSteppedTestRunsTwiceAndPasses() {
    EngineExecutionResults results = run(Deterministic.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    results
        .testEvents()
        .started()
        .assertThatEvents()
        .haveExactly(1, event(displayName("seed 3")))
        .haveExactly(1, event(displayName("seed 3 (again, compared)")));
  }

  static class NotDeterministic {
    @SimulationTest(seed = 4, stepped = true, checkDeterminism = true, echo = false)
    @Component(
        name = "dice",
        command = {"python3", "-c", RANDOM_WITH_ACKS},
        acks = true)
    void unseededRandomness(Simulator sim) {
      sim.send("test", "dice", "roll");
      sim.awaitQuiescence(Duration.ofSeconds(30));
    }
  }

  @Test
  void aComponentUsingItsOwnRandomnessFailsTheCheckShowingTheFirstDifference() {
    run(NotDeterministic.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(displayName("seed 4"), finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                displayName("seed 4 (again, compared)"),
                finishedWithFailure(
                    message(m -> m.contains("two runs with seed 4 gave different logs")),
                    message(m -> m.contains("the logs differ at logical entry")),
                    message(m -> m.contains("first:  output dice: 0.")),
                    message(m -> m.contains("second: output dice: 0.")),
                    message(m -> m.contains("@SimulationTest(seed = 4L)")))));
  }

  static class CheckWithoutStepping {
    @SimulationTest(checkDeterminism = true)
    @Component(name = "a", command = "cat")
    void misconfigured(Simulator sim) {}
  }

  @Test
  void theCheckNeedsASteppedRun() {
    run(CheckWithoutStepping.class)
        .containerEvents()
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("checkDeterminism = true) needs stepped = true")))));
  }
}
