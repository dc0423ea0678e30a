/**
 * Maelstrom's nodes and workloads inside procsim: run from Java ({@link
 * dev.procsim.maelstrom.MaelstromRun}), from JUnit ({@link dev.procsim.maelstrom.MaelstromTest}) or
 * from procsim's command line, {@code bin/procsim test} (which also has {@code sweep-report}, to
 * merge the summaries of a sweep's shards).
 *
 * <pre>{@code
 * MaelstromRun.builder().workload("echo").bin("python3", "echo.py").run().verdict();
 * }</pre>
 */
module dev.procsim.maelstrom {
  requires transitive dev.procsim.junit;
  requires transitive dev.procsim.check;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires org.junit.platform.commons;
  requires org.opentest4j;

  exports dev.procsim.maelstrom;

  opens dev.procsim.maelstrom.cli to
      info.picocli;
  // Jackson reads the log's records (and the results' maps) when it writes a run's files.
  opens dev.procsim.maelstrom.internal.run to
      com.fasterxml.jackson.databind;
}
