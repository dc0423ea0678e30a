package dev.procsim.junit.assertj;

import dev.procsim.core.ComponentHandle;
import dev.procsim.core.MessageLog;
import org.assertj.core.api.Assertions;

/**
 * Entry point for procsim's AssertJ assertions. It extends {@link Assertions}, so one static import
 * of {@code SimAssertions.assertThat} serves both the simulation and everything else.
 *
 * <pre>{@code
 * import static dev.procsim.junit.assertj.SimAssertions.assertThat;
 *
 * assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1").hasNoProtocolErrors();
 * assertThat(sim.component("p2")).hasOutputLine("Hello from p1");
 * }</pre>
 */
public class SimAssertions extends Assertions {
  /** Not meant to be instantiated; subclass it to add assertions of your own. */
  protected SimAssertions() {}

  /** Assertions on a message log. */
  public static MessageLogAssert assertThat(MessageLog actual) {
    return new MessageLogAssert(actual);
  }

  /** Assertions on one component. */
  public static ComponentAssert assertThat(ComponentHandle actual) {
    return new ComponentAssert(actual);
  }
}
