package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.ListAppend;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Maelstrom's txn-list-append: each request a transaction of one to four micro-operations {@code
 * ["r", key, null]} and {@code ["append", key, value]} over integer keys, appended values unique
 * per key (1, 2, 3, ..., at most 16 to a key, then a fresh key); the reply's {@code txn} has every
 * read's list filled in. Judged by {@link ListAppend} against the run's consistency model
 * (Maelstrom's default: strict serializability).
 */
final class ListAppendWorkload implements Workload {
  /** Maelstrom's {@code --max-txn-length}. */
  private static final int MAX_TXN_LENGTH = 4;

  /** Maelstrom's {@code --max-writes-per-key}: then the key is retired for a fresh one. */
  private static final int MAX_WRITES_PER_KEY = 16;

  private final WorkloadOptions options;
  private final KeyRotation keys;

  ListAppendWorkload(WorkloadOptions options) {
    this.options = options;
    this.keys = new KeyRotation(options.keyCount());
  }

  /**
   * The keys in use, {@code keyCount} at a time, as Elle's generator keeps them: each key takes
   * {@link #MAX_WRITES_PER_KEY} appends of the values 1, 2, 3, ... and then a fresh key takes its
   * slot, so that each key's history stays short enough to check. Shared by the clients (each runs
   * on its own thread in real time, one at a time when stepped).
   */
  private static final class KeyRotation {
    private final long[] key;
    private final long[] written;
    private long nextKey;

    KeyRotation(int slots) {
      key = new long[slots];
      written = new long[slots];
      for (int i = 0; i < slots; i++) {
        key[i] = nextKey++;
      }
    }

    synchronized long key(int slot) {
      return key[slot];
    }

    /** The key and the value of the next append in {@code slot}. */
    synchronized long[] append(int slot) {
      long[] append = {key[slot], ++written[slot]};
      if (written[slot] == MAX_WRITES_PER_KEY) {
        key[slot] = nextKey++;
        written[slot] = 0;
      }
      return append;
    }
  }

  @Override
  public String name() {
    return "txn-list-append";
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      @Override
      public Request next() {
        int size = 1 + random.nextInt(MAX_TXN_LENGTH);
        List<List<Object>> txn = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          int slot = random.nextInt(options.keyCount());
          if (random.nextBoolean()) {
            txn.add(Arrays.asList("r", keys.key(slot), null));
          } else {
            long[] append = keys.append(slot);
            txn.add(List.of("append", append[0], append[1]));
          }
        }
        ObjectNode body = Json.object().put("type", "txn");
        body.set("txn", Json.tree(txn));
        return new Request("txn", txn, body);
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        JsonNode txn = Replies.array(reply, "txn");
        int sent = ((List<?>) request.input()).size();
        if (txn.size() != sent) {
          throw new IllegalArgumentException(
              "txn_ok has "
                  + txn.size()
                  + " micro-operations, the request "
                  + sent
                  + ": "
                  + Json.write(reply));
        }
        List<Object> completed = new ArrayList<>();
        for (JsonNode mop : txn) {
          Object plain = Json.plain(mop);
          // Maelstrom reads a key that does not exist as null; Elle, as the empty list.
          if (plain instanceof List<?> parts
              && parts.size() == 3
              && "r".equals(parts.get(0))
              && parts.get(2) == null) {
            plain = Arrays.asList("r", parts.get(1), List.of());
          }
          completed.add(plain);
        }
        return completed;
      }
    };
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    return ListAppend.check(history, options.consistency());
  }
}
