package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stepped run's schedule replays it exactly; with faults left out it is a run without them; and
 * the nemesis's faults come back at their steps.
 */
class ScheduleReplayTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int ROUNDS = 200;
  private static final int BALLS = 20;

  /**
   * Volleys {@code BALLS} numbered balls with its peer, each back as the next number, to ROUNDS.
   */
  private static Node volley(String peer, boolean starts) {
    return new Node() {
      @Override
      public void start(NodeContext ctx) {
        if (starts) {
          for (int i = 0; i < BALLS; i++) {
            ctx.send(peer, "ball " + i);
          }
        }
      }

      @Override
      public void receive(String from, String body, NodeContext ctx) {
        int n = Integer.parseInt(body.split(" ")[1]);
        if (n < ROUNDS) {
          ctx.send(peer, "ball " + (n + BALLS));
        }
      }
    };
  }

  private static Simulator.Builder faulty() {
    return Simulator.builder()
        .seed(7)
        .echo(false)
        .stepped()
        .network(
            Network.builder()
                .loss(0.1)
                .duplication(0.1)
                .latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                .build())
        .nemesis(
            Nemesis.builder()
                .interval(Duration.ofMillis(3), Duration.ofMillis(8))
                .faults(Nemesis.Fault.PARTITION, Nemesis.Fault.PAUSE)
                .build())
        .node("a", () -> volley("b", true))
        .node("b", () -> volley("a", false));
  }

  private static Schedule runToQuiet(Simulator sim) {
    sim.start();
    sim.awaitQuiescence(WAIT);
    return sim.schedule();
  }

  @Test
  void aReplayedScheduleRepeatsTheRunExactly() {
    Schedule schedule;
    List<String> log;
    try (Simulator sim = faulty().build()) {
      schedule = runToQuiet(sim);
      log = sim.log().logicalEntries();
    }
    assertThat(schedule.faults().size()).as("faults recorded").isGreaterThan(5);
    assertThat(schedule.nemesis()).isNotEmpty();
    assertThat(schedule.deliveries()).isNotEmpty();

    // The same simulation (the schedule makes its decisions), built with another seed.
    try (Simulator again = faulty().seed(99).replay(schedule).build()) {
      Schedule replayed = runToQuiet(again);
      assertThat(again.seed()).isEqualTo(7);
      assertThat(again.log().logicalEntries()).isEqualTo(log);
      assertThat(replayed).isEqualTo(schedule);
    }
  }

  @Test
  void aScheduleWithoutFaultsIsARunWithoutThem() {
    Schedule schedule;
    try (Simulator sim = faulty().build()) {
      schedule = runToQuiet(sim);
    }

    try (Simulator calm = faulty().replay(schedule.keeping(List.of()).withoutDelays()).build()) {
      Schedule replayed = runToQuiet(calm);
      assertThat(replayed.faults()).isEmpty();
      assertThat(calm.log().messages()).allMatch(m -> m.fate() == Fate.DELIVERED);
      assertThat(calm.log().messages()).hasSize(ROUNDS + BALLS);
    }
  }

  @Test
  void aRealTimeRunHasNoSchedule() {
    try (Simulator sim =
        Simulator.builder().echo(false).node("a", () -> volley("a", false)).build()) {
      sim.start();
      assertThatThrownBy(sim::schedule).hasMessageContaining("stepped runs only");
    }
  }
}
