/**
 * procsim's JUnit 5 extension: {@code @SimulationTest}, {@code @Component} and the fault
 * annotations, AssertJ assertions on the message log ({@code dev.procsim.junit.assertj}) and
 * Awaitility helpers. It uses only the public API of {@code dev.procsim.core}.
 *
 * <pre>{@code
 * @SimulationTest
 * @Component(name = "echo", command = "cat")
 * void echoes(Simulator sim) { sim.send("test", "echo", "hi"); }
 * }</pre>
 */
module dev.procsim.junit {
  requires transitive dev.procsim.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires transitive awaitility;
  requires org.junit.platform.commons;
  requires org.opentest4j;

  exports dev.procsim.junit;
  exports dev.procsim.junit.assertj;
  // The sweep summaries' format, for procsim's own command line (procsim sweep-report).
  exports dev.procsim.junit.internal to
      dev.procsim.maelstrom;
}
