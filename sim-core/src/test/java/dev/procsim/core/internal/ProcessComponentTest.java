package dev.procsim.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Fate;
import dev.procsim.core.Message;
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
    RecordingLog log = new RecordingLog(new RealClock());
    ConsoleEcho silent = new ConsoleEcho(null);
    ProcessComponent target =
        new ProcessComponent(
            ComponentSpec.of("p2", "head", "-n", "1"),
            Map.of("PROCSIM_RUN", "test-early"),
            log,
            silent,
            1024,
            10);
    Message early = log.recordSent("p1", "p2", "Hello from p1");
    assertThat(target.accept(early)).isNull();
    assertThat(log.message(early.id()).fate()).isEqualTo(Fate.IN_FLIGHT);

    NetworkEngine network =
        new NetworkEngine(log, new RealClock(), 1, Map.of("p2", target), "test-network");
    StdoutRouter router = new StdoutRouter(network, log, silent, List.of("p2"), 1024);
    ExecutorService exits = Executors.newSingleThreadExecutor();
    try {
      target.launch(router, exits, "test");
      assertThat(target.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(target.output()).containsExactly("Hello from p1");
      assertThat(log.message(early.id()).fate()).isEqualTo(Fate.DELIVERED);
    } finally {
      network.close();
      exits.shutdown();
    }
  }
}
