package dev.procsim.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.MessageLog;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.BlockingWait;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.SimulationLog;
import dev.procsim.core.internal.scheduling.RealClock;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log never shows an effect before its cause: a message is delivered in the log before the
 * first byte of its line reaches the target, and a write that fails corrects the fate.
 */
class StdinWriterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final LogStore log = new LogStore(new RealClock(), 1000);
  private final MessageLog view = new SimulationLog(log, new BlockingWait(log));
  private final StdinWriter writer = new StdinWriter("target", WireProtocol.LINE, log, 100);

  @Test
  void aMessageIsRecordedDeliveredBeforeItsBytesAreWritten() throws Exception {
    List<Fate> fateAtFirstByte = new ArrayList<>();
    Message sent = log.recordSent("a", "target", "hello");
    OutputStream pipe =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            if (fateAtFirstByte.isEmpty()) {
              // What a target reacting to this byte at once could already see in the log.
              fateAtFirstByte.add(log.message(sent.id()).fate());
            }
          }
        };
    writer.offer(sent);
    writer.attach(pipe, "target-stdin");
    view.awaitMessage("the delivery", m -> m.fate() == Fate.DELIVERED, WAIT);
    writer.stop("done");
    writer.join(WAIT.toMillis());

    assertThat(fateAtFirstByte).containsExactly(Fate.DELIVERED);
  }

  @Test
  void aWriteThatFailsCorrectsTheFateAndSaysWhy() throws Exception {
    Message first = log.recordSent("a", "target", "one");
    Message second = log.recordSent("a", "target", "two");
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    writer.offer(first);
    writer.offer(second);
    writer.attach(closedPipe, "target-stdin");
    view.awaitMessage(
        "both settled", m -> m.id() == second.id() && m.fate() == Fate.UNDELIVERABLE, WAIT);
    writer.join(WAIT.toMillis());

    assertThat(log.message(first.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
    assertThat(log.message(first.id()).reason())
        .isEqualTo("target closed its stdin (Broken pipe) (the write of its line failed)");
    assertThat(log.message(second.id()).reason())
        .isEqualTo("target closed its stdin (Broken pipe) (the write of its line failed)");
    // Written together, so recorded delivered together before the write, and both corrected.
    assertThat(log.events())
        .filteredOn(e -> e instanceof LogEvent.Delivered || e instanceof LogEvent.Undeliverable)
        .extracting(LogEvent::describe)
        .containsExactly(
            "delivered #1 a -> target",
            "delivered #2 a -> target",
            "undeliverable #1 a -> target: target closed its stdin (Broken pipe) (the write of its"
                + " line failed)",
            "undeliverable #2 a -> target: target closed its stdin (Broken pipe) (the write of its"
                + " line failed)");
  }

  @Test
  void aStopForACrashKeepsTheStdinOpenUntilReleased() throws Exception {
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    OutputStream pipe =
        new OutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public void close() {
            closed.countDown();
          }
        };
    Message waiting = log.recordSent("a", "target", "late");
    writer.attach(pipe, "target-stdin");
    writer.hold(true);
    writer.offer(waiting);
    writer.stopKeepingStdinOpen("target is down: it was crashed");

    assertThat(log.message(waiting.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
    // The writer thread has nothing left to write, yet must not close: the process would read
    // the end of its input before its SIGKILL.
    assertThat(closed.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
    writer.releaseStdin();
    assertThat(closed.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
  }
}
