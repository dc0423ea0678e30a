package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.internal.network.FaultDecisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Network faults and partitions with real processes. */
class NetworkFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Prints every line it receives: what the log says was delivered must be exactly this. */
  private static final String[] SINK = {"cat"};

  /** On input "target words...", sends "words..." to target: components that talk on command. */
  private static final String[] RELAY = {
    "sh", "-c", "while read t m; do echo \"send $t $m\"; done"
  };

  private static Simulator.Builder quiet(long seed) {
    return Simulator.builder().echo(false).seed(seed);
  }

  private static void awaitAllFinal(Simulator sim) {
    sim.log()
        .awaitEvent(e -> sim.log().messages().stream().allMatch(m -> m.fate().isFinal()), WAIT);
  }

  private static List<String> bodies(Simulator sim, Predicate<Message> which) {
    return sim.log().messages().stream().filter(which).map(Message::body).toList();
  }

  private static void awaitOutputCount(Simulator sim, String component, int count) {
    sim.log().awaitEvent(e -> sim.component(component).output().size() >= count, WAIT);
    assertThat(sim.component(component).output()).hasSize(count);
  }

  /** Sends 1..count to the sink under loss and returns the bodies that were dropped. */
  private static List<String> droppedUnderLoss(long seed, int count) {
    Network lossy = Network.builder().loss(0.3).faultInjectedMessages().build();
    try (Simulator sim = quiet(seed).network(lossy).component("sink", SINK).build().start()) {
      for (int i = 1; i <= count; i++) {
        sim.send("test", "sink", "m" + i);
      }
      awaitAllFinal(sim);
      List<String> delivered = bodies(sim, m -> m.fate() == Fate.DELIVERED);
      awaitOutputCount(sim, "sink", delivered.size());
      assertThat(sim.component("sink").output()).isEqualTo(delivered);
      assertThat(sim.log().messages())
          .filteredOn(m -> m.fate() == Fate.DROPPED)
          .allSatisfy(
              m ->
                  assertThat(m.reason())
                      .isEqualTo("lost by the network (loss 0.3 on test -> sink)"));
      return bodies(sim, m -> m.fate() == Fate.DROPPED);
    }
  }

  @Test
  void theSameSeedDropsTheSameMessagesAndAnotherSeedDropsOthers() {
    List<String> first = droppedUnderLoss(42, 400);
    List<String> second = droppedUnderLoss(42, 400);
    List<String> otherSeed = droppedUnderLoss(43, 400);
    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    // The numbers are exactly those the pure decision function names for (seed, link, n).
    List<String> predicted = new ArrayList<>();
    for (int n = 1; n <= 400; n++) {
      if (FaultDecisions.decide(
              42,
              "test",
              "sink",
              n,
              Network.builder().loss(0.3).faultInjectedMessages().build().defaults())
          .copies()[0]
          .lost()) {
        predicted.add("m" + n);
      }
    }
    assertThat(first).isEqualTo(predicted).isNotEmpty();
  }

  @Test
  void duplicatesAreTheirOwnEntriesAndTheProcessReceivesExactlyWhatWasDelivered() {
    Network dup = Network.builder().duplication(0.3).faultInjectedMessages().build();
    try (Simulator sim = quiet(7).network(dup).component("sink", SINK).build().start()) {
      for (int i = 1; i <= 300; i++) {
        sim.send("test", "sink", "m" + i);
      }
      awaitAllFinal(sim);
      List<Message> messages = sim.log().messages();
      List<Message> copies = messages.stream().filter(Message::isDuplicate).toList();
      assertThat(copies).isNotEmpty();
      for (Message copy : copies) {
        Message original = sim.log().message(copy.duplicateOf());
        assertThat(original.isDuplicate()).isFalse();
        assertThat(copy.from()).isEqualTo(original.from());
        assertThat(copy.to()).isEqualTo(original.to());
        assertThat(copy.body()).isEqualTo(original.body());
      }
      assertThat(sim.log().events())
          .filteredOn(e -> e instanceof LogEvent.Duplicated)
          .hasSize(copies.size())
          .first()
          .extracting(LogEvent::describe)
          .asString()
          .matches("duplicate #\\d+ of #\\d+ test -> sink \"m\\d+\"");
      List<String> delivered = bodies(sim, m -> m.fate() == Fate.DELIVERED);
      assertThat(delivered).hasSize(300 + copies.size());
      awaitOutputCount(sim, "sink", delivered.size());
      assertThat(sim.component("sink").output()).isEqualTo(delivered);
    }
  }

  @Test
  void latencyDelaysEveryMessageAndUnequalDelaysReorderThem() {
    Network slow =
        Network.builder()
            .latency(Duration.ofMillis(1), Duration.ofMillis(40))
            .faultInjectedMessages()
            .build();
    try (Simulator sim = quiet(3).network(slow).component("sink", SINK).build().start()) {
      List<String> sent = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        sim.send("test", "sink", "m" + i);
        sent.add("m" + i);
      }
      awaitAllFinal(sim);
      awaitOutputCount(sim, "sink", 200);
      List<String> received = sim.component("sink").output();
      assertThat(received).containsExactlyInAnyOrderElementsOf(sent).isNotEqualTo(sent);
      // The log's order of deliveries is the order the process read them in.
      List<String> deliveredInLogOrder = new ArrayList<>();
      for (LogEvent e : sim.log().events()) {
        if (e instanceof LogEvent.Delivered d) {
          deliveredInLogOrder.add(sim.log().message(d.messageId()).body());
        }
      }
      assertThat(received).isEqualTo(deliveredInLogOrder);
    }
  }

  @Test
  void noMessageIsDeliveredBeforeItsLatency() {
    Network slow = Network.builder().latency(Duration.ofMillis(30)).faultInjectedMessages().build();
    try (Simulator sim = quiet(3).network(slow).component("sink", SINK).build().start()) {
      for (int i = 1; i <= 20; i++) {
        sim.send("test", "sink", "m" + i);
      }
      awaitAllFinal(sim);
      for (LogEvent e : sim.log().events()) {
        if (e instanceof LogEvent.Delivered d) {
          Message m = sim.log().message(d.messageId());
          assertThat(d.nanos() - m.sentAtNanos())
              .isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        }
      }
    }
  }

  @Test
  void perLinkOverridesApplyToTheirLinkOnly() {
    Network net = Network.builder().link("test", "lossy", LinkFaults.none().withLoss(1)).build();
    try (Simulator sim =
        quiet(1).network(net).component("lossy", SINK).component("fine", SINK).build().start()) {
      for (int i = 0; i < 50; i++) {
        sim.send("test", "lossy", "x");
        sim.send("test", "fine", "y");
      }
      awaitAllFinal(sim);
      assertThat(bodies(sim, m -> m.fate() == Fate.DROPPED)).hasSize(50).containsOnly("x");
      assertThat(bodies(sim, m -> m.fate() == Fate.DELIVERED)).hasSize(50).containsOnly("y");
    }
  }

  @Test
  void theNetworkCanChangeWhileRunningAndTheChangeIsLogged() {
    try (Simulator sim = quiet(1).component("sink", SINK).build().start()) {
      sim.network(Network.builder().loss(1).faultInjectedMessages().build());
      Message lost = sim.send("test", "sink", "lost");
      sim.network(Network.reliable());
      Message kept = sim.send("test", "sink", "kept");
      awaitAllFinal(sim);
      assertThat(sim.log().message(lost.id()).fate()).isEqualTo(Fate.DROPPED);
      assertThat(sim.log().message(kept.id()).fate()).isEqualTo(Fate.DELIVERED);
      assertThat(sim.log().events())
          .filteredOn(e -> e instanceof LogEvent.FaultInjected)
          .extracting(LogEvent::describe)
          .containsExactly(
              "fault network: latency none, loss 1.0, duplication 0.0; messages the test injects too",
              "fault network: reliable");
      assertThat(sim.network().isReliable()).isTrue();
    }
  }

  @Test
  void aPartitionDropsWhatCrossesItWithTheReasonAndHealBringsTheLinksBack() {
    try (Simulator sim =
        quiet(1).component("a", RELAY).component("b", RELAY).component("c", SINK).build().start()) {
      sim.partition(List.of("a"));
      sim.send("test", "a", "b across");
      sim.send("test", "b", "c same-side");
      Message across =
          sim.log().awaitMessage(m -> m.body().equals("across") && m.fate().isFinal(), WAIT);
      assertThat(across.fate()).isEqualTo(Fate.DROPPED);
      assertThat(across.reason()).isEqualTo("the partition [a] | [b, c] separates a and b");
      assertThat(
              sim.log()
                  .awaitMessage(m -> m.body().equals("same-side") && m.fate().isFinal(), WAIT)
                  .fate())
          .isEqualTo(Fate.DELIVERED);

      sim.heal();
      sim.send("test", "a", "c healed");
      assertThat(
              sim.log()
                  .awaitMessage(m -> m.body().equals("healed") && m.fate().isFinal(), WAIT)
                  .fate())
          .isEqualTo(Fate.DELIVERED);
      assertThat(sim.log().events())
          .filteredOn(e -> e instanceof LogEvent.FaultInjected)
          .extracting(LogEvent::describe)
          .containsExactly("fault partition: [a] | [b, c]", "fault heal: every link is up");
    }
  }

  @Test
  void aCutIsOneWay() {
    try (Simulator sim =
        quiet(1).component("a", RELAY).component("b", RELAY).component("c", SINK).build().start()) {
      sim.cut("a", "c");
      sim.send("test", "a", "c one");
      sim.send("test", "b", "a two");
      Message one = sim.log().awaitMessage(m -> m.body().equals("one") && m.fate().isFinal(), WAIT);
      assertThat(one.fate()).isEqualTo(Fate.DROPPED);
      assertThat(one.reason()).isEqualTo("the link a -> c is cut");
      // a still hears from b; "two" then reaches a, and a relays nothing further for it.
      assertThat(
              sim.log()
                  .awaitMessage(m -> m.body().equals("two") && m.fate().isFinal(), WAIT)
                  .fate())
          .isEqualTo(Fate.DELIVERED);
    }
  }

  @Test
  void messagesFromTheTestAreNeverPartitioned() {
    try (Simulator sim = quiet(1).component("a", SINK).component("b", SINK).build().start()) {
      sim.partition(List.of("a"), List.of("b"));
      sim.send("test", "a", "hello");
      assertThat(sim.log().awaitMessage(m -> m.fate().isFinal(), WAIT).fate())
          .isEqualTo(Fate.DELIVERED);
    }
  }

  @Test
  void partitionArgumentsAreChecked() {
    try (Simulator sim = quiet(1).component("a", SINK).component("b", SINK).build().start()) {
      assertThatThrownBy(() -> sim.partition(List.of("a"), List.of("a")))
          .hasMessageContaining("a is listed on two sides");
      assertThatThrownBy(() -> sim.partition(List.of("z")))
          .hasMessageContaining("no component \"z\"; the components are: a, b");
      assertThatThrownBy(() -> sim.cut("a", "z")).hasMessageContaining("no component \"z\"");
    }
  }

  @Test
  void namedShapesAreChosenByTheSeed() {
    List<String> first = shapes(11);
    assertThat(shapes(11)).isEqualTo(first);
    assertThat(shapes(12)).isNotEqualTo(first);
  }

  private static List<String> shapes(long seed) {
    Simulator.Builder builder = quiet(seed);
    for (String name : List.of("n1", "n2", "n3", "n4", "n5")) {
      builder.component(name, SINK);
    }
    try (Simulator sim = builder.build().start()) {
      List<String> chosen = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (PartitionShape shape : PartitionShape.values()) {
          chosen.add(sim.partition(shape));
        }
      }
      return chosen;
    }
  }

  @Test
  void messagesTheTestInjectsAreNotFaultedUnlessAskedWhileTheComponentsOwnAre() {
    Network lossy = Network.builder().loss(1).build();
    try (Simulator sim =
        quiet(5)
            .network(lossy)
            .component(
                "relay",
                "python3",
                "-c",
                "import sys\nfor l in sys.stdin: print('send sink ' + l.strip())")
            .component("sink", SINK)
            .build()
            .start()) {
      Message injected = sim.send("test", "relay", "hello");
      Message relayed =
          sim.log().awaitMessage(m -> m.from().equals("relay") && m.fate().isFinal(), WAIT);
      assertThat(sim.log().message(injected.id()).fate()).isEqualTo(Fate.DELIVERED);
      assertThat(relayed.fate()).isEqualTo(Fate.DROPPED);
    }
  }
}
