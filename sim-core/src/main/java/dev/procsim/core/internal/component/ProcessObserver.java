package dev.procsim.core.internal.component;

import dev.procsim.core.internal.process.ActivitySignal;
import dev.procsim.core.internal.process.Incarnation;
import dev.procsim.core.internal.process.ProcessTree;
import dev.procsim.core.internal.scheduling.BlackBoxIdle;
import dev.procsim.core.internal.scheduling.PipeGauge;
import java.util.List;
import java.util.Optional;

/**
 * What black-box idle detection sees of one incarnation of a process component: its pumps, its
 * process tree, and (through a {@link PipeGauge} opened on first use and closed at its exit) the
 * bytes still unread in its stdout pipe.
 *
 * <pre>{@code
 * ProcessObserver observer = new ProcessObserver();
 * observer.watch(incarnation);
 * boolean idle = BlackBoxIdle.looksIdle(observer);
 * }</pre>
 */
final class ProcessObserver implements BlackBoxIdle.Observed {
  private volatile Incarnation incarnation;
  private final ActivitySignal activity = new ActivitySignal();
  private Optional<PipeGauge> gauge;
  private boolean closed;

  void watch(Incarnation watched) {
    this.incarnation = watched;
    watched.stdout().signalActivityTo(activity);
    watched.stdin().signalActivityTo(activity);
  }

  @Override
  public void wakeOnActivity(Thread watcher) {
    activity.watch(watcher);
  }

  @Override
  public boolean isRunning() {
    Incarnation watched = incarnation;
    return watched != null && watched.process().isAlive();
  }

  @Override
  public boolean inputIdle() {
    return incarnation.stdin().isIdle();
  }

  @Override
  public boolean outputQuiet() {
    return incarnation.stdout().isQuiet();
  }

  @Override
  public long linesRead() {
    return incarnation.stdout().linesRead();
  }

  @Override
  public long outputReaderThreadId() {
    return incarnation.stdout().nativeThreadId();
  }

  @Override
  public List<ProcessHandle> tree() {
    return ProcessTree.withDescendants(incarnation.process().toHandle());
  }

  @Override
  public synchronized boolean outputDrained() {
    if (closed) {
      return true;
    }
    if (gauge == null) {
      gauge = PipeGauge.forStdoutOf(incarnation.process().pid());
    }
    return gauge.map(g -> g.pending() == 0).orElse(true);
  }

  /** The incarnation's exit is recorded: the pipe is gone, and so is the gauge. */
  synchronized void close() {
    closed = true;
    if (gauge != null) {
      gauge.ifPresent(PipeGauge::close);
    }
  }
}
