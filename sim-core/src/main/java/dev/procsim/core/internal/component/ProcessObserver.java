package dev.procsim.core.internal.component;

import dev.procsim.core.internal.process.ActivitySignal;
import dev.procsim.core.internal.process.Incarnation;
import dev.procsim.core.internal.process.ProcessTree;
import dev.procsim.core.internal.scheduling.BlackBoxIdle;
import dev.procsim.core.internal.scheduling.IdleProbe;
import dev.procsim.core.internal.scheduling.PipeGauge;
import java.util.List;
import java.util.Optional;

/**
 * What black-box idle detection sees of one incarnation of a process component: its pumps, its
 * process tree (through an {@link IdleProbe}), and (through a {@link PipeGauge}) the bytes still
 * unread in its stdout pipe. Both are made on first use and closed at its exit.
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
  private IdleProbe probe;
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
  public boolean outputReaderAsleep() {
    return probe().asleepInRead(incarnation.stdout().nativeThreadId());
  }

  @Override
  public IdleProbe.Sample sample() {
    return probe().sample();
  }

  private synchronized IdleProbe probe() {
    if (probe == null) {
      probe = new IdleProbe(incarnation.process().pid());
      if (closed) {
        probe.close(); // still answers, but keeps no file open once the process has exited
      }
    }
    return probe;
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
    if (probe != null) {
      probe.close();
    }
  }
}
