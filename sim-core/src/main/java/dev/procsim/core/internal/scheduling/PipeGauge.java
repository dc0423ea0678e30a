package dev.procsim.core.internal.scheduling;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells how many bytes wait unread in the pipe that carries a child's stdout, without reading them
 * and without touching the stream our reader thread blocks on (its lock is held while it reads). On
 * Linux the JVM's own read end is found under {@code /proc/self/fd} by the pipe's inode and opened
 * a second time; {@link FileInputStream#available()} on a pipe asks the kernel (FIONREAD).
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
    try {
      Path childStdout = Path.of("/proc", Long.toString(childPid), "fd", "1");
      String pipe = Files.readSymbolicLink(childStdout).toString();
      if (!pipe.startsWith("pipe:")) {
        return Optional.empty();
      }
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
        for (Path fd : fds) {
          try {
            if (Files.readSymbolicLink(fd).toString().equals(pipe)) {
              return Optional.of(new PipeGauge(new FileInputStream(fd.toFile())));
            }
          } catch (IOException e) {
            // An fd closed while we looked: not ours.
          }
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // No /proc, or the child is gone.
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
