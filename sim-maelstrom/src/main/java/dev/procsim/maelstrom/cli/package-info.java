/**
 * The {@code procsim} command and its subcommands (picocli). Each subcommand reads its input, says
 * what was wrong with it (file and line), and exits 0 when all is well, 1 when what it read reports
 * failures, 2 when the input is incomplete or unusable.
 *
 * <pre>{@code
 * int code = Procsim.run(new String[] {"sweep-report", "target/procsim"}, System.out, System.err);
 * }</pre>
 */
package dev.procsim.maelstrom.cli;
