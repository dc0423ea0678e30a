package dev.procsim.core.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads one output stream of a process line by line on a thread of its own and hands the lines of
 * each read to a consumer, together, until the stream ends. Blocking reads only: no polling. If
 * reading or handling a line fails (out of memory, a bug), the failure goes to {@code onFailure}
 * and the stream is closed: a pump never dies unheard.
 *
 * <pre>{@code
 * LinePump pump = new LinePump(process.getErrorStream(), 1 << 20, lines -> log(lines), () -> {},
 *     failure -> log.recordReaderFailed("p1", "stderr", failure.toString()), "p1-stderr");
 * pump.awaitEnd(500);
 * }</pre>
 */
public final class LinePump {
  private final Thread thread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final LineReader reader;
  private volatile boolean handling;
  private volatile long linesRead;
  private volatile long nativeThreadId = -1;
  private volatile ActivitySignal activity = new ActivitySignal();

  /**
   * Starts pumping {@code stream} into {@code sink}, the lines of each read in one list (the sink
   * must not keep it); runs {@code atEnd} when the stream ends, or {@code onFailure} when reading
   * or {@code sink} fails.
   */
  public LinePump(
      InputStream stream,
      int maxLineLength,
      Consumer<List<LineReader.Line>> sink,
      Runnable atEnd,
      Consumer<Throwable> onFailure,
      String threadName) {
    LineReader reader = new LineReader(stream, maxLineLength);
    this.reader = reader;
    this.thread =
        new Thread(
            () -> {
              nativeThreadId = NativeThreads.currentId();
              try (stream) {
                LineReader.Line line;
                List<LineReader.Line> lines = new ArrayList<>();
                while ((line = reader.next()) != null) {
                  handling = true;
                  // The lines of one read go out together, all of them: the sink routes their
                  // messages in runs under one taking of the network's lock each, and what a run
                  // sends to one target is written to it in one write as the lock is left, never
                  // later (the next read may block). A cap of 32 lines on the whole read made a
                  // fan-out to 50 targets 3 times slower (a write per line to each target).
                  lines.add(line);
                  while (reader.hasBufferedLine()) {
                    lines.add(reader.next());
                  }
                  try {
                    sink.accept(lines);
                  } finally {
                    linesRead += lines.size();
                    lines.clear();
                  }
                  activity.moved();
                  // Still "handling" while bytes read from the pipe wait in the reader's buffer.
                  handling = reader.hasBufferedBytes();
                }
              } catch (IOException streamClosed) {
                // The process is gone and its pipe was closed under us: that is the end of the
                // stream.
              } catch (Throwable failure) {
                reader.release(); // an out-of-memory failure leaves room to report itself
                onFailure.accept(failure);
                return; // not the stream's end: atEnd would take a broken pump for a closed stdout
              } finally {
                finished.countDown();
              }
              atEnd.run();
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Who to tell when a line has been handled (black-box idle detection's watcher). */
  public void signalActivityTo(ActivitySignal signal) {
    activity = signal;
  }

  /** How many lines were handled so far. */
  public long linesRead() {
    return linesRead;
  }

  /**
   * The OS id of the reading thread (its {@code /proc/self/task/<id>}), or -1 where /proc does not
   * say. Black-box idle detection asks the OS whether that thread is really asleep in {@code read}:
   * between the kernel handing it bytes and the thread running again, the flags below still say
   * "waiting".
   */
  public long nativeThreadId() {
    return nativeThreadId;
  }

  /**
   * Whether no line is being handled and the reader is blocked waiting for more (a moment's view).
   * It never touches the stream: the reading thread holds its lock while blocked.
   */
  public boolean isQuiet() {
    return !handling && (reader.isWaitingForInput() || finished.getCount() == 0);
  }

  /** Waits up to {@code millis} for the end of the stream; true when it was reached. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
  }
}
