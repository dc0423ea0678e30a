package dev.procsim.maelstrom.internal.run;

import java.time.Duration;

/**
 * Where a running Maelstrom test is, for a progress display.
 *
 * <pre>{@code
 * RunStatus status = runner.status();
 * status.phase();   // "running"
 * }</pre>
 *
 * @param phase what the run is doing: init, running, final reads, checking, ...
 * @param simulated simulation time since the clients began (zero before)
 * @param timeLimit the time limit of the clients' phase
 * @param operations client operations completed so far
 * @param messages messages sent so far
 */
public record RunStatus(
    String phase, Duration simulated, Duration timeLimit, long operations, long messages) {}
