package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;

/**
 * The log's entries in order, kept in columns: a send or a delivery, which are most of a busy log,
 * costs a time and a message id (its endpoints and body are the {@link MessageTable}'s), and its
 * {@link LogEvent} is made when a reader asks for it; every other entry is kept as it is. Why
 * columns: see {@link MessageTable}. Entries are numbered from 0 here; an entry's {@link
 * LogEvent#seq() seq} is its index plus one. Not thread-safe: the {@link LogStore} holds its lock
 * around every call.
 *
 * <pre>{@code
 * EventTable events = new EventTable(messages);
 * events.addSent(nanos, id);
 * LogEvent first = events.get(0);   // LogEvent.Sent with seq 1
 * }</pre>
 */
final class EventTable {
  private static final int BLOCK = 4096;
  private static final byte SENT = 1;
  private static final byte DELIVERED = 2;
  private static final byte OTHER = 3;

  /** One block of {@link #BLOCK} entries, column by column. */
  private static final class Block {
    final byte[] kind = new byte[BLOCK];
    final long[] nanos = new long[BLOCK];
    final long[] messageId = new long[BLOCK];
    final LogEvent[] other = new LogEvent[BLOCK];
  }

  private final MessageTable messages;
  private Block[] blocks = new Block[16];
  private int size;

  EventTable(MessageTable messages) {
    this.messages = messages;
  }

  /** How many entries there are. */
  int size() {
    return size;
  }

  /** The seq the next entry gets. */
  long nextSeq() {
    return size + 1L;
  }

  /** Appends the send of message {@code id} and returns the entry's index. */
  int addSent(long nanos, long id) {
    return add(SENT, nanos, id, null);
  }

  /** Appends the delivery of message {@code id} and returns the entry's index. */
  int addDelivered(long nanos, long id) {
    return add(DELIVERED, nanos, id, null);
  }

  /** Appends any entry, whose seq must be {@link #nextSeq()}, and returns its index. */
  int add(LogEvent event) {
    if (event.seq() != nextSeq()) {
      throw new IllegalArgumentException(
          "entry " + event.seq() + " appended as entry " + nextSeq() + ": " + event.describe());
    }
    return add(OTHER, event.nanos(), 0, event);
  }

  private int add(byte kind, long nanos, long id, LogEvent event) {
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
    block.kind[at] = kind;
    block.nanos[at] = nanos;
    block.messageId[at] = id;
    block.other[at] = event;
    size = index + 1;
    return index;
  }

  /** The entry at {@code index} (from 0). */
  LogEvent get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("entry " + index + " of " + size);
    }
    Block block = blocks[index / BLOCK];
    int at = index % BLOCK;
    long seq = index + 1L;
    long id = block.messageId[at];
    return switch (block.kind[at]) {
      case SENT ->
          new LogEvent.Sent(
              seq, block.nanos[at], id, messages.from(id), messages.to(id), messages.body(id));
      case DELIVERED ->
          new LogEvent.Delivered(seq, block.nanos[at], id, messages.from(id), messages.to(id));
      default -> block.other[at];
    };
  }
}
