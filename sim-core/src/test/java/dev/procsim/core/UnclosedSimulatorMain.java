package dev.procsim.core;

import java.time.Duration;

/**
 * Run in a child JVM by {@link ShutdownHookTest}: starts a simulator whose components ignore
 * SIGTERM and fork a grandchild, prints the run id, and exits without closing the simulator.
 */
public final class UnclosedSimulatorMain {
  private UnclosedSimulatorMain() {}

  /** Starts, reports, exits. */
  public static void main(String[] args) {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .closeGrace(Duration.ofMillis(100))
            .component("stubborn", "sh", "-c", "trap '' TERM; sleep 600 & echo ready; wait")
            .build()
            .start();
    sim.log()
        .awaitEvent(
            e -> e instanceof LogEvent.Output o && o.line().equals("ready"),
            Duration.ofSeconds(20));
    System.out.println(sim.runId());
    System.out.flush();
    System.exit(0);
  }
}
