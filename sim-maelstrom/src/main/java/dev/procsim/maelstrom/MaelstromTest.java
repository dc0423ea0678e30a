package dev.procsim.maelstrom;

import dev.procsim.check.ConsistencyModel;
import dev.procsim.check.Verdict;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit test that runs a Maelstrom workload against a node, before the test method, and injects
 * its {@link MaelstromResult}. When the verdict is not {@link #expect()} (valid, by default) the
 * test fails with the checker's explanation, the seed and the lines that run it again (a command
 * line, Java, and Maven with {@code -Dprocsim.seed}); the method itself then does not run. The
 * defaults are Maelstrom's, as {@link MaelstromRun#builder()}'s; durations are written {@code
 * "10s"}, {@code "250ms"}; a relative node path is relative to the working directory (the module's,
 * under Maven). {@code -Dprocsim.seed=<seed>} reruns one seed.
 *
 * <pre>{@code
 * @MaelstromTest(workload = "broadcast", bin = {"python3", "nodes/broadcast.py"},
 *     nodeCount = 5, timeLimit = "20s", rate = 10, nemesis = "partition", stepped = true)
 * void broadcastSurvivesPartitions(MaelstromResult result) {
 *   assertThat(result.network().serverMessagesPerOperation()).isLessThan(30);
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(MaelstromExtension.class)
public @interface MaelstromTest {
  /** The value of {@link #seed()} that means "a fresh seed". */
  long RANDOM_SEED = Long.MIN_VALUE;

  /** Maelstrom's workload name: echo, unique-ids, broadcast, g-set, g-counter, ... */
  String workload();

  /** The node's command and arguments, as Maelstrom's {@code --bin}. */
  String[] bin();

  /** How many nodes, {@code n0} on; 5 by default. */
  int nodeCount() default 5;

  /** How long clients send operations; {@code "60s"} by default. */
  String timeLimit() default "60s";

  /** Operations per second, all clients together; 5 by default. */
  double rate() default 5;

  /** Clients: a number or {@code "<N>n"}, N per node; {@code "1n"} by default. */
  String concurrency() default "1n";

  /** The mean latency between nodes; {@code "0ms"} by default. */
  String latency() default "0ms";

  /** constant, uniform or exponential; constant by default. */
  String latencyDist() default "constant";

  /** Probability that a message between nodes is lost; 0 by default. */
  double loss() default 0;

  /** Probability that a message between nodes is duplicated; 0 by default. */
  double duplication() default 0;

  /** Faults: partition, partition-&lt;shape&gt;, kill, pause; none by default. */
  String[] nemesis() default {};

  /** The mean time between two steps of one kind of fault; {@code "10s"} by default. */
  String nemesisInterval() default "10s";

  /** Broadcast's topology; grid by default. */
  String topology() default "grid";

  /** Keys of lin-kv, kafka and txn-list-append; 8 by default. */
  int keyCount() default 8;

  /** The model txn-list-append is checked against; strict serializable by default. */
  ConsistencyModel consistency() default ConsistencyModel.STRICT_SERIALIZABLE;

  /** The share of operations that must succeed ({@code "total"} or 0 to 1); none by default. */
  String availability() default "";

  /** The seed; a fresh one by default (always reported). */
  long seed() default RANDOM_SEED;

  /** Whether the run is on the virtual clock, so that its seed repeats it exactly. */
  boolean stepped() default false;

  /** The quiet time before the final reads; {@code "10s"} by default. */
  String recovery() default "10s";

  /** Whether the nodes' stderr is echoed to the console. */
  boolean logStderr() default false;

  /** The verdict the test expects; valid by default (invalid, for a test that a bug is caught). */
  Verdict expect() default Verdict.VALID;

  /**
   * A time budget for shrinking a stepped run that is not valid when a valid one is expected
   * ({@code "2m"}, {@code "30s"}; empty: none, unless the configuration parameter {@code
   * procsim.shrink} gives one for the whole build): the failure then names the faults and
   * operations it needs and the line that replays them ({@code MaelstromRun.Builder.shrink}).
   */
  String shrink() default "";

  /**
   * A schedule to replay ({@code schedule.json} or {@code shrunk-schedule.json} from a stepped
   * run's directory), relative to the working directory; empty (the default) for none. The run is
   * then stepped, with the schedule's seed, faults and operations.
   */
  String replay() default "";
}
