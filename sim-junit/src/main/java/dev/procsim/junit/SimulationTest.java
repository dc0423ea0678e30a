package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs with a started {@link dev.procsim.core.Simulator}: the components declared
 * with {@link Component @Component} on the method and on the class are started before the test, a
 * {@code Simulator} parameter is injected, and every process is gone after the test, whatever its
 * outcome.
 *
 * <p><b>Seeds.</b> Each run has one seed that decides every fault. Without {@link #seed()} it is
 * random; {@link #runs()} runs the test several times with different seeds, each invocation named
 * by its seed. The JUnit configuration parameter (or system property) {@code procsim.seed} reruns
 * one seed without touching the code: {@code mvn test -Dtest='MyTest#myTest' -Dprocsim.seed=42}.
 *
 * <p><b>Failures.</b> The test fails when the simulation recorded protocol errors (a send to an
 * unknown target, a {@code send} without a target, an overlong or invalid line), unless {@link
 * #allowProtocolErrors()} is set. Every failure shows the seed, how to rerun it, and the end of the
 * message log; the seed is also published as the report entry {@code procsim.seed}.
 *
 * <pre>{@code
 * @SimulationTest(runs = 20)
 * @NetworkFaults(latency = "1ms..20ms", loss = 0.1)
 * @Component(name = "p1", command = {"python3", "-c", "print('send p2 Hello from p1')"})
 * @Component(name = "p2", command = {"python3", "-c", "import sys; print(sys.stdin.readline())"})
 * void p1GreetsP2(Simulator sim) {
 *   sim.log().awaitMessage(m -> m.fate().isFinal(), Duration.ofSeconds(5));
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimulationExtension.class)
public @interface SimulationTest {
  /** The value of {@link #seed()} that means "choose a random seed". */
  long RANDOM_SEED = Long.MIN_VALUE;

  /** The simulation seed; random by default. With {@link #runs()}, the seed of the first run. */
  long seed() default RANDOM_SEED;

  /** How many times to run the test, each time with another seed; 1 by default. */
  int runs() default 1;

  /**
   * A time budget: the test runs with one seed after another (in parallel where JUnit runs tests in
   * parallel) until it is spent, instead of {@link #runs()} times; with {@code runs} above 1 as
   * well, at most that many. Written {@code "10m"}, {@code "90s"}, {@code "1h30m"}, {@code "500ms"}
   * or ISO-8601 ({@code "PT10M"}); empty (the default) for no budget. A seed that has started
   * finishes.
   */
  String time() default "";

  /**
   * Whether the simulation runs stepped (deterministic): one message at a time, chosen by the seed,
   * each once the previous one has been handled, under a virtual clock. See {@link
   * dev.procsim.core.Simulator.Builder#stepped()}.
   */
  boolean stepped() default false;

  /**
   * Runs each seed twice and fails the second run when its log differs from the first's, showing
   * the first difference (logs are compared when the test method returns). Needs {@link
   * #stepped()}.
   */
  boolean checkDeterminism() default false;

  /**
   * Whether every process component reads {@code <from> <message>}, the sender's name first; false
   * by default. See {@link dev.procsim.core.ComponentSpec#withSenderNames()}.
   */
  boolean senderNames() default false;

  /** Whether protocol errors recorded during the test are tolerated; false by default. */
  boolean allowProtocolErrors() default false;

  /**
   * Whether components' output is echoed to the console, prefixed by their names; on by default.
   */
  boolean echo() default true;

  /** How many entries at the end of the message log a failure shows; 40 by default. */
  int logTail() default 40;

  /**
   * When to write the run's report (one HTML page with its space-time diagram, {@link
   * dev.procsim.core.RunReport}) into {@code target/procsim/reports/}: on failure by default (its
   * path is then in the failure, beside the seed, and it is attached to the test with JUnit's
   * {@code publishFile}); the configuration parameter {@code procsim.report} ({@code always},
   * {@code on_failure}, {@code never}) sets it for the whole build.
   */
  Report report() default Report.DEFAULT;

  /**
   * A time budget for shrinking a failing stepped run ({@code "2m"}, {@code "30s"}; empty: no
   * shrinking, unless the configuration parameter {@code procsim.shrink} gives one for the whole
   * build): its schedule's faults are left out, delta-debugging, as long as the test still fails
   * the same way (the same first line of its failure, numbers aside); then its delays go. The
   * failure then names the faults it needs, and the schedule file and the line that replay it.
   */
  String shrink() default "";

  /**
   * A schedule file to replay ({@link dev.procsim.core.Simulator.Builder#replay}), relative to the
   * working directory: the test runs once, stepped, with the schedule's seed and decisions; empty
   * (the default) for none. The configuration parameter {@code procsim.replay} does the same
   * without touching the code.
   */
  String replay() default "";

  /** When a simulation test writes its report. */
  enum Report {
    /** As the configuration parameter {@code procsim.report} says; on failure without one. */
    DEFAULT,
    /** After every run. */
    ALWAYS,
    /** When the test fails. */
    ON_FAILURE,
    /** Never. */
    NEVER
  }
}
