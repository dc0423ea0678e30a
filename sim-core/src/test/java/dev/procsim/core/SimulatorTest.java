package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Simulator.Builder quiet() {
    return Simulator.builder().echo(false);
  }

  /**
   * The run's processes once there are at least {@code count}. Polled: a shell's background child
   * exists from its fork, but while it is still in exec its environment (where the run id is) reads
   * as empty, and nothing announces the end of an exec.
   */
  private static List<ProcessHandle> awaitProcessesOf(Simulator sim, int count) {
    List<ProcessHandle> found =
        Polling.until(() -> Simulator.processesOf(sim.runId()), p -> p.size() >= count, WAIT);
    assertThat(found).as("processes of run %s", sim.runId()).hasSizeGreaterThanOrEqualTo(count);
    return found;
  }

  private static void assertNothingLeftOf(Simulator sim) {
    assertThat(Simulator.processesOf(sim.runId())).as("processes of run %s", sim.runId()).isEmpty();
    for (Component component : sim.components()) {
      assertThat(component.isAlive()).as("%s alive", component.name()).isFalse();
    }
    assertThat(sim.log().messages())
        .allSatisfy(m -> assertThat(m.fate()).isNotEqualTo(Fate.IN_FLIGHT));
  }

  @Test
  void theSeedsExampleWithItsTargetFixedDeliversAndEchoesLikeTheSeed() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Simulator sim =
        Simulator.builder()
            .seed(42)
            .echoTo(new PrintStream(console, true, StandardCharsets.UTF_8))
            .component("p1", "python3", "-c", "print('send p2 Hello from p1')")
            .component("p2", "python3", "-c", "import sys; print(sys.stdin.readline())")
            .build()
            .start();
    try (sim) {
      Message m =
          sim.log()
              .awaitMessage(msg -> msg.to().equals("p2") && msg.fate() == Fate.DELIVERED, WAIT);
      assertThat(m).extracting(Message::from, Message::body).containsExactly("p1", "Hello from p1");
      assertThat(sim.component("p2").awaitExit(WAIT)).isZero();
      assertThat(sim.component("p2").output()).containsExactly("Hello from p1", "");
      assertThat(sim.component("p1").output()).isEmpty();
      assertThat(sim.seed()).isEqualTo(42);
    }
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("p2: Hello from p1\n");
    assertNothingLeftOf(sim);
  }

  @Test
  void theSeedsExampleAsWrittenIsAProtocolErrorThatNamesTheComponentTheLineAndTheFix() {
    try (Simulator sim =
        quiet()
            .component("p1", "python3", "-c", "print('send p2, Hello from p1')")
            .component("p2", "python3", "-c", "import sys; print(sys.stdin.readline())")
            .build()
            .start()) {
      Message m = sim.log().awaitMessage(msg -> msg.fate().isFinal(), WAIT);
      assertThat(m.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(m.to()).isEqualTo("p2,");
      assertThat(m.reason()).contains("unknown target \"p2,\"").contains("p1, p2");
      LogEvent.ProtocolError error = sim.log().protocolErrors().get(0);
      assertThat(error.component()).isEqualTo("p1");
      assertThat(error.line()).isEqualTo("send p2, Hello from p1");
      assertThat(error.describe())
          .contains("protocol error from p1")
          .contains("Did you mean \"p2\"?")
          .contains("\"send p2, Hello from p1\"");
    }
  }

  @Test
  void aSendWithoutTargetIsUndeliverableAndAProtocolError() {
    try (Simulator sim = quiet().component("p1", "sh", "-c", "echo send; cat").build().start()) {
      Message m = sim.log().awaitMessage(msg -> msg.fate().isFinal(), WAIT);
      assertThat(m.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(m.reason()).contains("without a target");
      assertThat(sim.log().protocolErrors())
          .singleElement()
          .satisfies(e -> assertThat(e.component()).isEqualTo("p1"));
    }
  }

  @Test
  void bodiesArriveVerbatim() {
    String body = "  spaced  \t tabbed, ünïcödé 日本 \"quoted\" send x y ";
    try (Simulator sim = quiet().component("echo", "cat").build().start()) {
      sim.send("test", "echo", body);
      sim.log().awaitEvent(e -> e instanceof LogEvent.Output, WAIT);
      assertThat(sim.component("echo").output()).containsExactly(body);
    }
  }

  @Test
  void componentsCanTalkBothWays() {
    String ponger = "while read m; do echo \"send ping got $m\"; done";
    String pinger = "echo 'send pong 1'; read r; echo \"done: $r\"; cat";
    try (Simulator sim =
        quiet()
            .component("ping", "sh", "-c", pinger)
            .component("pong", "sh", "-c", ponger)
            .build()
            .start()) {
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.line().startsWith("done"), WAIT);
      assertThat(sim.component("ping").output()).containsExactly("done: got 1");
      assertThat(sim.log().messages())
          .extracting(Message::from, Message::to, Message::body, Message::fate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ping", "pong", "1", Fate.DELIVERED),
              org.assertj.core.groups.Tuple.tuple("pong", "ping", "got 1", Fate.DELIVERED));
    }
  }

  @Test
  void everyProcessGetsItsNameTheNamesItsSeedAndTheRunInItsEnvironment() {
    String show =
        "echo \"$PROCSIM_COMPONENT|$PROCSIM_COMPONENTS|$PROCSIM_SEED|$PROCSIM_RUN|$PYTHONUNBUFFERED\"";
    try (Simulator sim =
        quiet()
            .seed(42)
            .component("a", "sh", "-c", show)
            .component("b", "sh", "-c", show)
            .build()
            .start()) {
      sim.component("a").awaitExit(WAIT);
      sim.component("b").awaitExit(WAIT);
      assertThat(sim.component("a").output())
          .containsExactly("a|a,b|" + Seeds.forComponent(42, "a") + "|" + sim.runId() + "|1");
      assertThat(sim.component("b").output())
          .containsExactly("b|a,b|" + Seeds.forComponent(42, "b") + "|" + sim.runId() + "|1");
    }
  }

  @Test
  void aSpecMayOverridePythonUnbufferedAndAddVariablesButNotProcsimOnes() {
    ComponentSpec spec =
        ComponentSpec.of("a", "sh", "-c", "echo \"$PYTHONUNBUFFERED $MINE $PROCSIM_COMPONENT\"")
            .withEnvironment("PYTHONUNBUFFERED", "0")
            .withEnvironment("MINE", "yes")
            .withEnvironment("PROCSIM_COMPONENT", "fake");
    try (Simulator sim = quiet().component(spec).build().start()) {
      sim.component("a").awaitExit(WAIT);
      assertThat(sim.component("a").output()).containsExactly("0 yes a");
    }
  }

  @Test
  void aWorkingDirectoryIsUsed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("marker.txt"), "here\n");
    try (Simulator sim =
        quiet()
            .component(ComponentSpec.of("a", "cat", "marker.txt").withWorkingDirectory(dir))
            .build()
            .start()) {
      sim.component("a").awaitExit(WAIT);
      assertThat(sim.component("a").output()).containsExactly("here");
    }
  }

  @Test
  void aCommandThatDoesNotExistFailsStartNamingTheComponentAndLeavesNothingRunning() {
    Simulator sim =
        quiet()
            .component("first", "sleep", "60")
            .component("broken", "no-such-program-procsim", "--flag")
            .build();
    assertThatThrownBy(sim::start)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("component \"broken\"")
        .hasMessageContaining("no program \"no-such-program-procsim\" on the PATH");
    assertNothingLeftOf(sim);
    sim.close();
  }

  @Test
  void theLinesOfOneReadKeepTheirOrderInTheLogWhateverEachMeans() {
    // One printf, one write: the lines arrive in one read and are handled together.
    String burst =
        "read x; printf 'before\\nsend b one\\nsend nobody lost\\nsend b two\\nbetween\\n"
            + "send procsim timer 0 tick\\nsend b three\\nafter\\n'; cat > /dev/null";
    try (Simulator sim =
        quiet().component("burst", "sh", "-c", burst).component("b", "cat").build().start()) {
      sim.send("test", "burst", "go");
      sim.log()
          .awaitEvent(
              e ->
                  e instanceof LogEvent.Output o
                      && o.component().equals("burst")
                      && o.line().equals("after"),
              WAIT);
      List<String> seen = new ArrayList<>();
      for (LogEvent event : sim.log().events()) {
        if (event instanceof LogEvent.Output o && o.component().equals("burst")) {
          seen.add("output " + o.line());
        } else if (event instanceof LogEvent.Sent sent && sent.from().equals("burst")) {
          seen.add("send " + sent.to() + " " + sent.body());
        } else if (event instanceof LogEvent.ProtocolError error) {
          seen.add("error " + error.line());
        }
      }
      assertThat(seen)
          .containsExactly(
              "output before",
              "send b one",
              "send nobody lost",
              "error send nobody lost",
              "send b two",
              "output between",
              "send procsim timer 0 tick",
              "send b three",
              "output after");
    }
  }

  @Test
  void aReadOfManyMessagesToOneTargetDeliversThemAllInTheirOrder() {
    // 50 sends to b with an output line after every 7th, in one write: routed in several runs.
    StringBuilder lines = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.append("send b m").append(i).append("\\n");
      expected.add("m" + i);
      if (i % 7 == 6) {
        lines.append("note ").append(i).append("\\n");
      }
    }
    String burst = "read x; printf '" + lines + "'; cat > /dev/null";
    try (Simulator sim =
        quiet().component("burst", "sh", "-c", burst).component("b", "cat").build().start()) {
      sim.send("test", "burst", "go");
      sim.log()
          .awaitEvent(
              e ->
                  e instanceof LogEvent.Output o
                      && o.component().equals("b")
                      && o.line().equals("m49"),
              WAIT);
      assertThat(sim.component("b").output()).containsExactlyElementsOf(expected);
      assertThat(sim.log().messages())
          .filteredOn(m -> m.from().equals("burst"))
          .extracting(Message::body)
          .containsExactlyElementsOf(expected);
      assertThat(sim.component("burst").output())
          .containsExactly(
              "note 6", "note 13", "note 20", "note 27", "note 34", "note 41", "note 48");
    }
  }

  @Test
  void processesSpawnSideBySideYetStartInTheirOrder() {
    Simulator.Builder builder = quiet();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      names.add("n" + i);
      builder.component("n" + i, "cat");
    }
    try (Simulator sim = builder.build().start()) {
      assertThat(sim.log().events())
          .filteredOn(LogEvent.ProcessStarted.class::isInstance)
          .extracting(e -> ((LogEvent.ProcessStarted) e).component())
          .containsExactlyElementsOf(names);
      for (String name : names) {
        sim.send("test", name, "hello " + name);
      }
      for (String name : names) {
        sim.log()
            .awaitEvent(
                e ->
                    e instanceof LogEvent.Output o
                        && o.component().equals(name)
                        && o.line().equals("hello " + name),
                WAIT);
      }
    }
  }

  @Test
  void aComponentThatCannotStartAmongManyFailsAtItAndLeavesNoneOfTheOthersRunning() {
    Simulator.Builder builder = quiet();
    for (int i = 0; i < 8; i++) {
      builder.component("before" + i, "sleep", "60");
    }
    builder.component("broken", "no-such-program-procsim");
    // Spawned beside the others before the failure is known, and never started: no log entry of
    // theirs, no process left.
    for (int i = 0; i < 8; i++) {
      builder.component("after" + i, "sleep", "60");
    }
    Simulator sim = builder.build();
    assertThatThrownBy(sim::start)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("component \"broken\"");
    assertThat(sim.log().events())
        .filteredOn(LogEvent.ProcessStarted.class::isInstance)
        .extracting(e -> ((LogEvent.ProcessStarted) e).component())
        .containsExactly(
            "before0", "before1", "before2", "before3", "before4", "before5", "before6", "before7");
    assertNothingLeftOf(sim);
    sim.close();
  }

  @Test
  void aFileWithoutExecuteBitFailsStartWithPermissionDenied(@TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("node.sh"), "#!/bin/sh\necho hi\n");
    Simulator sim = quiet().component("n", script.toString()).build();
    assertThatThrownBy(sim::start)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("component \"n\"")
        .hasMessageContaining("permission denied");
  }

  @Test
  void aMissingWorkingDirectoryFailsStartNamingTheComponentAndTheDirectory(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    Simulator sim =
        quiet().component(ComponentSpec.of("n", "cat").withWorkingDirectory(missing)).build();
    assertThatThrownBy(sim::start)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("component \"n\"")
        .hasMessageContaining(missing + " does not exist");
  }

  @Test
  void aProcessThatExitsAtOnceShowsItsExitCodeAndLastStderrLines() {
    try (Simulator sim =
        quiet()
            .component("crashy", "sh", "-c", "echo starting >&2; echo 'bad config' >&2; exit 3")
            .build()
            .start()) {
      LogEvent.ProcessExited exit =
          (LogEvent.ProcessExited)
              sim.log().awaitEvent(e -> e instanceof LogEvent.ProcessExited, WAIT);
      assertThat(exit.component()).isEqualTo("crashy");
      assertThat(exit.exitCode()).isEqualTo(3);
      assertThat(exit.lastErrors()).containsExactly("starting", "bad config");
      assertThat(exit.describe())
          .contains("exited crashy")
          .contains("with code 3")
          .contains("bad config");
      assertThat(sim.component("crashy").exitCode()).hasValue(3);
      assertThat(sim.component("crashy").errors()).containsExactly("starting", "bad config");
    }
  }

  @Test
  void messagesToAComponentThatExitedAreUndeliverableWithTheReason() {
    try (Simulator sim =
        quiet().component("gone", "true").component("alive", "cat").build().start()) {
      sim.component("gone").awaitExit(WAIT);
      Message sent = sim.send("test", "gone", "too late");
      Message m =
          sim.log().awaitMessage(msg -> msg.id() == sent.id() && msg.fate().isFinal(), WAIT);
      assertThat(m.fate()).isEqualTo(Fate.UNDELIVERABLE);
      assertThat(m.reason()).isEqualTo("gone has exited (exit code 0)");
    }
  }

  @Test
  void aTargetThatNeverReadsBlocksNobodyElseAndItsBacklogIsBounded() {
    try (Simulator sim =
        quiet()
            .stdinBacklog(100)
            .closeGrace(Duration.ofMillis(100))
            .component("deaf", "sleep", "600")
            .component("echo", "cat")
            .build()
            .start()) {
      String kilobyte = "x".repeat(1024);
      for (int i = 0; i < 1000; i++) {
        sim.send("test", "deaf", kilobyte);
      }
      Message refused =
          sim.log()
              .awaitMessage(m -> m.to().equals("deaf") && m.fate() == Fate.UNDELIVERABLE, WAIT);
      assertThat(refused.reason()).contains("stdin backlog of deaf is full (100 messages waiting)");
      sim.send("test", "echo", "still flowing");
      sim.log()
          .awaitEvent(
              e -> e instanceof LogEvent.Output o && o.line().equals("still flowing"), WAIT);
    }
  }

  @Test
  void closeEndsWholeTreesIncludingTermIgnorersAndEscapedDaemons() {
    // Each part says when its processes exist: "daemon" once the escaped sleep is forked, "inner"
    // once the TERM-ignoring shell has its child.
    String tree =
        "trap '' TERM; sleep 600 & (sleep 600 & echo daemon) ;"
            + " sh -c 'trap \"\" TERM; sleep 600 & echo inner; wait' & wait";
    Simulator sim =
        quiet()
            .closeGrace(Duration.ofMillis(200))
            .component("tree", "sh", "-c", tree)
            .build()
            .start();
    try (sim) {
      for (String part : List.of("daemon", "inner")) {
        sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals(part), WAIT);
      }
      List<ProcessHandle> before = awaitProcessesOf(sim, 4);
      sim.close();
      assertThat(before).noneMatch(ProcessHandle::isAlive);
      assertNothingLeftOf(sim);
      assertThat(sim.component("tree").exitCode()).isPresent();
    }
  }

  @Test
  void closeIsIdempotentAndWorksBeforeStart() {
    Simulator unstarted = quiet().component("a", "cat").build();
    unstarted.close();
    unstarted.close();
    assertThatThrownBy(unstarted::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");

    Simulator sim = quiet().component("a", "cat").build().start();
    try (sim) {
      assertThatThrownBy(sim::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("started");
      sim.close();
      sim.close();
      assertNothingLeftOf(sim);
    }
  }

  @Test
  void closeWhileInterruptedStillEndsEveryProcessAndKeepsTheInterrupt() {
    Simulator sim =
        quiet().component("deaf", "sh", "-c", "trap '' TERM; sleep 600").build().start();
    try (sim) {
      Thread.currentThread().interrupt();
      try {
        sim.close();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertNothingLeftOf(sim);
    }
  }

  @Test
  void messagesNotYetDeliveredAtCloseGetAFate() {
    Simulator sim =
        quiet().closeGrace(Duration.ZERO).component("deaf", "sleep", "600").build().start();
    try (sim) {
      for (int i = 0; i < 200; i++) {
        sim.send("test", "deaf", "y".repeat(4096));
      }
      sim.close();
      assertThat(sim.log().messages())
          .filteredOn(m -> m.fate() == Fate.UNDELIVERABLE)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.reason()).contains("closed"));
      assertNothingLeftOf(sim);
    }
  }

  @Test
  void aBodyAProcessCouldNotReadAsLoggedIsRefusedWhereverItComesFrom() {
    Node forwarder = (from, body, ctx) -> ctx.send("reader", "x\uDC00y"); // a lone low surrogate
    try (Simulator sim =
        quiet().component("reader", "cat").node("forwarder", () -> forwarder).build().start()) {
      assertThatThrownBy(() -> sim.send("test", "reader", "a\uD800b"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a message body must be text a process can read: it holds an unpaired surrogate"
                  + " U+D800 at index 1, which UTF-8 cannot encode");
      sim.send("test", "reader", "smile \uD83D\uDE00"); // a pair is one code point: fine
      sim.send("test", "forwarder", "go");
      Message refused =
          sim.log()
              .awaitMessage(
                  m -> m.from().equals("forwarder") && m.fate() == Fate.UNDELIVERABLE, WAIT);
      assertThat(refused.reason())
          .isEqualTo(
              "its line for reader holds an unpaired surrogate U+DC00 at index 1, which UTF-8"
                  + " cannot encode");
      sim.log()
          .awaitEvent(
              e -> e instanceof LogEvent.Output o && o.line().equals("smile \uD83D\uDE00"), WAIT);
    }
  }

  @Test
  void sendChecksItsArgumentsAndTheState() {
    Simulator sim = quiet().component("a", "cat").component("b", "cat").build();
    try (sim) {
      assertThatThrownBy(() -> sim.send("test", "a", "x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not started");
      sim.start();
      assertThatThrownBy(() -> sim.send("test", "c", "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"c\"")
          .hasMessageContaining("a, b");
      assertThatThrownBy(() -> sim.send("test", "a", "two\nlines"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line break");
      assertThatThrownBy(() -> sim.send("a test", "a", "x"))
          .isInstanceOf(IllegalArgumentException.class);
      sim.close();
      assertThatThrownBy(() -> sim.send("test", "a", "x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void anUnknownComponentNameListsTheKnownOnes() {
    try (Simulator sim = quiet().component("a", "cat").component("b", "cat").build()) {
      assertThatThrownBy(() -> sim.component("z"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no component \"z\"; the components are: a, b");
    }
  }

  @Test
  void badComponentDeclarationsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> Simulator.builder().component("a", "cat").component("a", "cat"))
        .hasMessageContaining("duplicate component name \"a\"");
    assertThatThrownBy(() -> Simulator.builder().component("", "cat"))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Simulator.builder().component("a b", "cat"))
        .hasMessageContaining("whitespace");
    assertThatThrownBy(() -> Simulator.builder().component("../x", "cat"))
        .hasMessageContaining("path");
    assertThatThrownBy(() -> Simulator.builder().component("a,b", "cat"))
        .hasMessageContaining("comma");
    assertThatThrownBy(() -> Simulator.builder().component("a"))
        .hasMessageContaining("component \"a\": the command is empty");
    assertThatThrownBy(() -> Simulator.builder().build())
        .hasMessageContaining("at least one component");
  }

  @Test
  void anEnvironmentOrCommandTheOsCannotPassIsAClearErrorNamingTheComponent() {
    ComponentSpec spec = ComponentSpec.of("a", "cat");
    assertThatThrownBy(() -> spec.withEnvironment("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component \"a\": the environment variable \"\" has an empty name");
    assertThatThrownBy(() -> spec.withEnvironment("A=B", "x"))
        .hasMessage(
            "component \"a\": the environment variable \"A=B\" has a name with '=', which would"
                + " end the name there");
    assertThatThrownBy(() -> spec.withEnvironment("A", "x\0y"))
        .hasMessage(
            "component \"a\": the environment variable \"A\" contains a NUL character, which the"
                + " OS cannot pass to a process");
    assertThatThrownBy(() -> ComponentSpec.of("b", "echo", "x\0y"))
        .hasMessageStartingWith("component \"b\": the command argument ")
        .hasMessageEndingWith("contains a NUL character, which the OS cannot pass to a process");
    assertThat(spec.withEnvironment("A", "x=y").environment()).containsEntry("A", "x=y");
  }

  @Test
  void anOverlongLineIsCutAndReported() {
    try (Simulator sim =
        quiet()
            .maxLineLength(1000)
            .component(
                "loud",
                "python3",
                "-c",
                "print('x' * 5000); print('send loud ' + 'y' * 5000); print('after')")
            .build()
            .start()) {
      sim.log().awaitEvent(e -> e instanceof LogEvent.Output o && o.line().equals("after"), WAIT);
      assertThat(sim.component("loud").output()).first().asString().hasSize(1000);
      assertThat(sim.log().protocolErrors())
          .extracting(LogEvent.ProtocolError::problem)
          .anySatisfy(p -> assertThat(p).contains("stdout line longer than 1000 bytes was cut"))
          .anySatisfy(p -> assertThat(p).contains("send line longer than 1000 bytes was cut"));
      assertThat(sim.log().messages())
          .singleElement()
          .extracting(Message::fate)
          .isEqualTo(Fate.UNDELIVERABLE);
    }
  }

  @Test
  void aComponentWithSenderNamesReadsWhoSentEachMessage() {
    try (Simulator sim =
        quiet()
            .component(ComponentSpec.of("named", "cat").withSenderNames())
            .component("plain", "cat")
            .build()
            .start()) {
      sim.send("test", "named", "hello");
      sim.send("test", "plain", "hello");
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.component().equals("named"), WAIT);
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.component().equals("plain"), WAIT);
      assertThat(sim.component("named").output()).containsExactly("test hello");
      assertThat(sim.component("plain").output()).containsExactly("hello");
      // The log keeps the message as sent: the name is added on the way in.
      assertThat(sim.log().messages()).extracting(Message::body).containsOnly("hello");
    }
  }

  @Test
  void everyComponentOfASimulationCanReadSenderNames() {
    String answer =
        "import sys\nfor l in sys.stdin:\n  who, what = l.split(' ', 1)\n  print(f'send {who} re: {what.strip()}')";
    try (Simulator sim =
        quiet()
            .senderNames()
            .component("server", "python3", "-c", answer)
            .component("client", "cat")
            .build()
            .start()) {
      sim.send("client", "server", "ping");
      sim.log()
          .awaitEvent(e -> e instanceof LogEvent.Output o && o.component().equals("client"), WAIT);
      assertThat(sim.component("client").output()).containsExactly("server re: ping");
    }
  }

  @Test
  void pythonHashesAreSeededFromTheComponentsSeedUnlessItsSpecSaysOtherwise() {
    String print =
        "import os\nprint(os.environ['PYTHONHASHSEED'])\nprint(list({'a', 'b', 'c', 'd', 'e', 'f'}))";
    java.util.List<String> first = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Simulator sim =
          quiet()
              .seed(17)
              .component("py", "python3", "-c", print)
              .component(
                  ComponentSpec.of("own", "python3", "-c", print)
                      .withEnvironment("PYTHONHASHSEED", "0"))
              .build()
              .start()) {
        sim.component("py").awaitExit(WAIT);
        sim.component("own").awaitExit(WAIT);
        assertThat(sim.component("py").output().get(0))
            .isEqualTo(
                Long.toString(Long.remainderUnsigned(Seeds.forComponent(17, "py"), 1L << 32)));
        assertThat(sim.component("own").output().get(0)).isEqualTo("0");
        if (run == 0) {
          first.addAll(sim.component("py").output());
        } else {
          assertThat(sim.component("py").output()).isEqualTo(first); // the same set order
        }
      }
    }
  }
}
