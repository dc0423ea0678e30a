package dev.procsim.maelstrom.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.core.Durations;
import dev.procsim.core.Schedule;
import dev.procsim.maelstrom.internal.client.ClientOperation;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every decision of a stepped Maelstrom run: procsim's {@link Schedule} (what the network did to
 * each message, which message each step took), the nemesis's faults with the simulated times they
 * came and went, and each client operation with the time it was invoked (since the clients began).
 * A run that replays it makes the same decisions and sends the same operations; one with some
 * faults or operations left out ({@link #keeping}) is how a failing run shrinks. Written as JSON,
 * {@code schedule.json} in the run's directory.
 *
 * <pre>{@code
 * MaelstromSchedule schedule = MaelstromSchedule.read(dir.resolve("schedule.json"));
 * MaelstromSchedule smaller = schedule.keeping(schedule.units().subList(0, 3));
 * }</pre>
 *
 * @param shape the run the schedule belongs to: its workload, nodes and clients
 * @param network procsim's schedule of the run
 * @param faults the nemesis's faults, in the order they came
 * @param operations the client operations, in the order they were invoked (final ones apart)
 */
public record MaelstromSchedule(
    Shape shape, Schedule network, List<Fault> faults, List<ClientOperation> operations) {
  /** The format's name, the first field of the file. */
  static final String FORMAT = "procsim-maelstrom-schedule/1";

  private static final Set<String> KINDS = Set.of("partition", "kill", "pause");

  /** Copies the lists. */
  public MaelstromSchedule {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(network, "network");
    faults = List.copyOf(faults);
    operations = List.copyOf(operations);
  }

  /**
   * What a replay must have in common with the run that wrote the schedule.
   *
   * @param workload the workload's name
   * @param nodeCount how many nodes
   * @param clientCount how many clients
   */
  public record Shape(String workload, int nodeCount, int clientCount) {
    /** The shape of a run made with {@code settings}. */
    static Shape of(RunSettings settings) {
      return new Shape(settings.workload(), settings.nodeCount(), settings.concurrency());
    }

    /**
     * How a run's workload, node and client counts differ from this shape, in words; empty when
     * not.
     */
    String mismatch(String otherWorkload, int otherNodes, int otherClients) {
      List<String> differences = new ArrayList<>();
      if (!workload.equals(otherWorkload)) {
        differences.add("the workload " + workload + ", not " + otherWorkload);
      }
      if (nodeCount != otherNodes) {
        differences.add(nodeCount + " nodes, not " + otherNodes);
      }
      if (clientCount != otherClients) {
        differences.add(clientCount + " clients, not " + otherClients);
      }
      return String.join("; ", differences);
    }
  }

  /**
   * A fault the nemesis injected: a partition (its links cut, one way each), or nodes killed or
   * paused.
   *
   * @param kind partition, kill or pause
   * @param what the shape of a partition, the victims of a kill or pause, in words
   * @param fromNanos when it came, since the clients began
   * @param toNanos when it was lifted, or -1 when it never was
   * @param cuts a partition's cut links, each {@code [from, to]}
   * @param victims the nodes killed or paused
   */
  public record Fault(
      String kind,
      String what,
      long fromNanos,
      long toNanos,
      List<List<String>> cuts,
      List<String> victims) {
    /** Copies the lists. */
    public Fault {
      cuts = cuts.stream().map(List::copyOf).toList();
      victims = List.copyOf(victims);
    }

    /** The same fault, lifted at {@code nanos}. */
    Fault liftedAt(long nanos) {
      return new Fault(kind, what, fromNanos, nanos, cuts, victims);
    }

    /** The fault in words, e.g. {@code partition majority from 2.1 s to 4.0 s}. */
    public String describe() {
      return what
          + " from "
          + Durations.format(Duration.ofNanos(fromNanos))
          + (toNanos < 0 ? ", never lifted" : " to " + Durations.format(Duration.ofNanos(toNanos)));
    }
  }

  /**
   * What a shrink may leave out: the network's faults (lost and duplicated messages), the nemesis's
   * faults and the client operations.
   */
  public List<Object> units() {
    List<Object> units = new ArrayList<>(network.faults());
    units.addAll(faults);
    units.addAll(operations);
    return units;
  }

  /** This schedule with only the units in {@code kept}. */
  public MaelstromSchedule keeping(Collection<?> kept) {
    Set<Object> keep = new HashSet<>(kept);
    List<Schedule.Fault> networkFaults = network.faults().stream().filter(keep::contains).toList();
    return new MaelstromSchedule(
        shape,
        network.keeping(networkFaults),
        faults.stream().filter(keep::contains).toList(),
        operations.stream().filter(keep::contains).toList());
  }

  /** This schedule with every network delay set to nothing. */
  public MaelstromSchedule withoutDelays() {
    return new MaelstromSchedule(shape, network.withoutDelays(), faults, operations);
  }

  /** How many faults (network and nemesis). */
  public int faultCount() {
    return network.faults().size() + faults.size();
  }

  /** The faults and operations in words, {@code ; } apart. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    network.faults().forEach(f -> parts.add(f.describe()));
    faults.forEach(f -> parts.add(f.describe()));
    operations.forEach(o -> parts.add(o.describe()));
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }

  /** Writes the schedule as JSON to {@code file}. */
  public void write(Path file) {
    ObjectNode json = Json.object();
    json.put("format", FORMAT);
    json.put("workload", shape.workload());
    json.put("nodes", shape.nodeCount());
    json.put("clients", shape.clientCount());
    json.put("network", network.text());
    ArrayNode faultsJson = json.putArray("faults");
    for (Fault fault : faults) {
      ObjectNode f = faultsJson.addObject();
      f.put("kind", fault.kind()).put("what", fault.what());
      f.put("from", fault.fromNanos()).put("to", fault.toNanos());
      f.set("cuts", Json.tree(fault.cuts()));
      f.set("victims", Json.tree(fault.victims()));
    }
    ArrayNode opsJson = json.putArray("operations");
    for (ClientOperation op : operations) {
      ObjectNode o = opsJson.addObject();
      o.put("client", op.client()).put("at", op.atNanos()).put("f", op.function());
      o.set("input", Json.tree(op.input()));
      o.set("body", op.body());
    }
    try {
      Files.writeString(
          file,
          Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the schedule " + file, e);
    }
  }

  /**
   * Reads a schedule written by {@link #write}, checking every field: a file that is not one says
   * which entry is wrong and how, rather than replaying something else.
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static MaelstromSchedule read(Path file) {
    JsonNode json;
    try {
      json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schedule " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
    }
    Reader in = new Reader(file);
    if (!FORMAT.equals(json.path("format").asText())) {
      throw in.wrong("not a Maelstrom run's schedule (its \"format\" is not " + FORMAT + ")");
    }
    Shape shape =
        new Shape(
            in.text(json, "workload"), in.count(json, "nodes", 1), in.count(json, "clients", 1));
    if (!json.path("network").isTextual()) {
      throw in.wrong("\"network\" must be procsim's schedule, as text");
    }
    Schedule network = Schedule.parse(json.get("network").asText(), file + " (network)");
    List<Fault> faults = new ArrayList<>();
    JsonNode faultsJson = in.array(json, "faults");
    for (int i = 0; i < faultsJson.size(); i++) {
      faults.add(in.fault(faultsJson.get(i), "faults[" + i + "]", shape));
    }
    List<ClientOperation> operations = new ArrayList<>();
    JsonNode opsJson = in.array(json, "operations");
    for (int i = 0; i < opsJson.size(); i++) {
      operations.add(in.operation(opsJson.get(i), "operations[" + i + "]", shape));
    }
    return new MaelstromSchedule(shape, network, faults, operations);
  }

  /** Reads the fields of one file, each wrong one an error naming the file and the field. */
  private record Reader(Path file) {
    IllegalArgumentException wrong(String what) {
      return new IllegalArgumentException(file + ": " + what);
    }

    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw wrong("\"" + field + "\" must be a text, not " + value);
      }
      return value.asText();
    }

    int count(JsonNode node, String field, int least) {
      JsonNode value = node.get(field);
      if (value == null
          || !value.canConvertToInt()
          || !value.isIntegralNumber()
          || value.asInt() < least) {
        throw wrong(
            "\"" + field + "\" must be a whole number of at least " + least + ", not " + value);
      }
      return value.asInt();
    }

    long nanos(JsonNode node, String where, String field, long least) {
      JsonNode value = node.get(field);
      if (value == null
          || !value.isIntegralNumber()
          || !value.canConvertToLong()
          || value.asLong() < least) {
        throw wrong(
            where
                + ": \""
                + field
                + "\" must be nanoseconds, at least "
                + least
                + ", not "
                + value);
      }
      return value.asLong();
    }

    JsonNode array(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isArray()) {
        throw wrong("\"" + field + "\" must be an array, not " + value);
      }
      return value;
    }

    String node(JsonNode value, String where, Shape shape) {
      String name = value == null || !value.isTextual() ? null : value.asText();
      if (name == null
          || !name.matches("n\\d+")
          || Integer.parseInt(name.substring(1)) >= shape.nodeCount()) {
        throw wrong(
            where + ": " + value + " is not one of the nodes n0 to n" + (shape.nodeCount() - 1));
      }
      return name;
    }

    Fault fault(JsonNode f, String where, Shape shape) {
      if (!f.isObject()) {
        throw wrong(where + " must be an object, not " + f);
      }
      String kind = text(f, "kind");
      if (!KINDS.contains(kind)) {
        throw wrong(
            where + ": no fault kind \"" + kind + "\"; there are partition, kill and pause");
      }
      long from = nanos(f, where, "from", 0);
      long to = nanos(f, where, "to", -1);
      if (to >= 0 && to < from) {
        throw wrong(where + ": lifted at " + to + " ns, before it came at " + from + " ns");
      }
      List<List<String>> cuts = new ArrayList<>();
      for (JsonNode cut : array(f, "cuts")) {
        if (!cut.isArray() || cut.size() != 2) {
          throw wrong(where + ": a cut is [from, to], not " + cut);
        }
        cuts.add(List.of(node(cut.get(0), where, shape), node(cut.get(1), where, shape)));
      }
      List<String> victims = new ArrayList<>();
      for (JsonNode victim : array(f, "victims")) {
        victims.add(node(victim, where, shape));
      }
      return new Fault(kind, text(f, "what"), from, to, cuts, victims);
    }

    ClientOperation operation(JsonNode o, String where, Shape shape) {
      if (!o.isObject()) {
        throw wrong(where + " must be an object, not " + o);
      }
      JsonNode client = o.get("client");
      if (client == null
          || !client.isIntegralNumber()
          || client.asInt() < 0
          || client.asInt() >= shape.clientCount()) {
        throw wrong(
            where
                + ": \"client\" must be a client's number, 0 to "
                + (shape.clientCount() - 1)
                + ", not "
                + client);
      }
      long at = nanos(o, where, "at", 0);
      String function = text(o, "f");
      JsonNode body = o.get("body");
      if (body == null || !body.isObject() || !body.path("type").isTextual()) {
        throw wrong(where + ": \"body\" must be a request, an object with a \"type\", not " + body);
      }
      return new ClientOperation(
          client.asInt(), at, function, Json.plain(o.get("input")), (ObjectNode) body);
    }
  }
}
