package dev.procsim.core.internal.process;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link StdinRoom} of one process's stdin, looked up the first time a direct write asks
 * (reading /proc costs, and most components never need it) and closed with the stdin. Asked only by
 * whoever holds the writer's claim to write, so lookups and the close never overlap; whether it is
 * known to be absent is read by anyone.
 *
 * <pre>{@code
 * RoomLookup room = new RoomLookup(() -> StdinRoom.of(process));
 * if (room.isEmpty()) { ... write directly ... }
 * room.close();
 * }</pre>
 */
final class RoomLookup {
  private final Supplier<Optional<StdinRoom>> find;
  private volatile boolean looked;
  private volatile StdinRoom room;

  RoomLookup(Supplier<Optional<StdinRoom>> find) {
    this.find = find;
  }

  /** Whether the pipe is seen to be empty; looks for its room the first time. */
  boolean isEmpty() {
    if (!looked) {
      try {
        room = find.get().orElse(null); // none: every line goes through the writer thread
      } catch (RuntimeException e) {
        room = null; // /proc said something unexpected: the writer thread it is
      }
      looked = true;
    }
    StdinRoom found = room;
    return found != null && found.isEmpty();
  }

  /** Whether it was looked for and there is none: no line can be written directly. */
  boolean isKnownAbsent() {
    return looked && room == null;
  }

  /**
   * Closes the second write end, with the first: the process sees end of input once both are
   * closed. Never looked up again.
   */
  void close() {
    StdinRoom found = room;
    if (found != null) {
      found.close();
    }
    looked = true;
    room = null;
  }
}
