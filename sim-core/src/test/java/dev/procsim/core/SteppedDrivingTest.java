package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every way to wait drives a stepped run; explicit control; a held run says so. */
class SteppedDrivingTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Two Java nodes passing a counter back and forth until it reaches {@code limit}. */
  private static Simulator.Builder rally(int limit, Network network) {
    Node player =
        (from, body, ctx) -> {
          int n = Integer.parseInt(body);
          if (n < limit) {
            ctx.send(ctx.name().equals("a") ? "b" : "a", Integer.toString(n + 1));
          }
        };
    return Simulator.builder()
        .echo(false)
        .seed(1)
        .stepped()
        .network(network)
        .node("a", () -> player)
        .node("b", () -> player);
  }

  private static long delivered(Simulator sim) {
    return sim.log().messages().stream().filter(m -> m.fate() == Fate.DELIVERED).count();
  }

  @Test
  void awaitExitDrivesASteppedRun() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component(
                "worker",
                "python3",
                "-c",
                "import sys\nfor _ in range(3): print('did ' + sys.stdin.readline().strip())")
            .build()
            .start()) {
      for (int i = 1; i <= 3; i++) {
        sim.send("test", "worker", "job " + i);
      }
      // Nothing else drives the run: only this wait delivers the three jobs.
      assertThat(sim.component("worker").awaitExit(WAIT)).isZero();
      // All three were due at once: the seed chose their order.
      assertThat(sim.component("worker").output())
          .containsExactlyInAnyOrder("did job 1", "did job 2", "did job 3");
    }
  }

  @Test
  void advanceTakesExactlyTheStepsAskedForUntilTheRunIsQuiet() {
    try (Simulator sim = rally(10, Network.reliable()).build().start()) {
      sim.send("test", "a", "0");
      assertThat(sim.advance(3)).isEqualTo(3);
      assertThat(sim.steps()).isEqualTo(3);
      assertThat(delivered(sim)).isEqualTo(3);
      assertThat(sim.advance(0)).isZero();
      assertThat(sim.advance(100)).isEqualTo(8); // "0" to "10": eleven deliveries in all
      assertThat(delivered(sim)).isEqualTo(11);
      assertThat(sim.advance(5)).isZero();
    }
  }

  @Test
  void advanceUntilDeliversWhatIsDueByThenAndSetsTheClock() {
    Network slow = Network.builder().latency(Duration.ofMillis(10)).faultInjectedMessages().build();
    try (Simulator sim = rally(10, slow).build().start()) {
      sim.send("test", "a", "0"); // due at 10 ms; each answer 10 ms after its delivery
      sim.advanceUntil(Duration.ofMillis(35), WAIT);
      assertThat(sim.now()).isEqualTo(Duration.ofMillis(35));
      assertThat(delivered(sim)).isEqualTo(3); // at 10, 20 and 30 ms; the next is due at 40
      sim.advanceUntil(Duration.ofMillis(40), WAIT);
      assertThat(delivered(sim)).isEqualTo(4);
      sim.awaitQuiescence(WAIT);
      assertThat(sim.now()).isEqualTo(Duration.ofMillis(110));
      sim.advanceUntil(Duration.ofSeconds(2), WAIT); // quiet: time simply passes
      assertThat(sim.now()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void aRunHeldWithPendingDeliveriesWarnsOnceInTheLogAndOnTheConsole() throws Exception {
    CountDownLatch warned = new CountDownLatch(1);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    OutputStream watching =
        new OutputStream() {
          @Override
          public synchronized void write(int b) {
            console.write(b);
            if (b == '\n' && console.toString(StandardCharsets.UTF_8).contains("is held")) {
              warned.countDown();
            }
          }
        };
    try (Simulator sim =
        rally(3, Network.reliable())
            .echoTo(new PrintStream(watching, true, StandardCharsets.UTF_8))
            .stallWarning(Duration.ofMillis(100))
            .build()
            .start()) {
      sim.send("test", "a", "0");
      // The test polls without driving, as a sleep loop would: the run must say why it stands.
      assertThat(warned.await(30, TimeUnit.SECONDS)).as("the held-run warning").isTrue();
      assertThat(sim.log().messages())
          .singleElement()
          .extracting(Message::fate)
          .isEqualTo(Fate.IN_FLIGHT);
      assertThat(sim.log().events())
          .filteredOn(e -> e instanceof LogEvent.Warning)
          .singleElement()
          .extracting(LogEvent::describe)
          .asString()
          .startsWith("procsim: the stepped simulation is held: 1 delivery is pending")
          .contains("awaitMessage")
          .contains("advance(n)");
      assertThat(console.toString(StandardCharsets.UTF_8)).containsOnlyOnce("is held");
      sim.awaitQuiescence(WAIT);
      assertThat(delivered(sim)).isEqualTo(4);
    }
  }

  @Test
  void aConditionThatThrowsFailsItsWaiterAndTheRunGoesOn() {
    try (Simulator sim = rally(4, Network.reliable()).build().start()) {
      sim.send("test", "a", "0");
      assertThatThrownBy(
              () ->
                  sim.log()
                      .awaitMessage(
                          m -> {
                            throw new IllegalStateException("a broken condition");
                          },
                          WAIT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("a broken condition");
      sim.awaitQuiescence(WAIT);
      assertThat(delivered(sim)).isEqualTo(5);
    }
  }

  @Test
  void closeWakesEveryWaitInProgressSayingTheSimulatorClosed() throws Exception {
    try (Simulator sim = Simulator.builder().echo(false).component("echo", "cat").build().start()) {
      CompletableFuture<Throwable> message =
          waitInBackground(() -> sim.log().awaitMessage("a message never sent", m -> false, HOUR));
      CompletableFuture<Throwable> event =
          waitInBackground(() -> sim.log().awaitEvent("an entry never made", e -> false, HOUR));
      sim.close();
      assertThat(message.get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("the simulator is closed, so its log will never show a message");
      assertThat(event.get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("the simulator is closed, so its log will never show an entry");
    }
    // A stepped run that never goes quiet (an endless rally): only close can end its wait.
    try (Simulator sim = rally(Integer.MAX_VALUE, Network.reliable()).build().start()) {
      sim.send("test", "a", "0");
      CompletableFuture<Throwable> stepping =
          waitInBackground(() -> sim.log().awaitMessage("a message never sent", m -> false, HOUR));
      // The run moves only while that wait drives it: once it has moved, the wait is under way.
      // (Polled: a second waiter may not drive a stepped run.)
      assertThat(Polling.until(() -> sim.log().size(), size -> size >= 100, WAIT))
          .isGreaterThanOrEqualTo(100);
      sim.close();
      assertThat(stepping.get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("the simulator is closed, so its log will never show a message");
    }
  }

  /** Runs {@code wait} on a thread of its own; completes with what it threw, once it returns. */
  private static CompletableFuture<Throwable> waitInBackground(Runnable wait) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              started.countDown();
              outcome.complete(catchThrowable(wait::run));
            });
    waiter.start();
    started.await();
    return outcome;
  }

  @Test
  void aWaitOnAClosedSimulatorFailsAtOnceSayingSo() {
    Simulator sim = Simulator.builder().echo(false).component("echo", "cat").build().start();
    sim.close();
    assertThatThrownBy(() -> sim.log().awaitMessage(m -> false, Duration.ofHours(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the simulator is closed, so its log will never show");
  }

  @Test
  void steppedControlsNeedASteppedRun() {
    try (Simulator sim = Simulator.builder().echo(false).component("echo", "cat").build().start()) {
      assertThatThrownBy(() -> sim.advance(1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs a stepped simulation");
      assertThatThrownBy(() -> sim.advanceUntil(Duration.ofSeconds(1), WAIT))
          .isInstanceOf(IllegalStateException.class);
      assertThat(sim.steps()).isZero();
    }
  }

  @Test
  void anAssertionInAWaitsConditionFailsTheWaiterAndTheStepperSurvives() {
    try (Simulator sim = rally(4, Network.reliable()).build().start()) {
      sim.send("test", "a", "0");
      assertThatThrownBy(
              () ->
                  sim.log()
                      .awaitMessage(
                          m -> {
                            assertThat(m.body()).isEqualTo("never");
                            return true;
                          },
                          WAIT))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("never");
      sim.awaitQuiescence(WAIT);
      assertThat(delivered(sim)).isEqualTo(5);
    }
  }

  @Test
  void aTimerTooFarAwayNeverFiresAndBreaksNothing() {
    String node =
        "import sys\n"
            + "print('send procsim timer 10000000000000 never')\n"
            + "print('send procsim timer 5 soon')\n"
            + "for line in sys.stdin: print('woke ' + line.strip())";
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .component("t", "python3", "-c", node)
            .build()
            .start()) {
      sim.awaitQuiescence(WAIT);
      assertThat(sim.component("t").output()).containsExactly("woke soon");
      assertThat(sim.log().protocolErrors()).isEmpty();
      assertThat(sim.now()).isEqualTo(Duration.ofMillis(5));
    }
  }

  @Test
  void inRealTimeTheLongestTimerNeverFiresEither() {
    String node =
        "echo 'send procsim timer 9223372036854775807 never'; echo 'send procsim timer 50 soon';"
            + " while read line; do echo \"woke $line\"; done";
    try (Simulator sim =
        Simulator.builder().echo(false).component("t", "sh", "-c", node).build().start()) {
      // Had the longest due time overflowed, "never" would have come at once, before "soon".
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("woke soon"), WAIT);
      assertThat(sim.component("t").output()).containsExactly("woke soon");
      assertThat(sim.log().messages())
          .filteredOn(m -> m.body().equals("never") && m.from().equals("procsim"))
          .singleElement()
          .extracting(Message::fate)
          .isEqualTo(Fate.IN_FLIGHT);
    }
  }

  @Test
  void aProcessThatClosedItsStdoutIsIdleWhileItReads() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .stepped()
            .stepTimeout(Duration.ofSeconds(3))
            .component("mute", "sh", "-c", "exec 1>&-; while read x; do :; done")
            .build()
            .start()) {
      for (int i = 0; i < 3; i++) {
        sim.send("test", "mute", "m" + i);
      }
      sim.awaitQuiescence(WAIT);
      assertThat(delivered(sim)).isEqualTo(3);
      assertThat(sim.log().protocolErrors()).isEmpty();
    }
  }
}
