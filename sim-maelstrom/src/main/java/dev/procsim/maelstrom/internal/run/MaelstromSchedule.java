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
 * @param network procsim's schedule of the run
 * @param faults the nemesis's faults, in the order they came
 * @param operations the client operations, in the order they were invoked (final ones apart)
 */
public record MaelstromSchedule(
    Schedule network, List<Fault> faults, List<ClientOperation> operations) {
  /** Copies the lists. */
  public MaelstromSchedule {
    Objects.requireNonNull(network, "network");
    faults = List.copyOf(faults);
    operations = List.copyOf(operations);
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
        network.keeping(networkFaults),
        faults.stream().filter(keep::contains).toList(),
        operations.stream().filter(keep::contains).toList());
  }

  /** This schedule with every network delay set to nothing. */
  public MaelstromSchedule withoutDelays() {
    return new MaelstromSchedule(network.withoutDelays(), faults, operations);
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
    json.put("format", "procsim-maelstrom-schedule/1");
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
   * Reads a schedule written by {@link #write}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   */
  public static MaelstromSchedule read(Path file) {
    JsonNode json;
    try {
      json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schedule " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (!"procsim-maelstrom-schedule/1".equals(json.path("format").asText())) {
      throw new IllegalArgumentException(
          file
              + ": not a Maelstrom run's schedule (its \"format\" is not procsim-maelstrom-schedule/1)");
    }
    Schedule network = Schedule.parse(json.path("network").asText(), file + " (network)");
    List<Fault> faults = new ArrayList<>();
    for (JsonNode f : json.path("faults")) {
      List<List<String>> cuts = new ArrayList<>();
      for (JsonNode cut : f.path("cuts")) {
        cuts.add(List.of(cut.path(0).asText(), cut.path(1).asText()));
      }
      List<String> victims = new ArrayList<>();
      f.path("victims").forEach(v -> victims.add(v.asText()));
      faults.add(
          new Fault(
              f.path("kind").asText(),
              f.path("what").asText(),
              f.path("from").asLong(),
              f.path("to").asLong(-1),
              cuts,
              victims));
    }
    List<ClientOperation> operations = new ArrayList<>();
    for (JsonNode o : json.path("operations")) {
      if (!o.path("body").isObject()) {
        throw new IllegalArgumentException(file + ": an operation without a body: " + o);
      }
      operations.add(
          new ClientOperation(
              o.path("client").asInt(),
              o.path("at").asLong(),
              o.path("f").asText(),
              Json.plain(o.get("input")),
              (ObjectNode) o.get("body")));
    }
    return new MaelstromSchedule(network, faults, operations);
  }
}
