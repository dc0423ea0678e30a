package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL runs no shutdown hook; its watchdog still ends its simulations. */
class KilledJvmTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theProcessesOfAKilledJvmAreEndedByItsWatchdog() throws Exception {
    Process child =
        new ProcessBuilder(JavaCommand.of(KilledJvmSimulationMain.class))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String runId;
    long daemon;
    long killedAt;
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      runId = out.readLine();
      daemon = Long.parseLong(out.readLine().strip());
      assertThat(runId).startsWith("procsim-" + child.pid() + "-");
      assertThat(Simulator.processesOf(runId)).hasSizeGreaterThanOrEqualTo(3);
    } finally {
      child.destroyForcibly(); // SIGKILL: no hook, no close()
      killedAt = System.nanoTime();
      assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
    List<ProcessHandle> left = awaitNoneLeft(runId);
    // A measure for the record (the goal is 2 s), not an assertion: timing belongs to benchmarks.
    System.out.printf(
        "KilledJvmTest: no process of run %s left %d ms after its JVM was killed%n",
        runId, (System.nanoTime() - killedAt) / 1_000_000);
    assertThat(left).as("processes of run %s after its JVM was killed", runId).isEmpty();
    assertThat(watchdogsOf(child.pid())).as("the watchdog, its work done").isEmpty();
    if (RunCgroupProbe.canMakeOne()) {
      // No mark, no parent in the tree: only its cgroup told the watchdog it was the run's.
      assertThat(
              Polling.until(
                  () -> ProcessHandle.of(daemon).filter(ProcessHandle::isAlive),
                  Optional::isEmpty,
                  WAIT))
          .as("the setsid env -i daemon")
          .isEmpty();
    } else {
      ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly); // out of reach here
    }
  }

  /** Polled: nothing signals the end of another JVM's processes to this one. */
  private static List<ProcessHandle> awaitNoneLeft(String runId) {
    Polling.until(() -> watchdogsOf(pidOf(runId)), List::isEmpty, WAIT);
    return Polling.until(() -> Simulator.processesOf(runId), List::isEmpty, WAIT);
  }

  private static long pidOf(String runId) {
    return Long.parseLong(runId.split("-")[1]);
  }

  private static List<ProcessHandle> watchdogsOf(long jvmPid) {
    String marker = "PROCSIM_RUN=procsim-" + jvmPid + "-";
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false)
                    && p.info()
                        .arguments()
                        .map(a -> List.of(a).contains("procsim-watchdog"))
                        .orElse(false))
        .toList();
  }
}
