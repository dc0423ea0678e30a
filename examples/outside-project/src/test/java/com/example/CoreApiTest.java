package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's core-API example: the same system as the quick start, without annotations. */
class CoreApiTest {
  @Test
  void withoutAnnotations() {
    String runId;
    Simulator sim = Simulator.builder()
        .seed(42)
        .component("p1", "python3", "-c", "print('send p2 Hello from p1')")
        .component("p2", "python3", "-c", "import sys\nfor line in sys.stdin: print('got', line.strip())")
        .build()
        .start();
    try (sim) {
      sim.log().awaitMessage("p2 has the greeting", m -> m.to().equals("p2") && m.fate() == Fate.DELIVERED,
          Duration.ofSeconds(30));
      sim.send("test", "p2", "hello");           // inject a message as if "test" had sent it
      sim.log().awaitEvent("p2 answered the test", e -> e instanceof LogEvent.Output o
          && o.line().equals("got hello"), Duration.ofSeconds(30));
      ComponentHandle p2 = sim.component("p2");
      assertThat(p2.output())                    // its stdout lines that were not messages
          .containsExactly("got Hello from p1", "got hello");
      runId = sim.runId();
    }                                            // close(): every process tree is gone
    assertThat(Simulator.processesOf(runId)).isEmpty();
  }
}
