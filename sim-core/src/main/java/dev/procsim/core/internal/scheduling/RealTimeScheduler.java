package dev.procsim.core.internal.scheduling;

import dev.procsim.core.internal.log.BlockingWait;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.Probe;
import dev.procsim.core.internal.network.DeliveryPolicy;
import dev.procsim.core.internal.network.NetworkEngine;
import dev.procsim.core.internal.network.RunningNemesis;
import java.time.Duration;
import java.util.List;

/**
 * Real time: messages go out as soon as they are due on the real clock. A message due at once is
 * handed to its target by the thread that sent it (no hand-off); a dispatcher thread sleeps on the
 * network's condition until the next delayed message is due. Waits block until the log changes.
 *
 * <pre>{@code
 * Scheduler scheduler = new RealTimeScheduler("run-1-network");
 * }</pre>
 */
final class RealTimeScheduler implements Scheduler {
  private final RealClock clock = new RealClock();
  private final Thread dispatcher;
  private final String threadName;
  private NetworkEngine network;
  private BlockingWait waits;

  RealTimeScheduler(String threadName) {
    this.threadName = threadName;
    this.dispatcher = new Thread(this::dispatch, threadName);
    this.dispatcher.setDaemon(true);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public DeliveryPolicy deliveryPolicy() {
    return NetworkEngine::deliverDue;
  }

  @Override
  public void attach(NetworkEngine network, LogStore store) {
    this.network = network;
    this.waits = new BlockingWait(store);
  }

  @Override
  public void start(List<? extends Participant> participants) {
    // Before the participants: their first delayed messages need it.
    dispatcher.start();
    Preparations.prepareAll(participants, threadName);
    for (Participant participant : participants) {
      participant.start();
    }
  }

  private void dispatch() {
    try {
      while (network.awaitDue()) {
        network.deliverDue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void participantChanged(Participant participant) {
    // Nothing to do: a resumed process's writer lets its held messages go by itself.
  }

  @Override
  public void nemesis(RunningNemesis runner) {
    if (runner != null) {
      runner.start();
    }
  }

  @Override
  public <T> T await(Probe<T> probe, Duration timeout) {
    return waits.await(probe, timeout);
  }

  @Override
  public boolean isStepped() {
    return false;
  }

  @Override
  public void awaitQuiescence(Duration timeout) {
    throw steppedOnly("awaitQuiescence()");
  }

  @Override
  public long advance(int steps) {
    throw steppedOnly("advance()");
  }

  @Override
  public void advanceUntil(Duration time, Duration timeout) {
    throw steppedOnly("advanceUntil()");
  }

  private static IllegalStateException steppedOnly(String operation) {
    return new IllegalStateException(
        operation
            + " needs a stepped simulation (Simulator.Builder.stepped(), or"
            + " @SimulationTest(stepped = true)); this one runs in real time");
  }

  @Override
  public long steps() {
    return 0;
  }

  @Override
  public void close() {
    // The dispatcher ends when the network closes.
  }
}
