package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input never hangs or corrupts: each case gets a clear entry naming the component, and the
 * rest of the simulation goes on (a second component, "b", keeps working in every case).
 *
 * <p>Cases covered in {@link SimulatorTest}: an unknown target and the seed's {@code p2,}; a send
 * without target; a command that does not exist, one without the execute bit, a missing working
 * directory (all fail {@code start()} naming the component, nothing left running); a process that
 * never reads its stdin (bounded backlog, others unaffected); one that ignores SIGTERM and forks
 * children and grandchildren (all gone after close); bad component names. The rest are here.
 */
class BadInputTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Simulator withB(String name, String... command) {
    return Simulator.builder()
        .echo(false)
        .component(name, command)
        .component("b", "cat")
        .build()
        .start();
  }

  /** The simulation goes on: b still gets and echoes a message. */
  private static void assertStillWorks(Simulator sim) {
    sim.send("test", "b", "still alive");
    sim.log()
        .awaitEvent(
            e ->
                e instanceof LogEvent.Output o
                    && o.component().equals("b")
                    && o.line().equals("still alive"),
            WAIT);
  }

  private static void awaitExit(Simulator sim, String name) {
    sim.component(name).awaitExit(WAIT);
  }

  @Test
  void emptyAndWhitespaceOnlyLinesAreOutputNotMessages() {
    try (Simulator sim = withB("a", "printf", "\\n   \\n\\t\\nsend\\t\\nsend b after\\n")) {
      sim.log().awaitMessage(m -> m.body().equals("after") && m.fate() == Fate.DELIVERED, WAIT);
      awaitExit(sim, "a");
      assertThat(sim.component("a").output()).containsExactly("", "   ", "\t");
      // "send" followed by a tab and nothing else has no target: that one is an error.
      assertThat(sim.log().protocolErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.component()).isEqualTo("a");
                assertThat(e.problem()).contains("without a target");
              });
      assertStillWorks(sim);
    }
  }

  @Test
  void aTenMegabyteLineIsCutReportedAndTheNextLineStillWorks() {
    try (Simulator sim =
        withB(
            "a",
            "python3",
            "-c",
            "print('x' * 10_000_000); print('send b next'); import sys; sys.stdin.read()")) {
      sim.log().awaitMessage(m -> m.body().equals("next") && m.fate() == Fate.DELIVERED, WAIT);
      LogEvent.ProtocolError error = sim.log().protocolErrors().get(0);
      assertThat(error.component()).isEqualTo("a");
      assertThat(error.problem()).isEqualTo("a stdout line longer than 1048576 bytes was cut");
      assertThat(error.line()).hasSizeLessThan(300); // the log shows a clipped line, not 10 MB
      assertThat(sim.component("a").output())
          .singleElement()
          .asString()
          .hasSize(Simulator.DEFAULT_MAX_LINE_LENGTH);
      assertStillWorks(sim);
    }
  }

  @Test
  void aStreamWithoutAnyNewlineIsCutAtTheMaximumAndTheRestSkipped() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .maxLineLength(4096)
            .component("a", "sh", "-c", "head -c 50000000 /dev/zero | tr '\\0' x")
            .component("b", "cat")
            .build()
            .start()) {
      awaitExit(sim, "a");
      assertThat(sim.component("a").output()).singleElement().asString().hasSize(4096);
      assertThat(sim.log().protocolErrors())
          .singleElement()
          .extracting(LogEvent.ProtocolError::problem)
          .isEqualTo("a stdout line longer than 4096 bytes was cut");
      assertStillWorks(sim);
    }
  }

  @Test
  void invalidUtf8IsReportedAndSuchASendIsNotDeliveredWhileNulBytesPassThrough() {
    try (Simulator sim =
        withB("a", "printf", "bad \\377 output\\nsend b bad \\300 body\\nsend b nul\\000byte\\n")) {
      sim.log().awaitMessage(m -> m.body().startsWith("nul") && m.fate() == Fate.DELIVERED, WAIT);
      List<LogEvent.ProtocolError> errors = sim.log().protocolErrors();
      assertThat(errors)
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.component()).isEqualTo("a");
                assertThat(e.problem()).contains("not valid UTF-8");
              });
      assertThat(errors.get(0).problem()).contains("offset 4");
      Message bad = sim.log().messages().get(0);
      assertThat(bad.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(bad.reason()).contains("not valid UTF-8");
      sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.component().equals("b"), WAIT);
      assertThat(sim.component("b").output()).containsExactly("nul\u0000byte");
      assertStillWorks(sim);
    }
  }

  @Test
  void aFloodOfOutputKeepsBoundedMemoryAndCountsWhatItDoesNotKeep() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .outputLimit(1000)
            .component("a", "sh", "-c", "yes flood | head -n 1000000; echo 'send b done'")
            .component("b", "cat")
            .build()
            .start()) {
      sim.log().awaitMessage(m -> m.body().equals("done") && m.fate() == Fate.DELIVERED, WAIT);
      awaitExit(sim, "a");
      assertThat(sim.component("a").output()).hasSize(1000).containsOnly("flood");
      LogEvent.OutputDiscarded discarded =
          (LogEvent.OutputDiscarded)
              sim.log().awaitEvent(e -> e instanceof LogEvent.OutputDiscarded, WAIT);
      assertThat(discarded.component()).isEqualTo("a");
      assertThat(discarded.count()).isEqualTo(999_000);
      assertThat(discarded.describe())
          .isEqualTo(
              "a: 999000 stdout lines (4995000 characters) were counted, not kept: beyond the first"
                  + " 1000 lines of the stream");
      assertThat(sim.log().size()).isLessThan(1100);
      assertStillWorks(sim);
    }
  }

  @Test
  void outputIsBoundedInBytesPerComponentAndPerSimulation() {
    // Lines of 1,000 characters: a keeps 10 of its 50 (10,000 bytes per component), stderr lines
    // as well as stdout lines; then b's lines spend the rest of the simulation's 14,000 bytes.
    String fiftyLines = "i=0; while [ $i -lt 50 ]; do printf '%01000d\\n' $i; i=$((i+1)); done";
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .outputBytes(10_000, 1_000_000)
            .component("a", "sh", "-c", fiftyLines)
            .build()
            .start()) {
      awaitExit(sim, "a");
      assertThat(sim.component("a").output()).hasSize(10).allMatch(l -> l.length() == 1000);
      LogEvent.OutputDiscarded discarded =
          (LogEvent.OutputDiscarded)
              sim.log().awaitEvent(e -> e instanceof LogEvent.OutputDiscarded, WAIT);
      assertThat(discarded.describe())
          .isEqualTo(
              "a: 40 stdout lines (40000 characters) were counted, not kept: past the 9.8 KiB of"
                  + " output kept per component");
    }
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .outputBytes(10_000, 14_000)
            // cat must print its last lines before it is ended: time enough, under load.
            .closeGrace(Duration.ofSeconds(30))
            .component("a", "sh", "-c", fiftyLines + " >&2; echo 'send b done'")
            .component("b", "cat")
            .build()
            .start()) {
      sim.log().awaitMessage(m -> m.body().equals("done") && m.fate() == Fate.DELIVERED, WAIT);
      awaitExit(sim, "a");
      assertThat(sim.component("a").errors()).hasSize(10);
      sim.send("test", "b", "x".repeat(3000));
      sim.send("test", "b", "x".repeat(3000));
      sim.send("test", "b", "last");
      sim.log().awaitMessage(m -> m.body().equals("last") && m.fate() == Fate.DELIVERED, WAIT);
      sim.close();
      // 10,000 bytes for a; b keeps "done" and one 3,000-character line, 13,004 in all; its next
      // line would pass 14,000, and once a line is refused, none after it is kept.
      assertThat(sim.component("b").output()).extracting(String::length).containsExactly(4, 3000);
      assertThat(sim.log().events())
          .filteredOn(e -> e instanceof LogEvent.OutputDiscarded d && d.component().equals("b"))
          .singleElement()
          .extracting(LogEvent::describe)
          .isEqualTo(
              "b: 2 stdout lines (3004 characters) were counted, not kept: past the 13.7 KiB of"
                  + " output kept per simulation");
    }
  }

  @Test
  void aReaderThatDiesIsRecordedNamingTheComponentAndFailsWaitsAtOnce() {
    // A wire protocol that runs out of memory on one line stands in for a pump starved of heap.
    WireProtocol starving =
        new WireProtocol() {
          @Override
          public Decoded decode(String line) {
            if (line.equals("huge")) {
              throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return WireProtocol.LINE.decode(line);
          }

          @Override
          public String encode(Message message) {
            return WireProtocol.LINE.encode(message);
          }
        };
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .component(
                ComponentSpec.of("a", "sh", "-c", "echo 'send b before'; echo huge; cat")
                    .withProtocol(starving))
            .component("b", "cat")
            .build()
            .start()) {
      LogEvent failed = sim.log().awaitEvent(e -> e instanceof LogEvent.ReaderFailed, WAIT);
      assertThat(failed.describe())
          .isEqualTo(
              "procsim stopped reading a's stdout: OutOfMemoryError: Java heap space (simulated);"
                  + " what a prints there from now on is lost");
      // What the log holds still satisfies a wait; what it may have lost fails it at once.
      sim.log().awaitMessage(m -> m.body().equals("before"), WAIT);
      Throwable waited =
          catchThrowable(() -> sim.log().awaitMessage(m -> m.body().equals("after"), WAIT));
      assertThat(waited)
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "procsim stopped reading a's stdout: OutOfMemoryError: Java heap space (simulated);"
                  + " what a prints there from now on is lost, so the log may never show");
    }
  }

  @Test
  void aMillionSendsToAnUnknownTargetAreCountedExactlyNotStoredOneByOne() {
    try (Simulator sim =
        withB("a", "sh", "-c", "yes 'send nobody hi' | head -n 1000000; echo 'send b done'")) {
      sim.log().awaitMessage(m -> m.body().equals("done") && m.fate() == Fate.DELIVERED, WAIT);
      awaitExit(sim, "a");
      LogEvent counted =
          sim.log().awaitEvent(e -> e instanceof LogEvent.ProtocolErrorsCounted, WAIT);
      assertThat(sim.log().protocolErrorCount()).isEqualTo(1_000_000);
      assertThat(sim.log().protocolErrors()).hasSize(100);
      assertThat(sim.log().messages()).hasSize(101);
      assertThat(counted.describe())
          .startsWith("a: 999900 more protocol errors like \"unknown target \"nobody\"")
          .endsWith("\" were counted, not recorded one by one");
      assertStillWorks(sim);
    }
  }

  @Test
  void aFloodOfStderrIsBoundedTooAndTheExitStillShowsTheLastLines() {
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .outputLimit(100)
            .component("a", "sh", "-c", "seq 100000 >&2; echo 'fatal: out of disk' >&2; exit 1")
            .component("b", "cat")
            .build()
            .start()) {
      LogEvent.ProcessExited exit =
          (LogEvent.ProcessExited)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProcessExited, WAIT);
      assertThat(exit.exitCode()).isEqualTo(1);
      assertThat(exit.lastErrors()).endsWith("100000", "fatal: out of disk");
      assertThat(sim.component("a").errors()).hasSize(100);
      assertStillWorks(sim);
    }
  }

  @Test
  void aProcessThatExitsAtOnceWithCodeOneShowsItsCodeAndLastStderrLines() {
    try (Simulator sim = withB("a", "sh", "-c", "echo 'error: no config file' >&2; exit 1")) {
      LogEvent.ProcessExited exit =
          (LogEvent.ProcessExited)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProcessExited, WAIT);
      assertThat(exit.describe())
          .startsWith("exited a (pid ")
          .contains("with code 1; last stderr lines:")
          .contains("error: no config file");
      assertStillWorks(sim);
    }
  }

  @Test
  void aProcessThatClosesItsStdoutButKeepsRunningIsReportedAndStillEndsAtClose() {
    Simulator sim = withB("a", "sh", "-c", "exec >&-; exec sleep 600");
    try (sim) {
      LogEvent closed = sim.log().awaitEvent(e -> e instanceof LogEvent.StdoutClosed, WAIT);
      assertThat(closed.describe())
          .contains("a (pid ")
          .contains("closed its stdout but keeps running");
      assertThat(sim.component("a").isAlive()).isTrue();
      assertStillWorks(sim);
    }
    assertThat(Simulator.processesOf(sim.runId())).isEmpty();
  }
}
