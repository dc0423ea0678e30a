package dev.procsim.core;

import java.io.IOException;
import java.time.Duration;

/**
 * Run in a child JVM by {@link KilledJvmTest}: starts a simulation whose components survive the end
 * of their stdin (they ignore it, and SIGTERM and SIGHUP too, and one forks in a loop), prints the
 * run id, and waits to be killed.
 */
public final class KilledJvmSimulationMain {
  private KilledJvmSimulationMain() {}

  /** Starts, reports, waits for its stdin to end (the test kills it first). */
  public static void main(String[] args) throws IOException {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("stubborn", "sh", "-c", "trap '' TERM HUP; sleep 600 & echo ready; wait")
            .component(
                "hopper",
                "sh",
                "-c",
                "trap '' TERM HUP; echo ready; while :; do sh -c 'sleep 600 & exit' ; done")
            .component(
                "escaper", // a daemon out of the tree, the session and the marks: its cgroup holds
                // it
                "sh",
                "-c",
                "read go; (setsid env -i sh -c 'echo ready $$; exec sleep 600 >/dev/null 2>&1' &);"
                    + " exec cat >/dev/null")
            .build()
            .start();
    sim.send("main", "escaper", "go"); // after its start: under cgroup v2 it is in its cgroup now
    String daemon =
        ((LogEvent.Output)
                sim.log()
                    .awaitEvent(
                        e ->
                            e instanceof LogEvent.Output o
                                && o.component().equals("escaper")
                                && o.line().startsWith("ready "),
                        Duration.ofSeconds(30)))
            .line()
            .substring("ready ".length());
    for (String component : new String[] {"stubborn", "hopper"}) {
      sim.log()
          .awaitEvent(
              e ->
                  e instanceof LogEvent.Output o
                      && o.component().equals(component)
                      && o.line().equals("ready"),
              Duration.ofSeconds(30));
    }
    System.out.println(sim.runId());
    System.out.println(daemon);
    System.out.flush();
    System.in.read(); // never returns before the kill: the test holds our stdin open
  }
}
