package dev.procsim.maelstrom.internal.run;

import java.time.Duration;
import java.util.List;

/**
 * The nemesis of a Maelstrom run: the seed's ({@link NemesisDriver}) or a schedule's ({@link
 * ScriptedNemesis}). The runner lets simulated time pass to its next step, lets it act, and at the
 * end has it lift what is still injected.
 *
 * <pre>{@code
 * Duration next = nemesis.nextAction();   // null: nothing more to do
 * nemesis.actDue(sim.now());
 * nemesis.endAll();
 * }</pre>
 */
interface RunNemesis {
  /** The simulation time of its next step, or null when there is none. */
  Duration nextAction();

  /** Takes every step due at {@code now}. */
  void actDue(Duration now);

  /** Lifts every fault still injected. */
  void endAll();

  /**
   * What it did, a line per fault started, its time since the clients began: {@code "12.3 s:
   * partition majority"}.
   */
  List<String> actions();

  /** The faults it injected, with their times since the clients began. */
  List<MaelstromSchedule.Fault> recorded();
}
