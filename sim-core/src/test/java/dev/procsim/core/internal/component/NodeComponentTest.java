package dev.procsim.core.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Node;
import dev.procsim.core.internal.log.BlockingWait;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.network.Decisions;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.scheduling.RealClock;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class NodeComponentTest {

  /** As for a process: a message may be routed to a Java node before the node exists. */
  @Test
  void aMessageAcceptedBeforeTheNodeStartsIsDeliveredOnceItRuns() throws Exception {
    RealClock clock = new RealClock();
    LogStore store = new LogStore(clock, 100);
    ConsoleEcho silent = new ConsoleEcho(null);
    List<String> received = new CopyOnWriteArrayList<>();
    Node recorder = (from, body, ctx) -> received.add(from + ": " + body);
    NodeComponent target =
        new NodeComponent(
            "kv",
            () -> recorder,
            new NodeEnvironment(1, List.of("kv"), clock),
            store,
            silent,
            new BlockingWait(store),
            10,
            "test");
    Message early = store.recordSent("p1", "kv", "before the start");
    assertThat(target.accept(early)).isNull();
    assertThat(store.message(early.id()).fate()).isEqualTo(Fate.IN_FLIGHT);

    NetworkEngine network =
        new NetworkEngine(
            store,
            clock,
            Decisions.seeded(1, null),
            Map.of("kv", target),
            NetworkEngine::deliverDue);
    target.connect(new Router(network, store, silent, List.of("kv")));
    try {
      target.start();
      assertThat(target.awaitIdle(System.nanoTime() + Duration.ofSeconds(20).toNanos())).isTrue();
      assertThat(received).containsExactly("p1: before the start");
      assertThat(store.message(early.id()).fate()).isEqualTo(Fate.DELIVERED);
    } finally {
      target.closeInput("closed");
      network.close();
    }
  }

  @Test
  void aMessageToANodeThatNeverStartedGetsAFateAtClose() {
    RealClock clock = new RealClock();
    LogStore store = new LogStore(clock, 100);
    NodeComponent target =
        new NodeComponent(
            "kv",
            () -> (from, body, ctx) -> {},
            new NodeEnvironment(1, List.of("kv"), clock),
            store,
            new ConsoleEcho(null),
            new BlockingWait(store),
            10,
            "test");
    Message waiting = store.recordSent("p1", "kv", "never");
    assertThat(target.accept(waiting)).isNull();
    target.closeInput("the simulator closed before the message was written");
    assertThat(store.message(waiting.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
  }
}
