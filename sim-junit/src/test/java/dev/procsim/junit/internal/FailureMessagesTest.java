package dev.procsim.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.junit.SimAwait;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class FailureMessagesTest {
  private static final String RECIPE = "rerun this seed: @SimulationTest(seed = 7L) on T.m()";

  private Simulator sim;

  @BeforeEach
  void startASimulation() {
    sim = Simulator.builder().echo(false).seed(7).component("echo", "cat").build().start();
    sim.send("test", "echo", "hello");
    sim.log()
        .awaitEvent(
            e -> e instanceof LogEvent.Output out && out.line().equals("hello"),
            Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    sim.close();
  }

  private String rewritten(Throwable failure) {
    return FailureMessages.rewrite(failure, sim, "seed 7", RECIPE, 40).getMessage();
  }

  @Test
  void theHeadlineNamesTheSeedAndTheFirstLineThenTheReportFollowsOnce() {
    String text = rewritten(new AssertionError("expected a leader\nbut there were two"));

    assertThat(text.lines().toList())
        .startsWith(
            "seed 7: expected a leader",
            "but there were two",
            "",
            "procsim: seed 7 (run " + sim.runId() + ")",
            RECIPE);
    assertThat(text)
        .containsOnlyOnce("last entries of the message log:")
        .containsOnlyOnce("echo: hello");
  }

  @Test
  void aFailureThatShowsLogLinesAlreadyIsNotShownTheTailAgain() {
    String withLog = "no commit\n" + sim.log().describeTail(40);

    String text = rewritten(new AssertionError(withLog));

    assertThat(text)
        .startsWith("seed 7: no commit\n")
        .containsOnlyOnce("echo: hello")
        .contains(RECIPE);
    assertThat(text).doesNotContain("last entries of the message log:");
  }

  @Test
  void aFailureCarryingProcsimsReportGetsOnlyTheRecipe() {
    String simAwaits = "echo exited with code 1 while awaited: boom\n" + FailureReport.of(sim, 40);

    String text = rewritten(new AssertionError(simAwaits));

    assertThat(text)
        .startsWith("seed 7: echo exited with code 1 while awaited: boom\nprocsim: seed 7 (run ")
        .containsOnlyOnce("procsim: seed 7")
        .containsOnlyOnce(RECIPE)
        .containsOnlyOnce("echo: hello");
    assertThat(text.lines().toList().get(2)).isEqualTo(RECIPE);
  }

  @Test
  void anAwaitilityTimeOutSaysWhatWasAwaitedAndForHowLongFirst() {
    Throwable timeout =
        catchThrowable(
            () ->
                await("the leader's commit")
                    .atMost(Duration.ofMillis(200))
                    .untilAsserted(
                        () ->
                            assertThat(sim.component("echo").output())
                                .as("outputs of echo")
                                .contains("commit")));

    String text = rewritten(timeout);

    assertThat(text.lines().findFirst())
        .hasValue("seed 7: 'the leader's commit' did not hold within 200 milliseconds:");
    assertThat(text).contains("outputs of echo").containsOnlyOnce("echo: hello");
  }

  @Test
  void aFailFastDeathInsideAwaitilityIsReportedAsTheDeathItself() {
    try (Simulator dying =
        Simulator.builder()
            .echo(false)
            .seed(7)
            .component("quitter", "sh", "-c", "read x; echo 'disk full' >&2; exit 4")
            .build()
            .start()) {
      // The message goes out from inside the wait: sent before it, the quitter may die before the
      // wait
      // begins, which is another report ("before the wait began").
      AtomicBoolean sent = new AtomicBoolean();
      Throwable failure =
          catchThrowable(
              () ->
                  SimAwait.awaitWhileAlive(dying, "quitter")
                      .atMost(Duration.ofMinutes(1))
                      .until(
                          () -> {
                            if (sent.compareAndSet(false, true)) {
                              dying.send("test", "quitter", "go");
                            }
                            return false;
                          }));

      Throwable reported = FailureMessages.rewrite(failure, dying, "seed 7", RECIPE, 40);

      assertThat(reported.getMessage())
          .startsWith("seed 7: quitter exited with code 4 while awaited: disk full\n");
      assertThat(reported.getMessage())
          .containsOnlyOnce("procsim: seed 7")
          .containsOnlyOnce(RECIPE)
          .containsOnlyOnce("disk full\n      ");
      assertThat(reported).hasNoCause();
    }
  }

  @Test
  void anAssertionWithExpectedAndActualKeepsThemForTheIdesComparison() {
    Throwable reported =
        FailureMessages.rewrite(
            new AssertionFailedError("values differ", "a", "b"), sim, "seed 7", RECIPE, 40);

    assertThat(reported).isInstanceOf(AssertionFailedError.class);
    AssertionFailedError failed = (AssertionFailedError) reported;
    assertThat(failed.getExpected().getValue()).isEqualTo("a");
    assertThat(failed.getActual().getValue()).isEqualTo("b");
  }

  @Test
  void anExceptionIsNamedByItsTypeAndKeepsItsCause() {
    IllegalStateException cause = new IllegalStateException("socket closed");
    Throwable reported =
        FailureMessages.rewrite(
            new RuntimeException("client failed", cause), sim, "seed 7", RECIPE, 40);

    assertThat(reported.getMessage())
        .startsWith("seed 7: java.lang.RuntimeException: client failed\n");
    assertThat(reported).hasCause(cause);
  }
}
