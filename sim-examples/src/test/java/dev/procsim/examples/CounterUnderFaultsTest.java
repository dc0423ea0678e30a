package dev.procsim.examples;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.NemesisFaults;
import dev.procsim.junit.NetworkFaults;
import dev.procsim.junit.SimAwait;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A naive protocol failing under faults, and a robust one passing: a client adds 100 to a counter
 * over a lossy network. The naive client sends each increment once, so every lost message is a lost
 * update; the seed says exactly which were lost, and the same seed loses the same ones again. The
 * robust client retries until each increment is acknowledged and the counter ignores repeats, so it
 * reaches exactly 100 despite loss, duplication, latency, partitions and pauses.
 */
class CounterUnderFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int INCREMENTS = 100;

  private static int lastTotal(Simulator sim) {
    List<String> output = sim.component("counter").output();
    return output.isEmpty() ? 0 : Integer.parseInt(output.get(output.size() - 1).split(" ")[1]);
  }

  /** Waits until every increment the naive client sent has its fate and the counter has counted. */
  private static void awaitNaiveRunSettled(Simulator sim) {
    sim.log()
        .awaitEvent(
            e -> e instanceof LogEvent.Output o && o.line().equals("sent " + INCREMENTS), WAIT);
    sim.log()
        .awaitEvent(
            e -> {
              List<Message> incs = sim.log().messages();
              long delivered = incs.stream().filter(m -> m.fate() == Fate.DELIVERED).count();
              return incs.size() == INCREMENTS
                  && incs.stream().allMatch(m -> m.fate().isFinal())
                  && lastTotal(sim) == delivered;
            },
            WAIT);
  }

  /** The test a user would write first. It fails: the counter ends below 100. */
  static class NaiveCounterTest {
    @SimulationTest(seed = 42, echo = false)
    @NetworkFaults(loss = 0.2)
    @Component(
        name = "client",
        command = {"python3", "nodes/counter_client.py", "100", "counter"})
    @Component(
        name = "counter",
        command = {"python3", "nodes/counter.py"})
    void everyIncrementCounts(Simulator sim) {
      awaitNaiveRunSettled(sim);
      assertThat(lastTotal(sim)).as("the counter's total").isEqualTo(INCREMENTS);
    }
  }

  @Test
  void theNaiveCounterLosesUpdatesAndItsFailureShowsTheSeedThatReproducesIt() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(NaiveCounterTest.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.contains("[the counter's total]")),
                    message(m -> m.contains("procsim: seed 42")),
                    message(m -> m.contains("@SimulationTest(seed = 42L)")),
                    message(m -> m.contains("-Dprocsim.seed=42")))));
  }

  @SimulationTest(seed = 42, echo = false)
  @NetworkFaults(loss = 0.2)
  @Component(
      name = "client",
      command = {"python3", "nodes/counter_client.py", "100", "counter"})
  @Component(
      name = "counter",
      command = {"python3", "nodes/counter.py"})
  void theSeedSaysExactlyWhichUpdatesWereLost(Simulator sim) {
    awaitNaiveRunSettled(sim);
    List<String> lost =
        sim.log().messages().stream()
            .filter(m -> m.fate() == Fate.DROPPED)
            .map(Message::body)
            .toList();
    assertThat(lastTotal(sim)).isEqualTo(INCREMENTS - lost.size());
    // Seed 42 drops these on the link client -> counter, in every run, on every machine.
    assertThat(lost)
        .extracting(body -> Integer.parseInt(body.split(" ")[1]))
        .containsExactly(
            2, 4, 7, 14, 16, 17, 18, 24, 25, 30, 34, 46, 52, 54, 56, 59, 63, 64, 66, 67, 73, 75, 76,
            77, 82, 88, 99, 100);
  }

  @SimulationTest(runs = 3, echo = false)
  @NetworkFaults(latency = "1ms..10ms", loss = 0.2, duplication = 0.1)
  @NemesisFaults(
      interval = "50ms..150ms",
      faults = {Nemesis.Fault.PARTITION, Nemesis.Fault.PAUSE})
  @Component(
      name = "client",
      command = {"python3", "nodes/counter_client.py", "100", "counter", "--retry"})
  @Component(
      name = "counter",
      command = {"python3", "nodes/counter.py", "--dedup"})
  void theRobustCounterSurvivesLossDuplicationAndTheNemesis(Simulator sim) {
    // Let the nemesis do some damage while the client works...
    sim.log()
        .awaitEvent(
            e ->
                sim.log().events().stream()
                        .filter(
                            x ->
                                x instanceof LogEvent.FaultInjected f && f.kind().equals("nemesis"))
                        .count()
                    >= 4,
            WAIT);
    // ...then heal everything and check that the system recovers (the liveness phase).
    sim.healAll();
    SimAwait.awaitWhileAlive(sim)
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(sim.log()).hasOutput("client", "done " + INCREMENTS));
    assertThat(lastTotal(sim)).isEqualTo(INCREMENTS);
    assertThat(sim.component("counter").output()).hasSize(INCREMENTS).doesNotHaveDuplicates();
  }
}
