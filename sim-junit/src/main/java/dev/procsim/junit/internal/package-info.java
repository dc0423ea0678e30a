/**
 * How the extension works, not API: reading the annotations ({@code ComponentDeclarations}, {@code
 * FaultAnnotations}, {@code SeedPlan}), one invocation per seed ({@code SimulationInvocation}),
 * failure reports with the rerun recipe, and driving stepped runs from Awaitility ({@code
 * SteppingPollInterval}). It uses only the public API of {@code dev.procsim.core}.
 *
 * <p>Threads: JUnit's. Locks: none.
 */
package dev.procsim.junit.internal;
