package com.example.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromTest;

/** Maelstrom workloads as JUnit tests: the run before the method, a wrong verdict a failure. */
class MaelstromAnnotationTest {
  @MaelstromTest(
      workload = "broadcast",
      bin = {"python3", MaelstromApiTest.NODES + "broadcast.py"},
      nodeCount = 5,
      timeLimit = "10s",
      rate = 10,
      latency = "20ms",
      nemesis = "partition",
      nemesisInterval = "2s",
      stepped = true)
  void aBroadcastThatRetriesSurvivesPartitions(MaelstromResult result) {
    assertThat(result.network().serverMessagesPerOperation()).isPositive();
  }

  @MaelstromTest(
      workload = "lin-kv",
      bin = {"python3", MaelstromApiTest.NODES + "naive_lin_kv.py"},
      nodeCount = 3,
      concurrency = "2n",
      timeLimit = "10s",
      rate = 30,
      stepped = true,
      expect = Verdict.INVALID)
  void aKeyValueStorePerNodeIsNotLinearizable(MaelstromResult result) {
    assertThat(result.explanation()).contains("not linearizable");
  }
}
