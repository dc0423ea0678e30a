package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimAwait;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test that fails on purpose, to show what a failure looks like (README, "Reading a failure"): the follower f2
 * raises a ValueError on the first update. It runs only when asked: {@code mvn test -Dshowcase=failure
 * -Dtest=FailureShowcaseTest}; {@code check-failure-showcase} runs it and checks what the failure says.
 */
@EnabledIfSystemProperty(named = "showcase", matches = "failure")
class FailureShowcaseTest {
  @SimulationTest(seed = 42)
  @Component(name = "leader", command = {"python3", "-c", "print('send f1 update 1'); print('send f2 update 1')"})
  @Component(name = "f1", command = {"python3", "-c", "import sys\nfor line in sys.stdin: print('applied', line.strip())"})
  @Component(name = "f2", command = {"python3", "nodes/failing_follower.py"})
  void followersApplyTheUpdate(Simulator sim) {
    SimAwait.awaitWhileAlive(sim, "f1", "f2").atMost(Duration.ofSeconds(60))   // slow interpreters, busy machines
        .until(() -> sim.component("f2").output().contains("applied update 1"));
    assertThat(sim.log()).hasOutput("f1", "applied update 1");
  }
}
