package dev.procsim.maelstrom.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each of Maelstrom's key-value services lets an operation see. */
class KvStoreTest {
  private static ObjectNode read(int key) {
    return Json.object().put("type", "read").put("key", key);
  }

  private static ObjectNode write(int key, int value) {
    return Json.object().put("type", "write").put("key", key).put("value", value);
  }

  private static ObjectNode cas(int key, int from, int to) {
    return Json.object().put("type", "cas").put("key", key).put("from", from).put("to", to);
  }

  private static ObjectNode apply(KvStore store, String caller, ObjectNode request, Random random) {
    return store.apply(caller, KvOperation.of(request), random).reply();
  }

  @Test
  void linKvAnswersFromTheLatestStateWithMaelstromsErrors() {
    KvStore store = KvStore.linearizable();
    Random random = new Random(1);

    assertThat(apply(store, "n0", read(1), random).path("code").asInt()).isEqualTo(20);
    assertThat(apply(store, "n0", cas(1, 0, 1), random).path("code").asInt()).isEqualTo(20);
    assertThat(apply(store, "n0", write(1, 5), random).path("type").asText()).isEqualTo("write_ok");
    assertThat(apply(store, "n1", cas(1, 4, 6), random).path("code").asInt()).isEqualTo(22);
    assertThat(apply(store, "n1", cas(1, 5, 6), random).path("type").asText()).isEqualTo("cas_ok");
    assertThat(apply(store, "n2", read(1), random).path("value").asInt()).isEqualTo(6);
  }

  @Test
  void aCasMayCreateTheKeyWhenAsked() {
    KvStore store = KvStore.linearizable();
    ObjectNode create = cas(3, 0, 1).put("create_if_not_exists", true);

    assertThat(apply(store, "n0", create, new Random(1)).path("type").asText()).isEqualTo("cas_ok");
    assertThat(apply(store, "n0", read(3), new Random(1)).path("value").asInt()).isEqualTo(1);
  }

  @Test
  void seqKvReadsCanBeStaleButNeverGoBackForOneCaller() {
    Set<Integer> seenByOthers = new HashSet<>();
    for (int seed = 0; seed < 50; seed++) {
      KvStore store = KvStore.sequential();
      Random random = new Random(seed);
      for (int v = 1; v <= 5; v++) {
        apply(store, "writer", write(1, v), random);
      }
      int last = 0;
      for (int i = 0; i < 10; i++) {
        ObjectNode answer = apply(store, "reader", read(1), random);
        int value = answer.has("value") ? answer.get("value").asInt() : 0;
        assertThat(value).isGreaterThanOrEqualTo(last);
        last = value;
        seenByOthers.add(value);
      }
      // The writer has met the latest state: it sees its own last write.
      assertThat(apply(store, "writer", read(1), random).path("value").asInt()).isEqualTo(5);
    }
    assertThat(seenByOthers).as("stale reads happen").contains(0, 1, 5);
  }

  @Test
  void seqKvCanFailACasOnAPastValueThatNoLongerHolds() {
    boolean staleFailure = false;
    for (int seed = 0; seed < 50 && !staleFailure; seed++) {
      KvStore store = KvStore.sequential();
      Random random = new Random(seed);
      apply(store, "n0", write(1, 1), random);
      apply(store, "n0", write(1, 2), random);
      // The latest value is 2: a cas from 2 fails only when it meets the past.
      staleFailure = apply(store, "n1", cas(1, 2, 3), random).path("code").asInt() == 22;
    }
    assertThat(staleFailure).isTrue();
  }

  @Test
  void lwwKvCanReadStaleValuesAndGoBack() {
    boolean wentBack = false;
    for (int seed = 0; seed < 50 && !wentBack; seed++) {
      KvStore store = KvStore.lastWriteWins();
      Random random = new Random(seed);
      apply(store, "n0", write(1, 1), random);
      apply(store, "n0", write(1, 2), random);
      int last = -1;
      for (int i = 0; i < 10; i++) {
        ObjectNode answer = apply(store, "n1", read(1), random);
        int value = answer.has("value") ? answer.get("value").asInt() : 0;
        wentBack |= value < last;
        last = value;
      }
    }
    assertThat(wentBack).isTrue();
  }
}
