package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Operation;
import dev.procsim.check.SetFull;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The two set workloads, judged by Jepsen's set-full checker ({@link SetFull}), which reports how
 * long elements took to be seen, and by {@link ConvergedReads}: after the faults and a quiet time,
 * every final read must hold every element known before.
 *
 * <ul>
 *   <li>{@code broadcast}: {@code {"type": "broadcast", "message": 7}} and {@code read} answered
 *       with {@code messages}; each node first gets {@code topology} with its neighbours.
 *   <li>{@code g-set}: {@code {"type": "add", "element": 7}} and {@code read} answered with {@code
 *       value}.
 * </ul>
 */
final class SetWorkload implements Workload {
  private final String name;
  private final String addType;
  private final String addField;
  private final String readField;
  private final WorkloadOptions options;

  private SetWorkload(
      String name, String addType, String addField, String readField, WorkloadOptions options) {
    this.name = name;
    this.addType = addType;
    this.addField = addField;
    this.readField = readField;
    this.options = options;
  }

  static SetWorkload broadcast(WorkloadOptions options) {
    Topologies.of(options.topology(), List.of("n0")); // an unknown name fails here, at once
    return new SetWorkload("broadcast", "broadcast", "message", "messages", options);
  }

  static SetWorkload gSet(WorkloadOptions options) {
    return new SetWorkload("g-set", "add", "element", "value", options);
  }

  @Override
  public String name() {
    return name;
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
  public Map<String, List<ObjectNode>> setup(List<String> nodes) {
    if (!name.equals("broadcast")) {
      return Map.of();
    }
    Map<String, List<String>> topology = Topologies.of(options.topology(), nodes);
    ObjectNode body = Json.object().put("type", "topology");
    body.set("topology", Json.tree(topology));
    Map<String, List<ObjectNode>> setup = new LinkedHashMap<>();
    for (String node : nodes) {
      setup.put(node, List.of(body));
    }
    return setup;
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      private long added;

      @Override
      public Request next() {
        if (random.nextBoolean()) {
          return read();
        }
        long element = options.uniqueValue(client, added++);
        return new Request(
            addType, element, Json.object().put("type", addType).put(addField, element));
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        if (request.function().equals(addType)) {
          return null;
        }
        List<Object> elements = new ArrayList<>();
        for (JsonNode element : Replies.array(reply, readField)) {
          elements.add(Json.plain(element));
        }
        return elements;
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
    // The history says "broadcast" where set-full says "add", as Maelstrom's does.
    CheckResult setFull =
        SetFull.check(
            History.of(
                history.operations().stream()
                    .map(
                        op ->
                            op.function().equals(addType)
                                ? new Operation(
                                    op.process(),
                                    "add",
                                    op.input(),
                                    op.output(),
                                    op.invoked(),
                                    op.completed(),
                                    op.outcome())
                                : op)
                    .toList()));
    return ConvergedReads.check(history, finalsFrom, addType, setFull, options);
  }
}
