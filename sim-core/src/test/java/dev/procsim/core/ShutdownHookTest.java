package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

  @Test
  void aSimulatorLeftOpenIsClosedWhenItsJvmExits() throws Exception {
    Process child =
        new ProcessBuilder(JavaCommand.of(UnclosedSimulatorMain.class))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String runId;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      runId = out.readLine();
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
    assertThat(runId).startsWith("procsim-");
    // The hook ran before the JVM exited, so the tree is gone by the time waitFor returns.
    assertThat(Simulator.processesOf(runId)).isEmpty();
  }
}
