package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NemesisTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Nemesis FAST =
      Nemesis.builder().interval(Duration.ofMillis(5), Duration.ofMillis(20)).build();

  private static Simulator cluster(long seed, Nemesis nemesis) {
    Simulator.Builder builder =
        Simulator.builder().echo(false).seed(seed).closeGrace(Duration.ofMillis(100));
    for (String name : List.of("n1", "n2", "n3", "n4")) {
      builder.component(name, "cat");
    }
    if (nemesis != null) {
      builder.nemesis(nemesis);
    }
    return builder.build().start();
  }

  private static List<String> decisions(Simulator sim) {
    return sim.log().events().stream()
        .filter(e -> e instanceof LogEvent.FaultInjected f && f.kind().equals("nemesis"))
        .map(e -> ((LogEvent.FaultInjected) e).detail())
        .filter(d -> !d.startsWith("started") && !d.equals("stopped"))
        .toList();
  }

  private static void awaitDecisions(Simulator sim, int count) {
    sim.log().awaitEvent(e -> decisions(sim).size() >= count, WAIT);
  }

  @Test
  void theNemesisInjectsFaultsUntilHealAllWhichLeavesEverythingHealed() {
    try (Simulator sim = cluster(9, FAST)) {
      awaitDecisions(sim, 12);
      sim.healAll();

      List<LogEvent> events = sim.log().events();
      int stoppedAt = -1;
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) instanceof LogEvent.FaultInjected f && f.detail().equals("stopped")) {
          stoppedAt = i;
        }
      }
      assertThat(stoppedAt).as("nemesis stopped entry").isPositive();
      // After the stop, only the healing itself.
      assertThat(events.subList(stoppedAt + 1, events.size()))
          .filteredOn(e -> e instanceof LogEvent.FaultInjected)
          .extracting(e -> ((LogEvent.FaultInjected) e).kind())
          .isSubsetOf("heal", "resume", "restart");
      assertThat(decisions(sim)).anyMatch(d -> d.startsWith("partition"));
      assertThat(decisions(sim)).anyMatch(d -> d.startsWith("crash and later restart"));
      assertThat(decisions(sim)).anyMatch(d -> d.startsWith("pause and later resume"));
      for (Component node : sim.components()) {
        assertThat(node.isAlive()).as(node.name()).isTrue();
        assertThat(node.isPaused()).as(node.name()).isFalse();
      }
      // Every link works again.
      for (Component node : sim.components()) {
        Message m = sim.send("test", node.name(), "after");
        assertThat(sim.log().awaitMessage(x -> x.id() == m.id() && x.fate().isFinal(), WAIT).fate())
            .isEqualTo(Fate.DELIVERED);
      }
    }
  }

  @Test
  void theSameSeedMakesTheSameDecisions() {
    List<String> first;
    try (Simulator sim = cluster(21, FAST)) {
      awaitDecisions(sim, 10);
      sim.healAll();
      first = decisions(sim).subList(0, 10);
    }
    try (Simulator sim = cluster(21, FAST)) {
      awaitDecisions(sim, 10);
      sim.healAll();
      assertThat(decisions(sim).subList(0, 10)).isEqualTo(first);
    }
    try (Simulator sim = cluster(22, FAST)) {
      awaitDecisions(sim, 10);
      sim.healAll();
      assertThat(decisions(sim).subList(0, 10)).isNotEqualTo(first);
    }
  }

  @Test
  void targetsLimitWhoIsCrashedOrPaused() {
    Nemesis onlyN1 =
        Nemesis.builder()
            .interval(Duration.ofMillis(5), Duration.ofMillis(20))
            .faults(Nemesis.Fault.CRASH_RESTART, Nemesis.Fault.PAUSE)
            .targets("n1")
            .build();
    try (Simulator sim = cluster(4, onlyN1)) {
      awaitDecisions(sim, 6);
      sim.healAll();
      assertThat(decisions(sim))
          .allMatch(d -> d.endsWith(" n1") || d.startsWith("no running target"));
    }
  }

  @Test
  void closingWithARunningNemesisLeavesNothingBehind() {
    Simulator sim = cluster(5, FAST);
    try (sim) {
      awaitDecisions(sim, 5);
      sim.close();
      assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    }
  }

  @Test
  void oneNemesisAtATimeAndHealAllWithoutOneStillHeals() {
    try (Simulator sim = cluster(6, null)) {
      sim.partition(List.of("n1"));
      sim.component("n2").crash();
      sim.component("n3").pause();
      sim.healAll();
      assertThat(sim.components()).allSatisfy(c -> assertThat(c.isAlive()).isTrue());
      assertThat(sim.component("n3").isPaused()).isFalse();
      sim.startNemesis(FAST);
      assertThatThrownBy(() -> sim.startNemesis(FAST)).hasMessageContaining("already running");
      sim.healAll();
    }
  }

  @Test
  void badNemesisSettingsAreRejected() {
    assertThatThrownBy(() -> Nemesis.builder().interval(Duration.ZERO, Duration.ofMillis(1)))
        .hasMessageContaining("0 < min <= max");
    assertThatThrownBy(() -> Nemesis.builder().faults()).hasMessageContaining("at least one");
    try (Simulator sim = cluster(1, null)) {
      assertThatThrownBy(() -> sim.startNemesis(Nemesis.builder().targets("zz").build()))
          .hasMessageContaining("no component \"zz\"");
    }
  }
}
