package dev.procsim.examples.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A component written in Java: one node of a token ring. The ring is every component, in the order
 * of {@code PROCSIM_COMPONENTS}. On {@code token <k>} a node passes {@code token <k+1>} to the next
 * node, until the count given as first argument is reached; then it prints {@code done <k>}.
 *
 * <pre>{@code
 * @Component(name = "a", main = TokenRingNode.class, args = "30")
 * }</pre>
 */
public final class TokenRingNode {
  private TokenRingNode() {}

  /** Runs until stdin ends. */
  public static void main(String[] args) throws IOException {
    int rounds = Integer.parseInt(args[0]);
    String self = System.getenv("PROCSIM_COMPONENT");
    List<String> ring = List.of(System.getenv("PROCSIM_COMPONENTS").split(","));
    String next = ring.get((ring.indexOf(self) + 1) % ring.size());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.startsWith("token ")) {
        System.err.println(self + ": ignoring unexpected input " + line);
        continue;
      }
      int count = Integer.parseInt(line.substring("token ".length()).trim());
      // Each println is one line for procsim; flush so the line leaves at once.
      System.out.println(
          count >= rounds ? "done " + count : "send " + next + " token " + (count + 1));
      System.out.flush();
    }
  }
}
