package dev.procsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's C programs (the nodes and the baseline relay), compiled with gcc into a temporary
 * directory, so that the figures measure routing, not an interpreter.
 *
 * <pre>{@code
 * NativeNodes nodes = NativeNodes.compile();
 * String[] ping = nodes.node("ping", "send pong ", "20000");
 * }</pre>
 */
final class NativeNodes {
  private final Path node;
  private final Path relay;

  private NativeNodes(Path node, Path relay) {
    this.node = node;
    this.relay = relay;
  }

  /**
   * Compiles node.c and relay.c with {@code gcc -O2}.
   *
   * @throws IllegalStateException when gcc is missing or fails, with its output
   */
  static NativeNodes compile() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("procsim-bench");
    dir.toFile().deleteOnExit();
    return new NativeNodes(build(dir, "node"), build(dir, "relay"));
  }

  private static Path build(Path dir, String name) throws IOException, InterruptedException {
    Path source = dir.resolve(name + ".c");
    try (InputStream in = NativeNodes.class.getResourceAsStream(name + ".c")) {
      Files.copy(in, source);
    }
    Path binary = dir.resolve(name);
    Process gcc;
    try {
      gcc =
          new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the benchmark needs gcc to build its nodes: " + e.getMessage(), e);
    }
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gcc.waitFor() != 0) {
      throw new IllegalStateException("gcc failed on " + name + ".c:\n" + output);
    }
    binary.toFile().deleteOnExit();
    source.toFile().deleteOnExit();
    return binary;
  }

  /** The command running the node in {@code mode} with {@code args}. */
  String[] node(String mode, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = node.toString();
    command[1] = mode;
    System.arraycopy(args, 0, command, 2, args.length);
    return command;
  }

  /** The same command as one shell word list, for the relay and the direct pipe. */
  String shell(String mode, String... args) {
    StringBuilder text = new StringBuilder(node.toString()).append(' ').append(mode);
    for (String arg : args) {
      text.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    return text.toString();
  }

  /** The relay's path. */
  String relay() {
    return relay.toString();
  }

  /** {@code relay name1 cmd1 name2 cmd2 ...} for the given (name, shell command) pairs. */
  List<String> relayCommand(List<String> namesAndCommands) {
    List<String> command = new java.util.ArrayList<>();
    command.add(relay());
    command.addAll(namesAndCommands);
    return command;
  }
}
