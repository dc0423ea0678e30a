package dev.procsim.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.scheduling.RealClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A line is written by the thread that offers it when that cannot block (the writer thread idle,
 * the pipe seen empty, the line short), after the network's lock is left, together with what was
 * offered meanwhile; everything else goes through the writer thread, in order.
 */
@EnabledOnOs(OS.LINUX)
class DirectWritesTest {
  /** Guards against a hang only: a blocked write would otherwise stall the build. */
  private static final Duration HANG = Duration.ofSeconds(60);

  private final LogStore log = new LogStore(new RealClock(), 1_000_000);
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void endProcesses() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private StdinWriter attachedTo(Process process, int capacity) {
    StdinWriter writer = new StdinWriter("target", WireProtocol.LINE, log, capacity);
    writer.attach(process.getOutputStream(), () -> StdinRoom.of(process), "target-stdin");
    return writer;
  }

  private Process start(String... command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    started.add(process);
    return process;
  }

  private Message sent(String body) {
    return log.recordSent("a", "target", body);
  }

  @Test
  void aShortLineToAnEmptyPipeIsWrittenByTheOfferingThread() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    BufferedReader echoed = cat.inputReader(StandardCharsets.UTF_8);

    for (int i = 0; i < 5; i++) {
      Message message = sent("hello " + i);
      assertThat(writer.offer(message)).isNull();

      // Written before offer returned: no other thread had to run for it.
      assertThat(log.message(message.id()).fate()).isEqualTo(Fate.DELIVERED);
      assertThat(echoed.readLine()).isEqualTo("hello " + i);
    }
  }

  @Test
  void inADeferringSectionTheLinesGoTogetherWhenItEnds() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    List<Message> burst = new ArrayList<>();

    DeferredWrites.enter();
    try {
      for (int i = 0; i < 10; i++) {
        Message message = sent("line " + i);
        burst.add(message);
        writer.offer(message);
      }
      assertThat(burst)
          .as("nothing is written while the section lasts")
          .allSatisfy(m -> assertThat(log.message(m.id()).fate()).isEqualTo(Fate.IN_FLIGHT));
    } finally {
      DeferredWrites.leave();
    }

    assertThat(burst)
        .allSatisfy(m -> assertThat(log.message(m.id()).fate()).isEqualTo(Fate.DELIVERED));
    BufferedReader echoed = cat.inputReader(StandardCharsets.UTF_8);
    for (int i = 0; i < 10; i++) {
      assertThat(echoed.readLine()).isEqualTo("line " + i);
    }
  }

  @Test
  void longLinesGoThroughTheWriterThreadAndEverythingArrivesInOrder() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      bodies.add(
          i % 3 == 1 ? "long " + i + " " + "x".repeat(StdinRoom.SAFE_BYTES * 2) : "short " + i);
    }
    List<String> echoedLines = new ArrayList<>();
    BufferedReader echoed = cat.inputReader(StandardCharsets.UTF_8);
    // Reads all the while, so that the writer thread's long lines never fill the pipe.
    Thread reader =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < bodies.size(); i++) {
                  echoedLines.add(echoed.readLine());
                }
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    reader.start();

    for (String body : bodies) {
      assertThat(writer.offer(sent(body))).isNull();
    }
    reader.join(HANG.toMillis());

    assertThat(echoedLines).containsExactlyElementsOf(bodies);
  }

  @Test
  void offersToAProcessThatNeverReadsNeverBlockAndWaitInTheBacklog() {
    assertTimeoutPreemptively(
        HANG,
        () -> {
          Process sleeper = start("sleep", "1000");
          StdinWriter writer = attachedTo(sleeper, 10_000);
          List<Message> offered = new ArrayList<>();
          // 1,000 lines of 1,000 bytes: far more than any pipe holds.
          for (int i = 0; i < 1_000; i++) {
            Message message = sent(i + " " + "y".repeat(1_000));
            offered.add(message);
            assertThat(writer.offer(message)).isNull();
          }

          assertThat(log.message(offered.get(0).id()).fate()).isEqualTo(Fate.DELIVERED);
          assertThat(log.message(offered.get(999).id()).fate())
              .as("still waiting: the pipe is full and the writer thread blocked")
              .isEqualTo(Fate.IN_FLIGHT);
          writer.stop("the test is over");
        });
  }

  @Test
  void aStoppedWriterClosesBothWriteEndsSoTheProcessSeesTheEndOfInput() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    Message message = sent("last");
    writer.offer(message);
    assertThat(log.message(message.id()).fate()).isEqualTo(Fate.DELIVERED);

    writer.stop("done");

    assertThat(cat.waitFor(HANG.toSeconds(), TimeUnit.SECONDS))
        .as("cat ended on end of input")
        .isTrue();
    assertThat(cat.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("last");
  }

  @Test
  void aDirectWriteToAProcessThatClosedItsStdinCorrectsTheFate() throws Exception {
    Process closer = start("sh", "-c", "read line; exec 0<&-; echo closed; exec sleep 1000");
    StdinWriter writer = attachedTo(closer, 100);
    Message first = sent("first");
    writer.offer(first);
    assertThat(log.message(first.id()).fate()).isEqualTo(Fate.DELIVERED);
    assertThat(closer.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("closed");
    Message second = sent("nobody reads this");

    writer.offer(second);

    assertThat(log.message(second.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
    assertThat(log.message(second.id()).reason()).startsWith("target closed its stdin");
    assertThat(writer.offer(sent("later"))).startsWith("target closed its stdin");
  }

  @Test
  void aStopWhileTheWriteIsDeferredMakesTheLinesUndeliverableAndWritesNothing() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    Message first = sent("one");
    Message second = sent("two");

    DeferredWrites.enter();
    try {
      writer.offer(first);
      writer.offer(second);
      writer.stop("target is down: it was crashed");
    } finally {
      DeferredWrites.leave();
    }

    assertThat(List.of(first, second))
        .allSatisfy(
            m -> {
              assertThat(log.message(m.id()).fate()).isEqualTo(Fate.UNDELIVERABLE);
              assertThat(log.message(m.id()).reason()).isEqualTo("target is down: it was crashed");
            });
    assertThat(cat.inputReader(StandardCharsets.UTF_8).readLine())
        .as("cat read nothing before the end of its input")
        .isNull();
  }

  @Test
  void aPauseWhileTheWriteIsDeferredHoldsTheLinesUntilTheResume() throws Exception {
    Process cat = start("cat");
    StdinWriter writer = attachedTo(cat, 100);
    Message message = sent("after the pause");

    DeferredWrites.enter();
    try {
      writer.offer(message);
      writer.hold(true);
    } finally {
      DeferredWrites.leave();
    }
    assertThat(log.message(message.id()).fate()).isEqualTo(Fate.IN_FLIGHT);

    writer.hold(false);

    assertThat(cat.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("after the pause");
    assertThat(log.message(message.id()).fate()).isEqualTo(Fate.DELIVERED);
  }
}
