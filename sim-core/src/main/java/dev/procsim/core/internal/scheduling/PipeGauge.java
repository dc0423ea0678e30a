package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.process.OwnPipes;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tells how many bytes wait unread in the pipe that carries a child's stdout, without reading them
 * and without touching the stream our reader thread blocks on (its lock is held while it reads). On
 * Linux the JVM's own read end is found under {@code /proc/self/fd} by the pipe's inode ({@link
 * OwnPipes}) and opened a second time; {@link FileInputStream#available()} on a pipe asks the
 * kernel (FIONREAD).
 *
 * <pre>{@code
 * Optional<PipeGauge> gauge = PipeGauge.forStdoutOf(process.pid());
 * boolean drained = gauge.map(g -> g.pending() == 0).orElse(true);
 * }</pre>
 */
public final class PipeGauge implements AutoCloseable {
  private final FileInputStream secondEnd;

  private PipeGauge(FileInputStream secondEnd) {
    this.secondEnd = secondEnd;
  }

  /** A gauge for the child's stdout pipe, when /proc shows it; empty elsewhere. */
  public static Optional<PipeGauge> forStdoutOf(long childPid) {
    String pipe;
    try {
      pipe =
          Files.readSymbolicLink(Path.of("/proc", Long.toString(childPid), "fd", "1")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // no /proc, or the child is gone
    }
    if (!pipe.startsWith("pipe:")) {
      return Optional.empty();
    }
    OptionalInt fd = OwnPipes.end(pipe, OwnPipes.End.READ);
    if (fd.isEmpty()) {
      return Optional.empty();
    }
    try {
      FileInputStream opened = new FileInputStream("/proc/self/fd/" + fd.getAsInt());
      if (OwnPipes.isStill(fd.getAsInt(), pipe, OwnPipes.End.READ)) {
        return Optional.of(new PipeGauge(opened));
      }
      opened.close(); // the descriptor was closed and reused while we looked
    } catch (IOException e) {
      // Closed while we looked.
    }
    return Optional.empty();
  }

  /** Bytes waiting in the pipe; 0 when it cannot tell any more (the pipe is closed). */
  public int pending() {
    try {
      return secondEnd.available();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    try {
      secondEnd.close();
    } catch (IOException e) {
      // Nothing to do: it was only ever used to look.
    }
  }
}
