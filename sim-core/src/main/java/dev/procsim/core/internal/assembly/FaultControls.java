package dev.procsim.core.internal.assembly;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Network;
import dev.procsim.core.PartitionShape;
import dev.procsim.core.Schedule;
import dev.procsim.core.SimulationException;
import dev.procsim.core.internal.component.ComponentRuntime;
import dev.procsim.core.internal.network.Link;
import dev.procsim.core.internal.network.NemesisActions;
import dev.procsim.core.internal.network.NemesisRunner;
import dev.procsim.core.internal.network.Partitions;
import dev.procsim.core.internal.network.RunningNemesis;
import dev.procsim.core.internal.network.ScheduleRecorder;
import dev.procsim.core.internal.network.ScheduledNemesis;
import dev.procsim.core.internal.seed.Mixing;
import dev.procsim.core.internal.seed.SeededRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The faults a test (or a nemesis) applies to a running simulation: the network's fault model,
 * partitions (by sides, or in a named shape chosen by the seed), one-way cuts, heals, the nemesis
 * itself, and {@link #healAll()} for the liveness phase. Every change is logged by the room that
 * applies it.
 *
 * <pre>{@code
 * FaultControls faults = lifecycle.faults();
 * String chosen = faults.partition(PartitionShape.ISOLATE_ONE);
 * faults.healAll();
 * }</pre>
 */
public final class FaultControls implements NemesisActions {
  private final Assembly assembly;
  private final Lifecycle lifecycle;
  private final SeededRandom partitionChoices;
  private RunningNemesis nemesis;

  FaultControls(Assembly assembly, Lifecycle lifecycle) {
    this.assembly = assembly;
    this.lifecycle = lifecycle;
    this.partitionChoices =
        new SeededRandom(Mixing.forPurpose(assembly.config().seed(), "partitions"));
  }

  /** Replaces the fault model for messages sent from now on; logged. */
  public void network(Network network) {
    lifecycle.requireRunning();
    assembly.network().setNetwork(network);
  }

  /** The current fault model: the configured one until the simulation runs and changes it. */
  public Network network() {
    return lifecycle.isNew() ? assembly.config().network() : assembly.network().network();
  }

  /** Partitions the components into {@code sides} (the unlisted form one more side); logged. */
  public void partition(List<? extends Collection<String>> sides) {
    lifecycle.requireRunning();
    assembly.network().partition(Partitions.ofSides(sides, assembly.config().names()));
  }

  @Override
  public Partitions.Plan partition(PartitionShape shape) {
    lifecycle.requireRunning();
    Partitions.Plan plan;
    synchronized (partitionChoices) {
      plan = Partitions.ofShape(shape, assembly.config().names(), partitionChoices);
    }
    assembly.network().partition(plan);
    return plan;
  }

  @Override
  public Partitions.Plan partition(PartitionShape shape, List<String> order) {
    lifecycle.requireRunning();
    Partitions.Plan plan = Partitions.inOrder(shape, order, assembly.config().names());
    assembly.network().partition(plan);
    return plan;
  }

  /** Takes down the direction {@code from -> to}; logged. */
  public void cut(String from, String to) {
    assembly.component(from);
    assembly.component(to);
    lifecycle.requireRunning();
    assembly.network().cut(new Link(from, to));
  }

  @Override
  public void heal() {
    lifecycle.requireRunning();
    assembly.network().heal();
  }

  @Override
  public List<ComponentHandle> components() {
    return List.copyOf(assembly.components());
  }

  /**
   * Starts a nemesis with its own seeded choices.
   *
   * @throws IllegalStateException when one is already running, or the simulation is not running
   */
  public synchronized void startNemesis(Nemesis plan) {
    lifecycle.requireRunning();
    for (String target : plan.targets()) {
      assembly.component(target);
    }
    if (nemesis != null) {
      throw new IllegalStateException("a nemesis is already running; call healAll() first");
    }
    ScheduleRecorder recorder = assembly.decisions().recorder();
    Optional<Schedule> replay = assembly.config().replay();
    if (replay.isPresent()) {
      // The schedule's faults, not the seed's, at the steps they came at.
      nemesis =
          new ScheduledNemesis(
              replay.get().nemesis(), plan.toString(), this, assembly.store(), recorder);
    } else {
      NemesisRunner seeded =
          new NemesisRunner(
              plan,
              this,
              assembly.store(),
              new SeededRandom(Mixing.forPurpose(assembly.config().seed(), "nemesis")),
              assembly.runId() + "-nemesis");
      if (recorder != null) {
        seeded.recordIn(recorder);
      }
      nemesis = seeded;
    }
    assembly.scheduler().nemesis(nemesis);
  }

  /**
   * Stops the running nemesis, if any, outside this object's lock (its thread calls back into it),
   * lifting its last fault when {@code liftLastFault}. Returns true when the wait for it was
   * interrupted; the interrupt is kept.
   */
  boolean stopNemesis(boolean liftLastFault) {
    RunningNemesis stopping;
    synchronized (this) {
      stopping = nemesis;
      nemesis = null;
    }
    if (stopping == null) {
      return false;
    }
    assembly.scheduler().nemesis(null);
    try {
      stopping.stop(liftLastFault);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Ends every fault: stops the nemesis, lifts partitions and cuts, resumes paused components and
   * restarts crashed ones. The network's fault model stays.
   */
  public void healAll() {
    lifecycle.requireRunning();
    if (stopNemesis(true)) {
      throw new SimulationException("interrupted while stopping the nemesis");
    }
    heal();
    for (ComponentRuntime component : assembly.components()) {
      if (component.isPaused()) {
        component.resume();
      }
      if (component.isCrashed()) {
        component.restart();
      }
    }
  }
}
