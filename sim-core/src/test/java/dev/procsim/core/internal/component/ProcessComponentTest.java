package dev.procsim.core.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.BlockingWait;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.network.Decisions;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.process.ProcessLauncher;
import dev.procsim.core.internal.process.RunContainment;
import dev.procsim.core.internal.scheduling.RealClock;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ProcessComponentTest {

  /** The seed's race: a message may be routed before its target's process exists. */
  @Test
  void aMessageAcceptedBeforeTheProcessStartsIsDeliveredOnceItRuns() throws Exception {
    RealClock clock = new RealClock();
    LogStore store = new LogStore(clock, 100);
    ConsoleEcho silent = new ConsoleEcho(null);
    ExecutorService exits = Executors.newSingleThreadExecutor();
    ProcessComponent target =
        new ProcessComponent(
            new ProcessLauncher(
                ComponentSpec.of("p2", "head", "-n", "1"),
                Map.of("PROCSIM_RUN", "test-early"),
                RunContainment.none()),
            WireProtocol.LINE,
            store,
            silent,
            new BlockingWait(store),
            new ProcessComponent.Limits(1024, 10),
            exits,
            "test");
    Message early = store.recordSent("p1", "p2", "Hello from p1");
    assertThat(target.accept(early)).isNull();
    assertThat(store.message(early.id()).fate()).isEqualTo(Fate.IN_FLIGHT);

    NetworkEngine network =
        new NetworkEngine(
            store,
            clock,
            Decisions.seeded(1, null),
            Map.of("p2", target),
            NetworkEngine::deliverDue);
    target.connect(new Router(network, store, silent, List.of("p2")));
    try {
      target.start();
      assertThat(target.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(target.output()).containsExactly("Hello from p1");
      assertThat(store.message(early.id()).fate()).isEqualTo(Fate.DELIVERED);
    } finally {
      network.close();
      exits.shutdown();
    }
  }
}
