package dev.procsim.maelstrom.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.core.ComponentHandle;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Simulator;
import dev.procsim.maelstrom.MaelstromException;
import dev.procsim.maelstrom.MaelstromResult;
import dev.procsim.maelstrom.internal.client.ClientNode;
import dev.procsim.maelstrom.internal.client.ClientPlan;
import dev.procsim.maelstrom.internal.client.RunBoard;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import dev.procsim.maelstrom.internal.protocol.Json;
import dev.procsim.maelstrom.internal.workload.Workload;
import dev.procsim.maelstrom.internal.workload.WorkloadOptions;
import dev.procsim.maelstrom.internal.workload.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one Maelstrom test, in Maelstrom's phases: builds the simulation ({@link SimulationPlan}),
 * completes the {@code init} handshake, lets the clients run until the time limit while the nemesis
 * acts, waits for the last replies; for a workload with a final phase, ends every fault, waits the
 * recovery time and has every client perform its final operations; then judges the history ({@link
 * Verdicts}) and writes the run directory.
 *
 * <p>In a stepped run every wait is on the virtual clock ({@link Simulator#advanceUntil}), so the
 * run takes as long as its events need, and a seed repeats it; otherwise the waits are real time.
 * {@link #status()} may be read from another thread while {@link #run()} runs (a progress bar).
 *
 * <pre>{@code
 * MaelstromResult result = new Runner(settings).run();
 * }</pre>
 */
public final class Runner {
  /** How long a stepped run may take, in real time, per second of virtual time. */
  private static final Duration STEP_BUDGET = Duration.ofSeconds(60);

  /** How often a stepped wait for replies looks again, in virtual time. */
  private static final Duration STEPPED_LOOK = Duration.ofMillis(100);

  private final RunSettings settings;
  private final Workload workload;
  private volatile Simulator running;
  private volatile RunBoard board;
  private volatile String phase = "starting the nodes";
  private volatile Duration clientsFrom;
  private MaelstromSchedule recorded;
  private volatile Runner shrinking;
  private volatile int shrinkRuns;

  /** A runner for {@code settings}; an unknown workload or topology fails here. */
  public Runner(RunSettings settings) {
    this.settings = settings;
    this.workload =
        Workloads.named(
            settings.workload(),
            new WorkloadOptions(
                settings.nodeCount(),
                settings.concurrency(),
                settings.keyCount(),
                settings.topology(),
                settings.consistency()));
  }

  /**
   * The schedule of the run, once a stepped run is over: every decision it made and every operation
   * its clients sent; null for a real-time run.
   */
  public MaelstromSchedule schedule() {
    return recorded;
  }

  /** Where the run is: its phase, simulation time, operations and messages so far. */
  public RunStatus status() {
    Runner attempt = shrinking;
    if (attempt != null) {
      RunStatus inner = attempt.status();
      return new RunStatus(
          "shrinking, run " + shrinkRuns + ": " + inner.phase(),
          inner.simulated(),
          inner.timeLimit(),
          inner.operations(),
          inner.messages());
    }
    Simulator sim = running;
    RunBoard current = board;
    Duration from = clientsFrom;
    return new RunStatus(
        phase,
        sim == null || from == null ? Duration.ZERO : sim.now().minus(from),
        settings.timeLimit(),
        current == null ? 0 : current.completed(),
        sim == null ? 0 : sim.log().messageCount());
  }

  /**
   * Runs the test and judges it; writes the run directory unless the settings say none. A run that
   * is not valid is shrunk when the settings give a time for it ({@link RunShrinker}); a real-time
   * run cannot be, and says so.
   */
  public MaelstromResult run() {
    MaelstromResult result = runOnce();
    if (settings.shrink() == null || result.isValid()) {
      return result;
    }
    if (recorded == null) {
      return result.withShrunk(
          new MaelstromResult.Shrunk(
              "not shrunk: only a stepped run has a schedule to shrink (--stepped, stepped(),"
                  + " stepped = true)",
              List.of(),
              0,
              Optional.empty(),
              Optional.empty(),
              ""));
    }
    MaelstromResult.Shrunk found;
    try {
      found =
          new RunShrinker(
                  settings,
                  attempt -> {
                    shrinkRuns++;
                    shrinking = attempt;
                  })
              .shrink(result, recorded);
    } catch (RuntimeException e) {
      // The failing run stands; the shrink says what stopped it.
      found =
          new MaelstromResult.Shrunk(
              "not shrunk: " + e,
              List.of(),
              shrinkRuns,
              result.directory().map(dir -> dir.resolve("schedule.json")),
              Optional.empty(),
              "");
    } finally {
      shrinking = null;
    }
    phase = "done";
    return result.withShrunk(found);
  }

  private MaelstromResult runOnce() {
    AtomicLong reinits = new AtomicLong();
    RunBoard runBoard = new RunBoard(() -> running.now().toNanos(), settings.concurrency());
    board = runBoard;
    Duration rpcTimeout = workload.rpcTimeout(settings.latency());
    ClientPlan drawn =
        ClientPlan.of(settings.concurrency(), settings.rate(), settings.timeLimit(), rpcTimeout);
    ClientPlan plan =
        settings.replay() == null
            ? drawn
            : drawn.replaying(settings.replay().schedule().operations());
    List<String> nodes = settings.nodes();
    Controller controller =
        new Controller(nodes, settings.clients(), workload.setup(nodes), runBoard);
    Simulator.Builder builder =
        new SimulationPlan(settings, workload, plan, runBoard).builder(() -> controller);
    try (Simulator sim = builder.build()) {
      running = sim;
      sim.start();
      phase = "init";
      handshake(sim, runBoard);
      clientsFrom = sim.now();
      FaultApplier applier =
          new FaultApplier(sim, node -> reinit(sim, node, nodes, reinits.incrementAndGet()));
      RunNemesis nemesis =
          settings.replay() != null
              ? new ScriptedNemesis(
                  settings.replay().schedule().faults(), applier, clientsFrom, sim::now)
              : new NemesisDriver(
                  sim,
                  nodes,
                  settings.nemesis(),
                  settings.nemesisInterval(),
                  sim.seed(),
                  clientsFrom,
                  applier);
      phase = "running";
      runClients(sim, nemesis, clientsFrom.plus(settings.timeLimit()));
      awaitLastReplies(sim, runBoard, rpcTimeout);
      if (workload.hasFinalPhase()) {
        phase = "healing, waiting " + dev.procsim.core.Durations.format(settings.recovery());
        nemesis.endAll();
        runUntil(sim, sim.now().plus(settings.recovery()));
        phase = "final reads";
        finals(sim, runBoard, rpcTimeout);
      }
      nemesis.endAll();
      phase = "checking";
      CheckResult verdict = new Verdicts(settings, workload).judge(runBoard);
      MaelstromResult result =
          new ResultMaker(settings, sim)
              .result(workload.name(), runBoard, verdict, nemesis.actions());
      if (sim.isStepped()) {
        recorded =
            new MaelstromSchedule(
                MaelstromSchedule.Shape.of(settings),
                sim.schedule(),
                nemesis.recorded(),
                runBoard.operations());
      }
      if (settings.store() != null) {
        phase = "writing the results";
        Path dir = RunDirectory.create(settings.store(), workload.name());
        result = result.withDirectory(dir);
        RunDirectory.write(dir, result, sim, nodes, verdict);
        if (recorded != null) {
          recorded.write(dir.resolve("schedule.json"));
        }
      }
      phase = "done";
      return result;
    }
  }

  /** Waits for every {@code init_ok}; a {@link MaelstromException} naming the node if one fails. */
  private void handshake(Simulator sim, RunBoard board) {
    Duration limit = Controller.HANDSHAKE_TIMEOUT;
    if (sim.isStepped()) {
      while (!board.isHandshakeDone() && board.handshakeFailure() == null) {
        runUntil(sim, sim.now().plus(STEPPED_LOOK));
      }
    } else {
      try {
        // The controller prints a line once it knows, so the log changes after the board does.
        sim.log()
            .awaitEvent(
                "every node's init_ok",
                e ->
                    board.isHandshakeDone()
                        || board.handshakeFailure() != null
                        || e instanceof LogEvent.ProcessExited exited
                            && settings.nodes().contains(exited.component()),
                limit.plusSeconds(5));
      } catch (AssertionError timedOut) {
        board.handshakeFailed("the nodes did not answer init within " + limit.toSeconds() + " s");
      }
    }
    if (!board.isHandshakeDone()) {
      throw new MaelstromException(handshakeFailure(sim, board));
    }
  }

  private String handshakeFailure(Simulator sim, RunBoard board) {
    StringBuilder text = new StringBuilder("the init handshake failed: ");
    String failure = board.handshakeFailure();
    text.append(failure == null ? "a node exited" : failure);
    for (String node : settings.nodes()) {
      ComponentHandle handle = sim.component(node);
      if (handle.isAlive() && failure != null && !failure.contains(node)) {
        continue;
      }
      text.append("\n").append(node);
      handle.exitCode().ifPresent(code -> text.append(" exited with code ").append(code));
      text.append("; its stdout: ").append(tail(handle.output()));
      text.append("; its stderr: ").append(tail(handle.errors()));
    }
    text.append("\nthe node command: ").append(String.join(" ", settings.command()));
    return text.toString();
  }

  private static String tail(List<String> lines) {
    if (lines.isEmpty()) {
      return "nothing";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - 10), lines.size());
    return (lines.size() > last.size() ? "(last 10 of " + lines.size() + " lines) " : "")
        + String.join(" | ", last);
  }

  /** Sends a restarted node {@code init} again, as Maelstrom does after a kill. */
  private static void reinit(Simulator sim, String node, List<String> nodes, long count) {
    ObjectNode body = Controller.init(node, nodes).put("msg_id", Controller.REINIT_IDS + count);
    sim.send(Controller.NAME, node, new Envelope(Controller.NAME, node, body).line());
  }

  /** Until {@code end}, the time limit, the nemesis acting when its time comes. */
  private static void runClients(Simulator sim, RunNemesis nemesis, Duration end) {
    while (sim.now().compareTo(end) < 0) {
      Duration next = nemesis.nextAction();
      if (next == null || next.compareTo(end) >= 0) {
        runUntil(sim, end);
        return;
      }
      runUntil(sim, next);
      nemesis.actDue(sim.now());
    }
  }

  private static void awaitLastReplies(Simulator sim, RunBoard board, Duration rpcTimeout) {
    // Every open request ends by its time-out at the latest.
    Duration limit = rpcTimeout.plusSeconds(1);
    if (sim.isStepped()) {
      Duration until = sim.now().plus(limit);
      while (!board.noneOpen() && sim.now().compareTo(until) < 0) {
        runUntil(sim, sim.now().plus(STEPPED_LOOK));
      }
    } else {
      interruptibly(() -> board.awaitNoneOpen(System.nanoTime() + limit.toNanos()));
    }
  }

  private void finals(Simulator sim, RunBoard board, Duration rpcTimeout) {
    board.finalPhase();
    for (String client : settings.clients()) {
      ObjectNode finish = Json.object().put("type", ClientNode.FINISH);
      sim.send(Controller.NAME, client, new Envelope(Controller.NAME, client, finish).line());
    }
    // A client's final operations follow one another, each a time-out at most.
    Duration limit = rpcTimeout.multipliedBy(workload.finalOperations()).plusSeconds(1);
    if (sim.isStepped()) {
      Duration until = sim.now().plus(limit);
      while (!board.allFinalsDone() && sim.now().compareTo(until) < 0) {
        runUntil(sim, sim.now().plus(STEPPED_LOOK));
      }
    } else {
      interruptibly(() -> board.awaitFinalsDone(System.nanoTime() + limit.toNanos()));
    }
  }

  /** Lets simulation time pass until {@code time}: virtual in a stepped run, real otherwise. */
  private static void runUntil(Simulator sim, Duration time) {
    if (sim.isStepped()) {
      Duration ahead = time.minus(sim.now());
      if (!ahead.isNegative()) {
        long seconds = Math.max(1, ahead.toSeconds() + 1);
        sim.advanceUntil(time, STEP_BUDGET.multipliedBy(seconds));
      }
      return;
    }
    // The time limit is a moment of time: nothing but the clock can signal it.
    for (long left = time.minus(sim.now()).toNanos();
        left > 0;
        left = time.minus(sim.now()).toNanos()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        throw new MaelstromException("interrupted while the Maelstrom run was going");
      }
    }
  }

  private interface Wait {
    void run() throws InterruptedException;
  }

  private static void interruptibly(Wait wait) {
    try {
      wait.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MaelstromException("interrupted while the Maelstrom run was going", e);
    }
  }
}
