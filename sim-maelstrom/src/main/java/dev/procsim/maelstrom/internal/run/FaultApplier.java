package dev.procsim.maelstrom.internal.run;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.Simulator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries out a nemesis fault of a Maelstrom run, and lifts it: a partition cuts its links (one way
 * each) and a heal brings every link back; a kill crashes nodes and later starts them again ({@code
 * onRestart} sends each {@code init} again); a pause stops nodes and later resumes them. Kills and
 * pauses come on timelines of their own and may overlap, as Jepsen's: a node already dead is not
 * paused (there is no process to stop), and one that a kill restarted meanwhile is not resumed.
 *
 * <pre>{@code
 * FaultApplier faults = new FaultApplier(sim, reinit);
 * faults.apply(fault);
 * faults.lift(fault);
 * }</pre>
 */
final class FaultApplier {
  private final Simulator sim;
  private final Consumer<String> onRestart;

  FaultApplier(Simulator sim, Consumer<String> onRestart) {
    this.sim = sim;
    this.onRestart = onRestart;
  }

  void apply(MaelstromSchedule.Fault fault) {
    switch (fault.kind()) {
      case "partition" -> {
        for (List<String> cut : fault.cuts()) {
          sim.cut(cut.get(0), cut.get(1));
        }
      }
      case "kill" ->
          fault.victims().stream()
              .map(sim::component)
              .filter(ComponentHandle::isAlive)
              .forEach(ComponentHandle::crash);
      default ->
          fault.victims().stream()
              .map(sim::component)
              .filter(ComponentHandle::isAlive)
              .forEach(ComponentHandle::pause);
    }
  }

  void lift(MaelstromSchedule.Fault fault) {
    switch (fault.kind()) {
      case "partition" -> sim.heal();
      case "kill" ->
          fault
              .victims()
              .forEach(
                  node -> {
                    sim.component(node).restart();
                    onRestart.accept(node);
                  });
      default ->
          fault.victims().stream()
              .map(sim::component)
              .filter(ComponentHandle::isPaused)
              .forEach(ComponentHandle::resume);
    }
  }
}
