package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.internal.process.ProcessTree;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** crash, restart, pause and resume with real processes. */
class ProcessFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Simulator sim(String... command) {
    return Simulator.builder().echo(false).seed(5).component("node", command).build().start();
  }

  private static void awaitOutput(Simulator sim, String line) {
    sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals(line), WAIT);
  }

  private static List<String> faults(Simulator sim) {
    return sim.log().events().stream()
        .filter(e -> e instanceof LogEvent.FaultInjected)
        .map(e -> ((LogEvent.FaultInjected) e).kind())
        .toList();
  }

  @Test
  void crashKillsTheWholeTreeAndMessagesToTheCrashedComponentSayWhy() {
    // Both children are forked before "ready" is printed, so the tree is complete when we look.
    try (Simulator sim = sim("sh", "-c", "sleep 600 & sleep 601 & echo ready; wait")) {
      awaitOutput(sim, "ready");
      List<ProcessHandle> tree =
          ProcessTree.withDescendants(ProcessHandle.of(sim.component("node").pid()).orElseThrow());
      assertThat(tree).hasSizeGreaterThanOrEqualTo(3);

      sim.component("node").crash();

      assertThat(tree).noneMatch(ProcessHandle::isAlive);
      assertThat(sim.component("node").isAlive()).isFalse();
      assertThat(sim.component("node").exitCode()).hasValue(137);
      Message m = sim.send("test", "node", "anyone?");
      Message fate = sim.log().awaitMessage(x -> x.id() == m.id() && x.fate().isFinal(), WAIT);
      assertThat(fate.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(fate.reason()).isEqualTo("node is down: it was crashed");
      LogEvent.FaultInjected crash =
          (LogEvent.FaultInjected)
              sim.log().awaitEvent(e -> e instanceof LogEvent.FaultInjected, WAIT);
      assertThat(crash.describe())
          .startsWith("fault crash: node (pid ")
          .contains("descendants) killed with SIGKILL");
      assertThatThrownBy(() -> sim.component("node").crash())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot crash node: it is not running (it exited with code 137)");
    }
  }

  @Test
  void restartStartsAFreshProcessUnderTheSameNameThatGetsNewMessages() {
    try (Simulator sim = sim("sh", "-c", "echo \"up $PROCSIM_COMPONENT\"; cat")) {
      awaitOutput(sim, "up node");
      long firstPid = sim.component("node").pid();
      sim.send("test", "node", "before");
      awaitOutput(sim, "before");

      sim.component("node").restart();

      assertThat(sim.component("node").pid()).isNotEqualTo(firstPid);
      assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(sim.component("node").isAlive()).isTrue();
      assertThat(sim.component("node").exitCode()).isEmpty();
      sim.send("test", "node", "after");
      awaitOutput(sim, "after");
      assertThat(sim.component("node").output())
          .containsExactly("up node", "before", "up node", "after");
      assertThat(faults(sim)).containsExactly("crash", "restart");
    }
  }

  @Test
  void restartAfterAnExitStartsAgainWithoutACrash() {
    try (Simulator sim = sim("sh", "-c", "read line; echo \"got $line\"")) {
      sim.send("test", "node", "one");
      assertThat(sim.component("node").awaitExit(WAIT)).isZero();
      sim.component("node").restart();
      sim.send("test", "node", "two");
      awaitOutput(sim, "got two");
      assertThat(faults(sim)).containsExactly("restart");
    }
  }

  @Test
  void messagesToAPausedComponentWaitAndArriveAfterResume() {
    try (Simulator sim = sim("cat")) {
      Component node = sim.component("node");
      node.pause();
      assertThat(node.isPaused()).isTrue();
      Message held = sim.send("test", "node", "while paused");
      // Without the hold the writer would deliver it within microseconds, long before the resume
      // below; the order of the log entries checks that it did not.
      assertThat(sim.log().message(held.id()).fate()).isEqualTo(Fate.IN_FLIGHT);
      assertThat(node.output()).isEmpty();

      node.resume();

      awaitOutput(sim, "while paused");
      assertThat(sim.log().message(held.id()).fate()).isEqualTo(Fate.DELIVERED);
      long resumedAt =
          sim.log().events().stream()
              .filter(e -> e instanceof LogEvent.FaultInjected f && f.kind().equals("resume"))
              .findFirst()
              .orElseThrow()
              .seq();
      long deliveredAt =
          sim.log().events().stream()
              .filter(e -> e instanceof LogEvent.Delivered d && d.messageId() == held.id())
              .findFirst()
              .orElseThrow()
              .seq();
      assertThat(deliveredAt).isGreaterThan(resumedAt);
      assertThat(faults(sim)).containsExactly("pause", "resume");
    }
  }

  @Test
  void aPausedProcessIsReallyStopped() throws Exception {
    try (Simulator sim = sim("sh", "-c", "echo ready; cat")) {
      awaitOutput(sim, "ready");
      sim.component("node").pause();
      String state =
          java.nio.file.Files.readString(
              java.nio.file.Path.of("/proc/" + sim.component("node").pid() + "/stat"));
      assertThat(state.substring(state.lastIndexOf(')') + 2).charAt(0)).isEqualTo('T');
      sim.component("node").resume();
    }
  }

  @Test
  void closingWithAPausedComponentLeavesNothingBehind() {
    Simulator sim = sim("sh", "-c", "sleep 600 & cat");
    try (sim) {
      sim.component("node").pause();
      sim.close();
      assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    }
  }

  @Test
  void everyFaultAfterCloseIsRefusedAndStartsNothing() {
    Simulator sim = sim("cat");
    sim.close();
    ComponentHandle node = sim.component("node");
    for (Runnable fault :
        List.<Runnable>of(node::restart, node::crash, node::pause, node::resume)) {
      assertThatThrownBy(fault::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the simulator is closed: cannot ");
    }
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
  }

  @Test
  void restartsAndCrashesRacingCloseAreRefusedAndLeaveNothingBehind() throws Exception {
    Simulator sim = sim("cat");
    ComponentHandle node = sim.component("node");
    CompletableFuture<IllegalStateException> restarter =
        CompletableFuture.supplyAsync(
            () -> {
              while (true) {
                try {
                  node.crash();
                  node.restart();
                } catch (IllegalStateException refused) {
                  return refused;
                }
              }
            });
    // Closes while the restarts go on: at least one has happened, so the race is real.
    sim.log()
        .awaitEvent(e -> e instanceof LogEvent.FaultInjected f && f.kind().equals("restart"), WAIT);
    sim.close();
    assertThat(restarter.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasMessageMatching("the simulator is (closing|closed): cannot (restart|crash) node");
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
    assertThat(node.isAlive()).isFalse();
  }

  @Test
  void closeEndsAProcessThatForksInALoopEveryTime() {
    // Its pid keeps changing: each child forks a grandchild and exits, round after round.
    String hopper = "trap '' TERM HUP; echo ready; while :; do sh -c 'sleep 600 & exit'; done";
    for (int round = 0; round < 5; round++) {
      Simulator sim =
          Simulator.builder()
              .echo(false)
              .closeGrace(Duration.ofMillis(50)) // it ignores its stdin and SIGTERM: no use waiting
              .component("node", "sh", "-c", hopper)
              .build()
              .start();
      try (sim) {
        awaitOutput(sim, "ready");
      }
      assertThat(Simulator.processesOf(sim.runId())).as("round %d", round).isEmpty();
    }
  }

  @Test
  void closeEndsADaemonThatLeftItsTreeAndItsMarkWhereACgroupCanBeMade() {
    Assumptions.assumeTrue(
        RunCgroupProbe.canMakeOne(),
        "no writable cgroup here (not root, no delegated cgroup v2): only marks and the process tree"
            + " find a simulation's processes, and a daemon started with setsid env -i escapes");
    // A subshell that exits: out of the tree; setsid: out of the session; env -i: no PROCSIM_RUN.
    // Forked once told to: under cgroup v2 a process is moved in just after it starts.
    String escaper =
        "read go; (setsid env -i sh -c 'echo daemon $$; exec sleep 600 >/dev/null 2>&1' &);"
            + " echo ready; exec cat >/dev/null";
    Simulator sim =
        Simulator.builder().echo(false).component("node", "sh", "-c", escaper).build().start();
    long daemon;
    try (sim) {
      sim.send("test", "node", "go");
      awaitOutput(sim, "ready");
      String line =
          ((LogEvent.Output)
                  sim.log()
                      .awaitEvent(
                          e -> e instanceof LogEvent.Output o && o.line().startsWith("daemon "),
                          WAIT))
              .line();
      daemon = Long.parseLong(line.substring("daemon ".length()));
      assertThat(ProcessHandle.of(daemon)).isPresent();
      assertThat(Simulator.processesOf(sim.runId()))
          .as("the daemon carries no mark")
          .noneMatch(p -> p.pid() == daemon);
    }
    Optional<ProcessHandle> left = ProcessHandle.of(daemon);
    left.ifPresent(p -> p.onExit().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(daemon).filter(ProcessHandle::isAlive)).isEmpty();
  }
}
