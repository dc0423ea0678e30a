package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs with a started {@link dev.procsim.core.Simulator}: the components declared
 * with {@link Component @Component} on the method and on the class are started before the test, a
 * {@code Simulator} parameter is injected, and every process is gone after the test, whatever its
 * outcome.
 *
 * <p>The test fails when the simulation recorded protocol errors (a send to an unknown target, a
 * {@code send} without a target, an overlong or invalid line), unless {@link
 * #allowProtocolErrors()} is set. Every failure shows the seed and the end of the message log; the
 * seed is also published as the report entry {@code procsim.seed}.
 *
 * <pre>{@code
 * @SimulationTest
 * @Component(name = "p1", command = {"python3", "-c", "print('send p2 Hello from p1')"})
 * @Component(name = "p2", command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
 * void p1GreetsP2(Simulator sim) {
 *   sim.log().awaitMessage(m -> m.fate() == Fate.DELIVERED, Duration.ofSeconds(5));
 *   SimAssertions.assertThat(sim.log()).hasDelivered("p1", "p2", "Hello from p1");
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(SimulationExtension.class)
public @interface SimulationTest {

  /** Whether protocol errors recorded during the test are tolerated; false by default. */
  boolean allowProtocolErrors() default false;

  /**
   * Whether components' output is echoed to the console, prefixed by their names; on by default.
   */
  boolean echo() default true;

  /** How many entries at the end of the message log a failure shows; 40 by default. */
  int logTail() default 40;
}
