package dev.procsim.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A JVM node for the stepped benchmark, run as a process: answers {@code "<peer> <n>"} with {@code
 * send <peer> <me> <n+1>}.
 *
 * <pre>{@code
 * Simulator.builder().stepped().component("a", JavaCommand.of(EchoNode.class));
 * }</pre>
 */
public final class EchoNode {
  private EchoNode() {}

  /** Reads lines until end of input. */
  public static void main(String[] args) throws Exception {
    String me = System.getenv("PROCSIM_COMPONENT");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split(" ");
      System.out.println("send " + parts[0] + " " + me + " " + (Long.parseLong(parts[1]) + 1));
      System.out.flush();
    }
  }
}
