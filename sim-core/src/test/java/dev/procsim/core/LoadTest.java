package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Load and scale. These tests check that every message is accounted for and nothing is left behind;
 * they print how long things took, but assert nothing about speed (the benchmark does).
 */
class LoadTest {
  private static final Duration WAIT = Duration.ofMinutes(3);

  @Test
  void aMillionMessagesAreAllAccountedFor() {
    int valid = 1_000_000;
    int unknown = 10;
    String sender =
        "seq "
            + valid
            + " | sed 's/^/send sink m/'; for i in $(seq "
            + unknown
            + "); do echo \"send nobody $i\"; done";
    long started = System.nanoTime();
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .seed(1)
            .network(Network.builder().loss(0.1).build())
            .stdinBacklog(Integer.MAX_VALUE)
            // wc prints its count once its input ends: time enough, under load, before SIGTERM.
            .closeGrace(Duration.ofSeconds(30))
            .component("sender", "sh", "-c", sender)
            .component("sink", "wc", "-l")
            .build()
            .start();
    long total = valid + unknown;
    try (sim) {
      // awaitEvent tests each entry once, in order: count the final fates as they go by.
      long[] finals = {0};
      sim.log()
          .awaitEvent(
              e -> {
                if (e instanceof LogEvent.Delivered
                    || e instanceof LogEvent.Dropped
                    || e instanceof LogEvent.Undeliverable) {
                  finals[0]++;
                }
                return finals[0] == total;
              },
              WAIT);
    }
    long elapsed = System.nanoTime() - started;
    // close() ended the sink's input; wc then printed how many lines it received.
    Map<Fate, Integer> fates = new EnumMap<>(Fate.class);
    for (Message m : sim.log().messages()) {
      fates.merge(m.fate(), 1, Integer::sum);
    }
    System.out.printf("1,000,010 messages in %.2f s: %s%n", elapsed / 1e9, fates);
    assertThat(sim.log().messages()).hasSize((int) total);
    assertThat(fates).doesNotContainKey(Fate.IN_FLIGHT);
    assertThat(fates.get(Fate.DELIVERED) + fates.get(Fate.DROPPED) + fates.get(Fate.UNDELIVERABLE))
        .isEqualTo(total);
    assertThat(fates.get(Fate.UNDELIVERABLE)).isEqualTo(unknown);
    double sigma = Math.sqrt(valid * 0.1 * 0.9);
    assertThat((double) fates.get(Fate.DROPPED))
        .isCloseTo(valid * 0.1, org.assertj.core.api.Assertions.within(6 * sigma));
    // What the log says was delivered is exactly what the process received.
    assertThat(sim.component("sink").output())
        .containsExactly(Integer.toString(fates.get(Fate.DELIVERED)));
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
  }

  @Test
  void twoHundredComponentsStartRouteAndClose() {
    Runtime runtime = Runtime.getRuntime();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    Simulator.Builder builder = Simulator.builder().echo(false);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add("n" + i);
      // Each node passes what it receives to the next one, so routing spans every component.
      builder.component(
          "n" + i, "sh", "-c", "read m; echo \"send n" + ((i + 1) % 200) + " $m\"; cat");
    }
    long t0 = System.nanoTime();
    Simulator sim = builder.build().start();
    long t1 = System.nanoTime();
    try (sim) {
      sim.send("test", "n0", "token");
      sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.component().equals("n0"), WAIT);
      assertThat(sim.log().messages()).hasSize(201).allMatch(m -> m.fate() == Fate.DELIVERED);
      long heapDuring = runtime.totalMemory() - runtime.freeMemory();
      System.out.printf(
          "200 components: start %.2f s, heap growth about %d MB%n",
          (t1 - t0) / 1e9, (heapDuring - heapBefore) >> 20);
    }
    long t2 = System.nanoTime();
    System.out.printf("200 components: close %.2f s%n", (t2 - t1) / 1e9);
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    assertThat(names).allSatisfy(n -> assertThat(sim.component(n).isAlive()).isFalse());
  }
}
