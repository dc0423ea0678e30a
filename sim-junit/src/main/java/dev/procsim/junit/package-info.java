/**
 * procsim in JUnit 5: {@link dev.procsim.junit.SimulationTest @SimulationTest} runs a test with a
 * started {@link dev.procsim.core.Simulator}, built from {@link
 * dev.procsim.junit.Component @Component}, {@link dev.procsim.junit.NetworkFaults @NetworkFaults}
 * and {@link dev.procsim.junit.NemesisFaults @NemesisFaults}; {@link dev.procsim.junit.SimAwait}
 * waits with Awaitility (and drives stepped runs). Assertions are in {@code
 * dev.procsim.junit.assertj}.
 *
 * <p>Threads: each invocation builds, starts and closes its own simulator on JUnit's thread.
 *
 * <pre>{@code
 * @SimulationTest(runs = 5)
 * @Component(name = "echo", command = "cat")
 * void echoes(Simulator sim) { ... }
 * }</pre>
 */
package dev.procsim.junit;
