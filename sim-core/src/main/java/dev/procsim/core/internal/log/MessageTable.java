package dev.procsim.core.internal.log;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import java.util.HashMap;
import java.util.Map;

/**
 * The log's messages, kept in columns rather than as one {@link Message} per message and fate: a
 * simulation keeps every message it ever sent, and a record per message (replaced at each change of
 * fate) made the collector copy a quarter of a kilobyte per message again and again, which halved
 * throughput. Here a message costs its body and about twenty bytes, and the {@link Message} a
 * reader gets is made when asked for. Messages are numbered from 1 in the order they were added.
 * Reasons and the originals of duplicates are rare and kept in maps. Not thread-safe: the {@link
 * LogStore} holds its lock around every call.
 *
 * <pre>{@code
 * MessageTable table = new MessageTable();
 * long id = table.add("p1", "p2", "hello", nanos, 0);
 * table.setFate(id, Fate.DELIVERED, "");
 * Message m = table.get(id);   // p1 -> p2 "hello", DELIVERED
 * }</pre>
 */
final class MessageTable {
  private static final int BLOCK = 4096;
  private static final Fate[] FATES = Fate.values();

  /** One block of {@link #BLOCK} messages, column by column. */
  private static final class Block {
    final String[] from = new String[BLOCK];
    final String[] to = new String[BLOCK];
    final String[] body = new String[BLOCK];
    final long[] sentAt = new long[BLOCK];
    final byte[] fate = new byte[BLOCK];
  }

  private Block[] blocks = new Block[16];
  private int size;
  private final Map<Long, String> reasons = new HashMap<>();
  private final Map<Long, Long> originals = new HashMap<>();

  /** Adds a message in flight and returns its id; {@code duplicateOf} is 0 for an original. */
  long add(String from, String to, String body, long sentAtNanos, long duplicateOf) {
    int index = size;
    int blockIndex = index / BLOCK;
    if (blockIndex == blocks.length) {
      Block[] grown = new Block[blocks.length * 2];
      System.arraycopy(blocks, 0, grown, 0, blocks.length);
      blocks = grown;
    }
    Block block = blocks[blockIndex];
    if (block == null) {
      block = new Block();
      blocks[blockIndex] = block;
    }
    int at = index % BLOCK;
    block.from[at] = from;
    block.to[at] = to;
    block.body[at] = body;
    block.sentAt[at] = sentAtNanos;
    block.fate[at] = (byte) Fate.IN_FLIGHT.ordinal();
    size = index + 1;
    long id = index + 1L;
    if (duplicateOf != 0) {
      originals.put(id, duplicateOf);
    }
    return id;
  }

  /** How many messages there are; the ids run from 1 to this. */
  int size() {
    return size;
  }

  /** Whether {@code id} names a message of this table. */
  boolean contains(long id) {
    return id >= 1 && id <= size;
  }

  Fate fate(long id) {
    int index = index(id);
    return FATES[blocks[index / BLOCK].fate[index % BLOCK]];
  }

  /** Gives the message a new fate and reason (empty for none). */
  void setFate(long id, Fate fate, String reason) {
    int index = index(id);
    blocks[index / BLOCK].fate[index % BLOCK] = (byte) fate.ordinal();
    if (reason.isEmpty()) {
      reasons.remove(id);
    } else {
      reasons.put(id, reason);
    }
  }

  String from(long id) {
    int index = index(id);
    return blocks[index / BLOCK].from[index % BLOCK];
  }

  String to(long id) {
    int index = index(id);
    return blocks[index / BLOCK].to[index % BLOCK];
  }

  String body(long id) {
    int index = index(id);
    return blocks[index / BLOCK].body[index % BLOCK];
  }

  /** The reason of the message's current fate, empty when it has none. */
  String reason(long id) {
    return reasons.getOrDefault(id, "");
  }

  /** The message as it is now. */
  Message get(long id) {
    int index = index(id);
    Block block = blocks[index / BLOCK];
    int at = index % BLOCK;
    return new Message(
        id,
        block.from[at],
        block.to[at],
        block.body[at],
        FATES[block.fate[at]],
        reason(id),
        block.sentAt[at],
        originals.getOrDefault(id, 0L));
  }

  private int index(long id) {
    if (id < 1 || id > size) {
      throw new IllegalArgumentException(
          "no message #" + id + "; the log holds messages #1 to #" + size);
    }
    return (int) (id - 1);
  }
}
