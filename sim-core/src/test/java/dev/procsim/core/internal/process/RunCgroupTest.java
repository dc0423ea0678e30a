package dev.procsim.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.JavaCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of cgroup holds a daemon that left its tree and its environment, and ends it. */
class RunCgroupTest {
  @ParameterizedTest
  @EnumSource(RunCgroup.Kind.class)
  void aDaemonThatLeftItsTreeIsKilledWithItsCgroup(RunCgroup.Kind kind) throws Exception {
    Optional<RunCgroup> made =
        RunCgroup.create(kind, "test-" + ProcessHandle.current().pid() + "-" + kind);
    Assumptions.assumeTrue(
        made.isPresent(), "no writable " + kind + " cgroup on this machine: nothing to test here");
    RunCgroup cgroup = made.get();
    long daemon;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
              "sh",
              "-c",
              // It forks once told to: under cgroup v2 a process is moved in just after its start,
              // and a daemon forked before that is out of reach (the README says so).
              "read go; (setsid env -i sh -c 'echo $$; exec sleep 600 >/dev/null 2>&1' &);"
                  + " exec cat >/dev/null");
      Process parent = cgroup.start(builder::start);
      parent.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      parent.getOutputStream().flush();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
      daemon = Long.parseLong(out.readLine().strip());
      assertThat(cgroup.members()).extracting(ProcessHandle::pid).contains(parent.pid(), daemon);
      assertThat(cgroup.members())
          .as("never the JVM itself")
          .noneMatch(p -> p.pid() == ProcessHandle.current().pid());

      assertThat(cgroup.killAll()).extracting(ProcessHandle::pid).contains(parent.pid(), daemon);
      assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
      ProcessHandle.of(daemon).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
      assertThat(ProcessHandle.of(daemon).filter(ProcessHandle::isAlive)).isEmpty();
    } finally {
      cgroup.killAll();
      cgroup.remove();
    }
    assertThat(Files.exists(cgroup.dir())).isFalse();
  }

  @Test
  void killingNeverFreezesAThreadOfTheJvmEvenOneBornInsideAMomentAgo() throws Exception {
    Process child = new ProcessBuilder(JavaCommand.of(ThreadBreederMain.class)).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      boolean ended = child.waitFor(120, TimeUnit.SECONDS);
      if (!ended) {
        thawBreederCgroupOf(child.pid());
      }
      String said = out.readLine();
      Assumptions.assumeFalse(
          "no cgroup".equals(said), "no writable cgroup v1 freezer here: nothing to test");
      assertThat(ended).as("the JVM ended (a frozen thread of its own would hang it)").isTrue();
      assertThat(said).isEqualTo("done");
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
  }

  /** Lets a JVM that froze itself go, so that it can be killed. */
  private static void thawBreederCgroupOf(long pid) throws IOException {
    for (Path home : RunCgroup.homes()) {
      Path dir = home.resolve("breeder-" + pid);
      if (Files.exists(dir.resolve("freezer.state"))) {
        Files.writeString(dir.resolve("freezer.state"), "THAWED");
      }
    }
  }
}
