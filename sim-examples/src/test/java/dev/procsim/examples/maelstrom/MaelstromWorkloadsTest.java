package dev.procsim.examples.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.MaelstromTest;

/**
 * Every Maelstrom workload against the example nodes in {@code maelstrom/}: a node that does it
 * right is valid, a naive one is caught. The runs are stepped, so each seed repeats exactly and a
 * run takes as long as its messages need, not its simulated time.
 */
class MaelstromWorkloadsTest {
  private static final String PY = "maelstrom/python/";

  @MaelstromTest(
      workload = "echo",
      bin = {"python3", PY + "echo.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 20,
      seed = 1,
      stepped = true)
  void echo(MaelstromResult result) {
    assertThat(result.operations().get("echo").get(Outcome.OK)).isGreaterThan(100);
  }

  @MaelstromTest(
      workload = "echo",
      bin = {"python3", PY + "wrong_echo.py"},
      nodeCount = 1,
      timeLimit = "5s",
      rate = 10,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void echoThatChangesTheText(MaelstromResult result) {
    assertThat(result.explanation()).contains("came back different");
  }

  @MaelstromTest(
      workload = "unique-ids",
      bin = {"python3", PY + "unique_ids.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 50,
      nemesis = "partition",
      nemesisInterval = "2s",
      availability = "total",
      seed = 1,
      stepped = true)
  void uniqueIdsUnderPartitions(MaelstromResult result) {
    assertThat(result.availability()).isEqualTo(1.0);
  }

  @MaelstromTest(
      workload = "unique-ids",
      bin = {"python3", PY + "naive_unique_ids.py"},
      nodeCount = 3,
      timeLimit = "5s",
      rate = 20,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void uniqueIdsThatCollide(MaelstromResult result) {
    assertThat(result.explanation()).contains("returned more than once");
  }

  @MaelstromTest(
      workload = "broadcast",
      bin = {"python3", PY + "broadcast.py"},
      nodeCount = 5,
      timeLimit = "10s",
      rate = 10,
      latency = "10ms",
      nemesis = "partition",
      nemesisInterval = "2s",
      seed = 1,
      stepped = true)
  void broadcastThatRetriesSurvivesPartitions(MaelstromResult result) {
    assertThat(result.faults()).isNotEmpty();
  }

  @MaelstromTest(
      workload = "broadcast",
      bin = {"python3", PY + "naive_broadcast.py"},
      nodeCount = 5,
      timeLimit = "10s",
      rate = 10,
      latency = "10ms",
      nemesis = "partition",
      nemesisInterval = "2s",
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void naiveBroadcastLosesMessagesUnderPartitions(MaelstromResult result) {
    assertThat(result.explanation()).contains("lost");
  }

  @MaelstromTest(
      workload = "g-set",
      bin = {"node", "maelstrom/js/g_set.js"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 10,
      nemesis = "partition",
      nemesisInterval = "2s",
      seed = 1,
      stepped = true)
  void gSetInJavaScript(MaelstromResult result) {
    assertThat(result.operations()).containsKeys("add", "read");
  }

  @MaelstromTest(
      workload = "g-set",
      bin = {"python3", PY + "naive_g_set.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 20,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void gSetThatNeverShares(MaelstromResult result) {
    assertThat(result.explanation()).contains("lost");
  }

  @MaelstromTest(
      workload = "g-counter",
      bin = {"python3", PY + "g_counter.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 10,
      nemesis = "partition",
      nemesisInterval = "2s",
      seed = 1,
      stepped = true)
  void gCounterOverSeqKv(MaelstromResult result) {}

  @MaelstromTest(
      workload = "g-counter",
      bin = {"python3", PY + "naive_counter.py"},
      nodeCount = 3,
      timeLimit = "5s",
      rate = 10,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void gCounterThatNeverShares(MaelstromResult result) {}

  @MaelstromTest(
      workload = "pn-counter",
      bin = {"python3", PY + "pn_counter.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 10,
      nemesis = "partition",
      nemesisInterval = "2s",
      seed = 1,
      stepped = true)
  void pnCounterCrdt(MaelstromResult result) {}

  @MaelstromTest(
      workload = "pn-counter",
      bin = {"python3", PY + "naive_counter.py"},
      nodeCount = 3,
      timeLimit = "5s",
      rate = 10,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void pnCounterThatNeverShares(MaelstromResult result) {}

  @MaelstromTest(
      workload = "kafka",
      bin = {"python3", PY + "kafka.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 20,
      seed = 1,
      stepped = true)
  void kafkaThroughOneLeader(MaelstromResult result) {}

  @MaelstromTest(
      workload = "kafka",
      bin = {"python3", PY + "naive_kafka.py"},
      nodeCount = 3,
      timeLimit = "5s",
      rate = 20,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void kafkaWithOffsetsPerNode(MaelstromResult result) {}

  @MaelstromTest(
      workload = "lin-kv",
      bin = {"python3", PY + "lin_kv.py"},
      nodeCount = 3,
      concurrency = "2n",
      timeLimit = "10s",
      rate = 30,
      seed = 1,
      stepped = true)
  void linKvOverTheLinKvService(MaelstromResult result) {}

  @MaelstromTest(
      workload = "lin-kv",
      bin = {"python3", PY + "naive_lin_kv.py"},
      nodeCount = 3,
      concurrency = "2n",
      timeLimit = "10s",
      rate = 30,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void linKvWithAStorePerNode(MaelstromResult result) {
    assertThat(result.explanation()).contains("not linearizable");
  }

  @MaelstromTest(
      workload = "txn-list-append",
      bin = {"python3", PY + "txn_list_append.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 20,
      seed = 1,
      stepped = true)
  void txnListAppendThroughOneLeader(MaelstromResult result) {}

  @MaelstromTest(
      workload = "txn-list-append",
      bin = {"python3", PY + "naive_txn_list_append.py"},
      nodeCount = 3,
      timeLimit = "10s",
      rate = 20,
      seed = 1,
      stepped = true,
      expect = Verdict.INVALID)
  void txnListAppendWithAStorePerNode(MaelstromResult result) {}
}
