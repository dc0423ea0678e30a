package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.Simulator;
import dev.procsim.junit.assertj.SimAssertions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;

class SimAwaitTest {

  @Test
  void waitsUntilTheConditionHolds() {
    try (Simulator sim = Simulator.builder().echo(false).component("echo", "cat").build().start()) {
      sim.send("test", "echo", "hello");
      SimAwait.awaitWhileAlive(sim, "echo")
          .untilAsserted(
              () -> SimAssertions.assertThat(sim.component("echo")).hasOutputLine("hello"));
    }
  }

  @Test
  void stopsAtOnceWhenAWatchedComponentDiesAndSaysWhy() {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("doomed", "sh", "-c", "read x; echo 'disk full' >&2; exit 4")
            .component("bystander", "cat")
            .build()
            .start();
    try (sim) {
      // Sent from inside the wait: sent before it, doomed could exit before the wait began, and an
      // unnamed wait watches only what is running as it begins (it would wait out its 5 minutes).
      AtomicBoolean sent = new AtomicBoolean();
      assertThatThrownBy(
              () ->
                  SimAwait.awaitWhileAlive(sim)
                      .atMost(Duration.ofMinutes(5))
                      .until(
                          () -> {
                            if (sent.compareAndSet(false, true)) {
                              sim.send("test", "doomed", "go");
                            }
                            return sim.component("bystander").output().contains("never");
                          }))
          .isInstanceOf(TerminalFailureException.class)
          .rootCause()
          .hasMessageStartingWith("doomed exited with code 4 while awaited: disk full\n")
          .hasMessageContaining("procsim: seed " + sim.seed());
    }
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
  }

  @Test
  void aCrashInjectedBeforeOrDuringTheWaitIsNotADeath() {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("victim", "cat")
            .component("echo", "cat")
            .build()
            .start();
    try (sim) {
      sim.component("victim").crash(); // before the wait: named or not, it is down, not dead
      AtomicBoolean crashedDuring = new AtomicBoolean();
      SimAwait.awaitWhileAlive(sim, "victim", "echo")
          .atMost(Duration.ofMinutes(5))
          .until(
              () -> {
                if (!crashedDuring.getAndSet(true)) {
                  sim.component("victim").restart();
                  sim.component("victim").crash(); // during the wait, exit recorded at return
                  sim.send("test", "echo", "hello");
                  return false;
                }
                return sim.component("echo").output().contains("hello");
              });
      SimAwait.awaitWhileAlive(sim).until(() -> sim.component("echo").isAlive());
    }
  }

  @Test
  void aNamedComponentThatHadAlreadyExitedFailsAtOnceSayingSo() {
    Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("quitter", "sh", "-c", "echo 'no config' >&2; exit 3")
            .component("echo", "cat")
            .build()
            .start();
    try (sim) {
      sim.component("quitter").awaitExit(Duration.ofMinutes(1));
      assertThatThrownBy(
              () ->
                  SimAwait.awaitWhileAlive(sim, "quitter")
                      .atMost(Duration.ofMinutes(5))
                      .until(() -> false))
          .isInstanceOf(TerminalFailureException.class)
          .rootCause()
          .hasMessageStartingWith("quitter exited with code 3 before the wait began: no config\n");
      // Unnamed, it watches what was running as the wait began: quitter's old exit is no failure.
      sim.send("test", "echo", "hi");
      SimAwait.awaitWhileAlive(sim)
          .atMost(Duration.ofMinutes(5))
          .until(() -> sim.component("echo").output().contains("hi"));
    }
  }

  /** A stepped run of two Java nodes passing a counter up to 20; nothing moves unless driven. */
  private static Simulator steppedRally() {
    dev.procsim.core.Node player =
        (from, body, ctx) -> {
          int n = Integer.parseInt(body);
          ctx.output("at " + n);
          if (n < 20) {
            ctx.send(ctx.name().equals("a") ? "b" : "a", Integer.toString(n + 1));
          }
        };
    return Simulator.builder()
        .echo(false)
        .stepped()
        .node("a", () -> player)
        .node("b", () -> player)
        .build()
        .start();
  }

  @Test
  void inASteppedRunTheWaitDrivesTheRunAndTestsTheConditionBetweenSteps() {
    try (Simulator sim = steppedRally()) {
      sim.send("test", "a", "0");
      SimAwait.await(sim).until(() -> sim.component("b").output().contains("at 7"));
      // It stopped at the step where the condition first held, not later.
      assertThat(sim.component("b").output()).last().isEqualTo("at 7");
      assertThat(sim.component("a").output()).last().isEqualTo("at 6");
    }
  }

  @Test
  void inASteppedRunTheWaitStopsAtOnceWhenTheRunGoesQuiet() {
    try (Simulator sim = steppedRally()) {
      sim.send("test", "a", "0");
      assertThatThrownBy(
              () ->
                  SimAwait.await(sim)
                      .atMost(Duration.ofMinutes(5))
                      .until(() -> sim.component("a").output().contains("at 99")))
          .isInstanceOf(TerminalFailureException.class)
          .rootCause()
          .hasMessageContaining("the stepped simulation went quiet after 21 steps")
          .hasMessageContaining("procsim: seed " + sim.seed());
    }
  }
}
