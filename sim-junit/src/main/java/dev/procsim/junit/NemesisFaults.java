package dev.procsim.junit;

import dev.procsim.core.Nemesis;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link Nemesis} during a {@link SimulationTest}: from the start, faults chosen by the
 * test's seed at random intervals, until the test calls {@link
 * dev.procsim.core.Simulator#healAll()} (or ends). On the method it overrides one on the class.
 *
 * <pre>{@code
 * @SimulationTest(runs = 5)
 * @NemesisFaults(interval = "100ms..1s", faults = {Nemesis.Fault.PARTITION, Nemesis.Fault.CRASH_RESTART})
 * void convergesAfterTheNemesis(Simulator sim) {
 *   ... workload ...
 *   sim.healAll();
 *   ... every node converges ...
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulationExtension.class)
public @interface NemesisFaults {
  /** The range of the interval between two faults; {@code "200ms..2s"} by default. */
  String interval() default "200ms..2s";

  /** The kinds of fault to inject; all by default. */
  Nemesis.Fault[] faults() default {
    Nemesis.Fault.PARTITION, Nemesis.Fault.CRASH_RESTART, Nemesis.Fault.PAUSE
  };

  /** The components that may be crashed or paused; all by default. */
  String[] targets() default {};
}
