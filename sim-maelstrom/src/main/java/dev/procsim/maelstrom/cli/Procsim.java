package dev.procsim.maelstrom.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code procsim} command line ({@code bin/procsim}): a command with subcommands.
 *
 * <pre>{@code
 * bin/procsim test -w echo --bin python3 echo.py   # a Maelstrom test
 * bin/procsim sweep-report shard-1/ shard-2/      # merges a sharded sweep's summaries
 * bin/procsim --help
 * }</pre>
 */
@Command(
    name = "procsim",
    mixinStandardHelpOptions = true,
    version = "procsim 0.1.0-SNAPSHOT",
    description = "procsim's command line.",
    subcommands = {TestCommand.class, SweepReportCommand.class, CommandLine.HelpCommand.class})
public final class Procsim implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with {@code args}, printing to {@code out} and {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine =
        new CommandLine(new Procsim())
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // procsim test exits as maelstrom test does on bad arguments: 254, not picocli's 2, which
    // Maelstrom means as an unknown verdict.
    commandLine
        .getSubcommands()
        .get("test")
        .getCommandSpec()
        .exitCodeOnInvalidInput(TestCommand.BAD_ARGUMENTS);
    return commandLine.execute(args);
  }

  /** Without a subcommand: says which there are. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a command: procsim test -w <workload> --bin <node> ..., procsim sweep-report"
            + " <dirs...>, or procsim --help");
  }
}
