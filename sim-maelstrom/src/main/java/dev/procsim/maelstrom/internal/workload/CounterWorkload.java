package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.Counters;
import dev.procsim.check.History;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.List;
import java.util.Random;

/**
 * Maelstrom's counters: {@code {"type": "add", "delta": 3}} and {@code read} answered with {@code
 * value}; {@code g-counter} adds 0 to 4, {@code pn-counter} -5 to 4. Judged by {@link Counters}:
 * each final read must be the sum of the acknowledged deltas and some of the unknown ones.
 */
final class CounterWorkload implements Workload {
  private final boolean negative;

  CounterWorkload(boolean negative) {
    this.negative = negative;
  }

  @Override
  public String name() {
    return negative ? "pn-counter" : "g-counter";
  }

  @Override
  public boolean hasFinalPhase() {
    return true;
  }

  @Override
  public boolean idempotent(String function) {
    return function.equals("read");
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      @Override
      public Request next() {
        if (random.nextBoolean()) {
          return read();
        }
        // Maelstrom's: -5 to 4 for a pn-counter, 0 to 4 for a g-counter.
        long delta = negative ? random.nextInt(10) - 5 : random.nextInt(5);
        return new Request("add", delta, Json.object().put("type", "add").put("delta", delta));
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        return request.function().equals("add") ? null : Replies.integer(reply, "value");
      }

      @Override
      public List<Request> finals() {
        return List.of(read());
      }
    };
  }

  private static Request read() {
    return new Request("read", null, Json.object().put("type", "read"));
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    // As Maelstrom's: only the final reads are judged; the others may see any partial sum.
    return Counters.check(
        History.of(
            history.operations().stream()
                .filter(op -> !op.function().equals("read") || op.invoked() >= finalsFrom)
                .toList()));
  }
}
