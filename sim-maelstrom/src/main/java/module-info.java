/**
 * procsim's command line, {@code bin/procsim}: for now {@code procsim sweep-report}, which merges
 * the summaries of a sweep's shards; Maelstrom's nodes and workloads come next.
 *
 * <pre>{@code
 * bin/procsim sweep-report shard-1/ shard-2/
 * }</pre>
 */
module dev.procsim.maelstrom {
  requires dev.procsim.junit;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;

  opens dev.procsim.maelstrom.cli to
      info.picocli;
}
