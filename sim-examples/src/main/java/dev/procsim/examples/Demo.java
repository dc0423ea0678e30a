package dev.procsim.examples;

import dev.procsim.core.Simulator;
import java.time.Duration;

/**
 * The seed's example with its target fixed: p1 sends "Hello from p1" to p2, p2 prints what it
 * receives. Like the seed's simulator, it prints every line a component prints, prefixed by the
 * component's name; then it prints procsim's message log.
 *
 * <pre>{@code
 * mvn -q -Pdemo -DskipTests package
 * }</pre>
 */
public final class Demo {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private Demo() {}

  /** Runs the demo; an optional first argument fixes the seed. */
  public static void main(String[] args) {
    Simulator.Builder builder =
        Simulator.builder()
            .component("p1", "python3", "-c", "print('send p2 Hello from p1')")
            .component("p2", "python3", "-c", "import sys; print(sys.stdin.readline())");
    if (args.length > 0) {
      builder.seed(Long.parseLong(args[0]));
    }
    try (Simulator sim = builder.build().start()) {
      sim.component("p1").awaitExit(WAIT);
      sim.component("p2").awaitExit(WAIT);
      System.out.println();
      System.out.println("procsim: seed " + sim.seed() + "; the message log:");
      System.out.println(sim.log().describe(sim.log().events()));
    }
  }
}
