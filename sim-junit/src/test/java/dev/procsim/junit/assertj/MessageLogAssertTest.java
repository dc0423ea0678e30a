package dev.procsim.junit.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.MessageLog;
import dev.procsim.core.Simulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageLogAssertTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private Simulator sim;
  private MessageLog log;

  /**
   * A small real log: p1 -> p2 "one" and "two" delivered, p2 prints "ready" and exits, so "three"
   * is undeliverable; then p2 -> p1 "ack" is delivered.
   */
  @BeforeEach
  void aSmallLog() {
    sim =
        Simulator.builder()
            .echo(false)
            .component("p1", "cat")
            .component("p2", "sh", "-c", "read a; read b; echo ready")
            .build()
            .start();
    log = sim.log();
    sim.send("p1", "p2", "one");
    sim.send("p1", "p2", "two");
    sim.component("p2").awaitExit(WAIT);
    sim.send("p1", "p2", "three");
    sim.send("p2", "p1", "ack");
    log.awaitMessage(m -> m.body().equals("ack") && m.fate() == Fate.DELIVERED, WAIT);
  }

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void passingAssertionsChain() {
    SimAssertions.assertThat(log)
        .hasDelivered("p1", "p2", "one")
        .hasDeliveredTo("p1", "ack")
        .hasNotDelivered("p1", "p2", "three")
        .hasDeliveredInOrder("p1", "p2", "one", "two")
        .hasDeliveredCount("p1", "p2", 2)
        .hasMessageCount(4)
        .hasNoProtocolErrors()
        .hasOutput("p2", "ready");
  }

  @Test
  void underAwaitilityTheTimeOutStandsOnItsOwnLineAfterTheLogLines() {
    assertThatThrownBy(
            () ->
                await()
                    .atMost(Duration.ofMillis(300))
                    .untilAsserted(() -> SimAssertions.assertThat(log).hasOutput("p2", "done")))
        .hasMessageContaining("p2: ready" + System.lineSeparator() + " within 300 milliseconds");
  }

  @Test
  void hasDeliveredShowsTheMessagesOnTheLinkWithTheirFates() {
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasDelivered("p1", "p2", "three"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the log to show p1 -> p2 \"three\" delivered, but it does not.")
        .hasMessageContaining("messages p1 -> p2 (3):")
        .hasMessageContaining("#1 p1 -> p2 \"one\" DELIVERED")
        .hasMessageContaining("#3 p1 -> p2 \"three\" UNDELIVERABLE: p2 has exited (exit code 0)")
        .hasMessageNotContaining("ack");
  }

  @Test
  void anEmptyLinkShowsTheEndOfTheLog() {
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasDelivered("p3", "p1", "x"))
        .hasMessageContaining("There were no messages p3 -> p1; the log ends with:")
        .hasMessageContaining("p2: ready");
  }

  @Test
  void orderFailuresSayWhatIsMissingAfterWhat() {
    assertThatThrownBy(
            () -> SimAssertions.assertThat(log).hasDeliveredInOrder("p1", "p2", "two", "one"))
        .hasMessageContaining("\"one\" is missing after \"two\"");
  }

  @Test
  void countAndAbsenceFailuresShowTheLink() {
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasDeliveredCount("p1", "p2", 3))
        .hasMessageContaining("Expecting 3 messages delivered p1 -> p2, but there were 2.");
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasNotDelivered("p1", "p2", "one"))
        .hasMessageContaining("but it does ([1])");
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasOnlyDeliveredMessages())
        .hasMessageContaining("but 1 were not")
        .hasMessageContaining("#3 p1 -> p2 \"three\" UNDELIVERABLE");
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasNoUndeliverableMessages())
        .hasMessageContaining("#3 p1 -> p2 \"three\" UNDELIVERABLE");
  }

  @Test
  void protocolErrorAssertionsShowTheErrors() {
    // cat prints what it reads: a send line with the seed's comma slip.
    sim.send("test", "p1", "send p2, hi");
    log.awaitEvent(e -> e instanceof LogEvent.ProtocolError, WAIT);
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasNoProtocolErrors())
        .hasMessageContaining("Expecting no protocol errors, but there were 1")
        .hasMessageContaining("protocol error from p1: unknown target \"p2,\"");
    SimAssertions.assertThat(log).hasProtocolError("p1", "unknown target");
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasProtocolError("p2", "unknown target"))
        .hasMessageContaining("Expecting a protocol error from p2");
  }

  @Test
  void outputFailuresShowTheComponentsOutput() {
    assertThatThrownBy(() -> SimAssertions.assertThat(log).hasOutput("p2", "done"))
        .hasMessageContaining("Expecting p2 to print \"done\", but its output was:")
        .hasMessageContaining("p2: ready");
  }
}
