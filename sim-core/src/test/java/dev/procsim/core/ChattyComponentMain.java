package dev.procsim.core;

import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: a component prints 300 lines
 * of a megabyte each, more than that heap holds, then sends a message; this JVM reports whether the
 * message arrived and how much output the log kept.
 */
public final class ChattyComponentMain {
  private ChattyComponentMain() {}

  /** Runs the simulation; prints {@code delivered <kept lines>} and exits 0 when all went well. */
  public static void main(String[] args) {
    String script =
        "import sys\n"
            + "line = 'x' * 1_048_000 + '\\n'\n"
            + "for i in range(300):\n"
            + "    sys.stdout.write(line)\n"
            + "print('send b done', flush=True)\n";
    try (Simulator sim =
        Simulator.builder()
            .echo(false)
            .component("a", "python3", "-c", script)
            .component("b", "cat")
            .build()
            .start()) {
      sim.log()
          .awaitMessage(
              m -> m.body().equals("done") && m.fate() == Fate.DELIVERED, Duration.ofSeconds(60));
      System.out.println("delivered " + sim.component("a").output().size());
    }
  }
}
