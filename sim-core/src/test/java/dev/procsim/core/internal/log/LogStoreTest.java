package dev.procsim.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.MessageLog;
import dev.procsim.core.internal.scheduling.RealClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogStoreTest {
  private final LogStore store = new LogStore(new RealClock(), 100_000);
  private final MessageLog log = new SimulationLog(store, new BlockingWait(store));

  @Test
  void entriesAreNumberedWithoutGapsAndTimesNeverDecrease() {
    Message m = store.recordSent("a", "b", "hi");
    store.components().recordOutput("a", "line");
    store.recordDelivered(m.id());
    List<LogEvent> events = log.events();
    assertThat(events).extracting(LogEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(events).extracting(LogEvent::nanos).isSorted();
    assertThat(log.message(m.id()).fate()).isEqualTo(Fate.DELIVERED);
  }

  @Test
  void manyMessagesAcrossStorageBlocksKeepTheirEndpointsBodiesFatesAndOriginals() {
    int count = 10_000; // more than two of the log's blocks of 4096
    for (int i = 1; i <= count; i++) {
      Message m = store.recordSent("a" + i % 3, "b" + i % 5, "body " + i);
      if (i % 7 == 0) {
        store.recordDropped(m.id(), "lost " + i);
      } else {
        store.recordDelivered(m.id());
      }
    }
    Message copy = store.recordDuplicate(store.message(4097));
    List<LogEvent> before = log.events();

    store.components().recordOutput("a1", "after the view was taken");

    assertThat(log.events()).hasSize(before.size() + 1);
    assertThat(before).extracting(LogEvent::seq).isSorted().doesNotHaveDuplicates();
    assertThat(before)
        .filteredOn(e -> e instanceof LogEvent.Sent sent && sent.messageId() == 4097)
        .singleElement()
        .isEqualTo(
            new LogEvent.Sent(
                2 * 4097 - 1, before.get(2 * 4097 - 2).nanos(), 4097, "a2", "b2", "body 4097"));
    Message seventh = log.message(9_996);
    assertThat(seventh.fate()).isEqualTo(Fate.DROPPED);
    assertThat(seventh.reason()).isEqualTo("lost 9996");
    assertThat(log.message(9_997).reason()).isEmpty();
    assertThat(copy.duplicateOf()).isEqualTo(4097);
    assertThat(copy.body()).isEqualTo("body 4097");
    assertThat(log.messages()).hasSize(count + 1).extracting(Message::id).isSorted();
    assertThatThrownBy(() -> log.message(count + 2))
        .hasMessageContaining("no message #" + (count + 2))
        .hasMessageContaining("#1 to #" + (count + 1));
  }

  @Test
  void aFinalFateIsNeverOverwritten() {
    Message m = store.recordSent("a", "b", "hi");
    assertThat(store.recordUndeliverable(m.id(), "b exited")).isTrue();
    assertThat(store.recordDelivered(m.id())).isFalse();
    assertThat(log.message(m.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
    assertThat(log.message(m.id()).reason()).isEqualTo("b exited");
  }

  @Test
  void theMessagesOfOneWriteAreMarkedDeliveredInOrderAtOneTimeExceptThoseAlreadyFinal() {
    Message first = store.recordSent("a", "b", "1");
    Message gone = store.recordSent("a", "b", "2");
    Message last = store.recordSent("a", "b", "3");
    store.recordUndeliverable(gone.id(), "b exited");

    boolean[] marked = store.recordDelivered(List.of(first, gone, last));

    assertThat(marked).containsExactly(true, false, true);
    assertThat(log.messages())
        .extracting(Message::fate)
        .containsExactly(Fate.DELIVERED, Fate.UNDELIVERABLE, Fate.DELIVERED);
    List<LogEvent> delivered =
        log.events().stream().filter(LogEvent.Delivered.class::isInstance).toList();
    assertThat(delivered)
        .extracting(e -> ((LogEvent.Delivered) e).messageId())
        .containsExactly(first.id(), last.id());
    assertThat(delivered.get(0).nanos()).isEqualTo(delivered.get(1).nanos());
    assertThat(delivered).extracting(LogEvent::seq).isSorted();
  }

  @Test
  void resolveInFlightLeavesNoMessageWithoutAFate() {
    store.recordDelivered(store.recordSent("a", "b", "1").id());
    store.recordSent("a", "b", "2");
    store.resolveInFlight("closed");
    assertThat(log.messages())
        .extracting(Message::fate)
        .containsExactly(Fate.DELIVERED, Fate.UNDELIVERABLE);
  }

  @Test
  void awaitMessageReturnsAMessageThatAlreadyMatches() {
    Message m = store.recordSent("a", "b", "hi");
    assertThat(log.awaitMessage(x -> x.body().equals("hi"), Duration.ZERO)).isEqualTo(m);
  }

  @Test
  void awaitMessageWakesWhenTheMatchingFateIsRecorded() throws Exception {
    Message m = store.recordSent("a", "b", "hi");
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Message> awaited =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              return log.awaitMessage(x -> x.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
            });
    waiting.await();
    store.components().recordOutput("a", "unrelated");
    store.recordDelivered(m.id());
    assertThat(awaited.get(30, TimeUnit.SECONDS).fate()).isEqualTo(Fate.DELIVERED);
  }

  @Test
  void whenSeveralMatchTheFirstSentIsReturned() throws Exception {
    Message first = store.recordSent("a", "b", "1");
    Message second = store.recordSent("a", "b", "2");
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Message> awaited =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              return log.awaitMessage(x -> x.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
            });
    waiting.await();
    store.recordDelivered(second.id());
    store.recordDelivered(first.id());
    // Either the waiter saw only the second delivery, or both at once: then the first sent wins.
    assertThat(awaited.get(30, TimeUnit.SECONDS).id()).isIn(first.id(), second.id());
    assertThat(log.awaitMessage(x -> x.fate() == Fate.DELIVERED, Duration.ZERO))
        .isEqualTo(log.message(first.id()));
  }

  @Test
  void aTimedOutWaitSaysWhatWasAwaitedAndShowsTheEndOfTheLog() {
    store.recordSent("p1", "p2", "ping");
    store.components().recordOutput("p2", "got nothing");
    assertThatThrownBy(
            () ->
                log.awaitMessage(
                    "a pong from p2", x -> x.from().equals("p2"), Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("timed out after 50 ms waiting for a pong from p2")
        .hasMessageContaining("send #1 p1 -> p2 \"ping\"")
        .hasMessageContaining("p2: got nothing");
    assertThatThrownBy(
            () ->
                log.awaitEvent(
                    "an exit of p2",
                    e -> e instanceof LogEvent.ProcessExited,
                    Duration.ofMillis(50)))
        .hasMessageStartingWith("timed out after 50 ms waiting for an exit of p2;");
  }

  @Test
  void awaitEventLooksAtEntriesAlreadyPresent() {
    store.components().recordStarted("p1", 123, List.of("sh"));
    LogEvent started = log.awaitEvent(e -> e instanceof LogEvent.ProcessStarted, Duration.ZERO);
    assertThat(started.describe()).isEqualTo("started p1 (pid 123): sh");
  }

  @Test
  void describeTailSaysHowManyEntriesItLeftOut() {
    for (int i = 0; i < 5; i++) {
      store.components().recordOutput("p", "line " + i);
    }
    assertThat(log.describeTail(2))
        .startsWith("  ... 3 earlier entries")
        .contains("p: line 3")
        .contains("p: line 4")
        .doesNotContain("line 2");
  }

  @Test
  void protocolErrorsAreListedApart() {
    store.components().recordOutput("p", "fine");
    store.errors().record("p", "send", "no target");
    assertThat(log.protocolErrors())
        .singleElement()
        .extracting(LogEvent.ProtocolError::problem)
        .isEqualTo("no target");
  }
}
