package com.example;

import static dev.procsim.junit.assertj.SimAssertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Simulator;
import dev.procsim.junit.Component;
import dev.procsim.junit.SimulationTest;
import java.time.Duration;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A 20-seed sweep, for the README's sharding and regression files: {@code check-sharded-sweep} runs it as two
 * shards in two Maven invocations, then makes one seed fail ({@code -Dsweep.failOn=<seed>}) and checks that the
 * next run tries that seed first. It runs only when asked: {@code mvn test -Dsweep=demo -Dtest=ShardedSweepTest}.
 */
@EnabledIfSystemProperty(named = "sweep", matches = "demo")
class ShardedSweepTest {
  @SimulationTest(seed = 2026, runs = 20, echo = false)
  @Component(name = "echo", command = "cat")
  void echoesWithEverySeed(Simulator sim) {
    sim.send("test", "echo", "hello");
    sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(30));
    if (Long.toString(sim.seed()).equals(System.getProperty("sweep.failOn"))) {
      throw new AssertionError("the seed this demo was told to fail on");
    }
    assertThat(sim.log()).hasNoProtocolErrors();
  }
}
