/**
 * AssertJ assertions on a simulation: {@link dev.procsim.junit.assertj.SimAssertions} (which
 * extends AssertJ's {@code Assertions}) gives {@link dev.procsim.junit.assertj.MessageLogAssert}
 * and {@link dev.procsim.junit.assertj.ComponentAssert}, whose failures show the part of the log
 * that matters.
 *
 * <pre>{@code
 * import static dev.procsim.junit.assertj.SimAssertions.assertThat;
 * assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
 * }</pre>
 */
package dev.procsim.junit.assertj;
