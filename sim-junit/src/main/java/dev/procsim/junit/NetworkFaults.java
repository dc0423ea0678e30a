package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The network faults of a {@link SimulationTest}: latency, loss and duplication on every link
 * between components, decided by the test's seed (messages the test injects are spared unless
 * {@link #injected()}). On the method it overrides one on the class.
 *
 * <pre>{@code
 * @SimulationTest(runs = 10)
 * @NetworkFaults(latency = "1ms..20ms", loss = 0.1, duplication = 0.05)
 * void survivesAFlakyNetwork(Simulator sim) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulationExtension.class)
public @interface NetworkFaults {
  /**
   * A fixed latency ({@code "5ms"}) or a uniform range ({@code "1ms..20ms"}); none by default.
   * Units: ns, us, ms, s, m.
   */
  String latency() default "";

  /** The mean of an exponentially distributed latency ({@code "10ms"}); instead of latency. */
  String meanLatency() default "";

  /** The probability that a message is lost, in [0, 1]. */
  double loss() default 0;

  /** The probability that a message is duplicated, in [0, 1]. */
  double duplication() default 0;

  /**
   * Whether these faults also apply to messages the test injects with {@code sim.send(...)}; by
   * default those arrive unfaulted (and are never partitioned), as Maelstrom's client links.
   */
  boolean injected() default false;
}
