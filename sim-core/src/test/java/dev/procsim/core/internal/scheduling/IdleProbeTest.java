package dev.procsim.core.internal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Polling;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class IdleProbeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void endProcesses() throws InterruptedException {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private Process start(String... command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    started.add(process);
    return process;
  }

  private static IdleProbe.Sample idleSample(IdleProbe probe) {
    return Polling.until(probe::sample, IdleProbe.Sample::idle, WAIT);
  }

  @Test
  void aProcessOfOneThreadWaitingForInputIsIdleAndReadingStdin() throws IOException {
    Process cat = start("cat");
    try (IdleProbe probe = new IdleProbe(cat.pid())) {
      IdleProbe.Sample sample = idleSample(probe);

      assertThat(sample.idle()).isTrue();
      assertThat(sample.threads()).isEqualTo(1);
      assertThat(sample.readingStdin()).isTrue();
    }
  }

  @Test
  void aBusyLoopIsNeverIdle() throws IOException {
    Process busy = start("sh", "-c", "while :; do :; done");
    try (IdleProbe probe = new IdleProbe(busy.pid())) {
      for (int i = 0; i < 50; i++) {
        assertThat(probe.sample().idle()).as("sample %d", i).isFalse();
      }
    }
  }

  @Test
  void theWholeTreeIsSampledThroughEachThreadsChildren() throws IOException {
    // sh waits for its children (not for input), sleep sleeps, cat reads the shared stdin.
    Process sh = start("sh", "-c", "sleep 1000 & cat; wait");
    try (IdleProbe probe = new IdleProbe(sh.pid())) {
      IdleProbe.Sample sample =
          Polling.until(probe::sample, s -> s.idle() && s.threads() == 3, WAIT);

      assertThat(sample.threads()).isEqualTo(3);
      assertThat(sample.readingStdin()).isTrue();
    }
  }

  @Test
  void aBusyChildKeepsItsIdleParentFromLookingIdle() throws IOException {
    // After the exec, cat is the root; the busy subshell is its child.
    Process cat = start("sh", "-c", "(while :; do :; done) & exec cat");
    Polling.until(() -> cat.children().count(), n -> n == 1, WAIT);
    try (IdleProbe probe = new IdleProbe(cat.pid())) {
      for (int i = 0; i < 50; i++) {
        assertThat(probe.sample().idle()).as("sample %d", i).isFalse();
      }
    }
  }

  @Test
  void theThreadsOfAProcessAreSampledOneByOneAndWorkBetweenSamplesIsSeen() throws Exception {
    // Two threads: one asleep, one reading stdin; a line makes the reader print and a third
    // thread start, so the next idle sample counts three.
    Process python =
        start(
            "python3",
            "-c",
            "import sys, threading, time\n"
                + "threading.Thread(target=time.sleep, args=(1000,), daemon=True).start()\n"
                + "for line in sys.stdin:\n"
                + "    threading.Thread(target=time.sleep, args=(1000,), daemon=True).start()\n"
                + "    print(line.strip(), flush=True)\n");
    try (IdleProbe probe = new IdleProbe(python.pid())) {
      IdleProbe.Sample before =
          Polling.until(probe::sample, s -> s.idle() && s.threads() == 2, WAIT);
      assertThat(before.threads()).isEqualTo(2);
      assertThat(before.readingStdin()).isTrue();

      OutputStream stdin = python.getOutputStream();
      stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      assertThat(python.inputReader().readLine()).isEqualTo("go");

      IdleProbe.Sample after =
          Polling.until(probe::sample, s -> s.idle() && s.threads() == 3, WAIT);
      assertThat(after.threads()).isEqualTo(3);
    }
  }

  @Test
  void filesKeptOpenAreClosedWithTheProbeWhichStillAnswersAfterwards() throws IOException {
    Process cat = start("cat");
    IdleProbe probe = new IdleProbe(cat.pid());
    idleSample(probe);
    assertThat(probe.openFiles()).isPositive();

    probe.close();

    assertThat(probe.openFiles()).isZero();
    assertThat(probe.sample().idle()).isTrue();
    assertThat(probe.openFiles()).isZero();
  }

  @Test
  void aProcessThatEndedIsNotRunningWhichIdleAccepts() throws Exception {
    Process cat = start("cat");
    try (IdleProbe probe = new IdleProbe(cat.pid())) {
      idleSample(probe);
      cat.getOutputStream().close();
      cat.waitFor();

      IdleProbe.Sample sample = probe.sample();

      assertThat(sample.threads()).isZero();
      assertThat(probe.openFilesOf(cat.pid())).as("files of the ended process are closed").isZero();
    }
  }

  @Test
  void aProcFileOfSeveralPagesWithLongRecordsIsReadWhole() throws IOException {
    // The kernel hands out /proc/zoneinfo a few records at a time, each read short of a page.
    Path zoneinfo = Path.of("/proc/zoneinfo");
    Assumptions.assumeTrue(Files.isReadable(zoneinfo), "no /proc/zoneinfo here");
    int lines = Files.readAllLines(zoneinfo).size();
    try (ProcFiles files = new ProcFiles()) {
      for (int i = 0; i < 3; i++) {
        assertThat(files.read(zoneinfo.toString()).lines().count()).isEqualTo(lines);
      }
    }
  }

  @Test
  void aFileLongerThanAPageIsReadWhole(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 20_000; i++) {
      text.append(i).append(' ');
    }
    Path file = Files.writeString(dir.resolve("long"), text);
    try (ProcFiles files = new ProcFiles()) {
      assertThat(files.read(file.toString())).isEqualTo(text.toString());
      assertThat(files.read(file.toString()))
          .as("read again from its start")
          .isEqualTo(text.toString());
      assertThat(files.read(dir.resolve("missing").toString())).isNull();
    }
  }
}
