package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Linearizability;
import dev.procsim.check.Models;
import dev.procsim.check.Operation;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Maelstrom's lin-kv: {@code read}, {@code write} and {@code cas} of integer keys holding values 0
 * to 4, each key a compare-and-set register checked for linearizability on its own ({@link
 * Models#casRegister()}). A client waits 1 s for a reply, as Maelstrom's does. The history's input
 * is {@code [key, argument]}: null for a read, the value for a write, {@code [from, to]} for a cas.
 */
final class LinKvWorkload implements Workload {
  /** How long the checker may search each key. */
  private static final Duration CHECK_LIMIT = Duration.ofSeconds(60);

  private final WorkloadOptions options;

  LinKvWorkload(WorkloadOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "lin-kv";
  }

  /** Maelstrom's: ten times the mean latency, and at least a second. */
  @Override
  public Duration rpcTimeout(Duration meanLatency) {
    Duration tenfold = meanLatency.multipliedBy(10);
    return tenfold.compareTo(Duration.ofSeconds(1)) > 0 ? tenfold : Duration.ofSeconds(1);
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
        long key = random.nextInt(options.keyCount());
        ObjectNode body = Json.object().put("key", key);
        // As Jepsen's linearizable-register test: half the clients read, the others write or
        // compare-and-set, a cas twice as likely as a write.
        int dice = random.nextInt(6);
        return switch (dice < 3 ? 0 : dice < 4 ? 1 : 2) {
          case 0 -> new Request("read", Arrays.asList(key, null), body.put("type", "read"));
          case 1 -> {
            long value = random.nextInt(5);
            yield new Request(
                "write", List.of(key, value), body.put("type", "write").put("value", value));
          }
          default -> {
            long from = random.nextInt(5);
            long to = random.nextInt(5);
            yield new Request(
                "cas",
                List.of(key, List.of(from, to)),
                body.put("type", "cas").put("from", from).put("to", to));
          }
        };
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        return switch (request.function()) {
          case "read" -> Replies.field(reply, "value");
          case "cas" -> true;
          default -> null;
        };
      }
    };
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    Map<Object, History> byKey = history.partitionBy(op -> ((List<?>) op.input()).get(0));
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<Object, History> key : byKey.entrySet()) {
      // The register sees each operation's argument alone; the originals are kept to point at.
      Map<Operation, Operation> originals = new IdentityHashMap<>();
      List<Operation> ops = new ArrayList<>();
      for (Operation op : key.getValue().operations()) {
        Object argument = ((List<?>) op.input()).get(1);
        Operation register =
            new Operation(
                op.process(),
                op.function(),
                argument,
                op.output(),
                op.invoked(),
                op.completed(),
                op.outcome());
        originals.put(register, op);
        ops.add(register);
      }
      CheckResult result =
          Linearizability.check(Models.casRegister(), History.of(ops), CHECK_LIMIT);
      if (result.verdict() == Verdict.INVALID) {
        return new CheckResult(
            Verdict.INVALID,
            "key " + key.getKey() + " is not linearizable: " + result.explanation(),
            result.ordered().stream().map(op -> originals.getOrDefault(op, op)).toList(),
            result.culprits().stream().map(op -> originals.getOrDefault(op, op)).toList());
      }
      if (result.verdict() == Verdict.UNKNOWN) {
        unknown.add("key " + key.getKey() + ": " + result.explanation());
      }
    }
    if (!unknown.isEmpty()) {
      return new CheckResult(Verdict.UNKNOWN, String.join("; ", unknown));
    }
    return new CheckResult(
        Verdict.VALID,
        "every key linearizable (" + byKey.size() + " keys, " + history.size() + " operations)");
  }
}
