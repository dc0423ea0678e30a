package dev.procsim.core.internal.process;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tells whether the pipe to a child's stdin is empty: then a line of at most {@value #SAFE_BYTES}
 * bytes can be written to it at once, on any thread, without the least chance of blocking (a pipe
 * holds at least one page, and an empty one has it all free). It asks the kernel (FIONREAD) through
 * a second write end of the pipe, opened by way of {@code /proc/self/fd}; closing it is part of
 * closing the child's stdin, since the child sees end of input only once every write end is closed.
 *
 * <pre>{@code
 * Optional<StdinRoom> room = StdinRoom.of(process);
 * if (room.isPresent() && room.get().isEmpty() && line.length < StdinRoom.SAFE_BYTES) { ... }
 * room.ifPresent(StdinRoom::close);
 * }</pre>
 */
public final class StdinRoom implements AutoCloseable {
  /** The longest write (line break included) that an empty pipe always takes at once. */
  public static final int SAFE_BYTES = 4096;

  private final FileOutputStream secondWriteEnd;
  private final FileInputStream gauge;

  private StdinRoom(FileOutputStream secondWriteEnd) throws IOException {
    this.secondWriteEnd = secondWriteEnd;
    // FIONREAD on a pipe counts the bytes in it from either end.
    this.gauge = new FileInputStream(secondWriteEnd.getFD());
  }

  /**
   * The room of {@code child}'s stdin, when the child is alive (not yet collected, so its pid is
   * still its own) from before the look to after it, its stdin is still the pipe from this JVM, and
   * /proc shows it; empty otherwise (then every line goes through the writer thread).
   */
  public static Optional<StdinRoom> of(Process child) {
    if (!child.isAlive()) {
      return Optional.empty();
    }
    Optional<StdinRoom> room = of(child.pid());
    if (room.isPresent() && !child.isAlive()) {
      room.get().close(); // collected while we looked: the pid may belong to another process now
      return Optional.empty();
    }
    return room;
  }

  private static Optional<StdinRoom> of(long childPid) {
    String pipe;
    try {
      pipe =
          Files.readSymbolicLink(Path.of("/proc", Long.toString(childPid), "fd", "0")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // no /proc, or the child is gone
    }
    if (!pipe.startsWith("pipe:")) {
      return Optional.empty(); // it put something else on its stdin
    }
    // Only our write end will do: should the child have put another of our pipes on its stdin,
    // we hold that one's read end.
    OptionalInt fd = OwnPipes.end(pipe, OwnPipes.End.WRITE);
    if (fd.isEmpty()) {
      return Optional.empty();
    }
    FileOutputStream opened;
    try {
      // Appending, never truncating: should the descriptor have been closed and reused for a file
      // since it was found, opening it must not empty that file (the check below then refuses it).
      opened = new FileOutputStream("/proc/self/fd/" + fd.getAsInt(), true);
    } catch (IOException e) {
      return Optional.empty();
    }
    // Still that pipe after the open: the descriptor was not closed and reused in between.
    if (!OwnPipes.isStill(fd.getAsInt(), pipe, OwnPipes.End.WRITE)) {
      closeQuietly(opened);
      return Optional.empty();
    }
    try {
      return Optional.of(new StdinRoom(opened));
    } catch (IOException e) {
      closeQuietly(opened);
      return Optional.empty();
    }
  }

  /** Whether no byte waits unread in the pipe; false when the kernel cannot say. */
  public boolean isEmpty() {
    try {
      return gauge.available() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Closes the second write end. */
  @Override
  public void close() {
    closeQuietly(secondWriteEnd);
  }

  private static void closeQuietly(FileOutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // Nothing was written through it.
    }
  }
}
