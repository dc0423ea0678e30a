package dev.procsim.maelstrom.internal.workload;

import java.util.List;

/**
 * Maelstrom's workloads by name.
 *
 * <pre>{@code
 * Workload w = Workloads.named("broadcast", options);
 * }</pre>
 */
public final class Workloads {
  /** Every name {@link #named} accepts, as Maelstrom spells them. */
  public static final List<String> NAMES =
      List.of(
          "echo",
          "unique-ids",
          "broadcast",
          "g-set",
          "g-counter",
          "pn-counter",
          "kafka",
          "lin-kv",
          "txn-list-append");

  private Workloads() {}

  /**
   * The workload called {@code name}; an {@link IllegalArgumentException} listing them if none is.
   */
  public static Workload named(String name, WorkloadOptions options) {
    return switch (name) {
      case "echo" -> new EchoWorkload();
      case "unique-ids" -> new UniqueIdsWorkload();
      case "broadcast" -> SetWorkload.broadcast(options);
      case "g-set" -> SetWorkload.gSet(options);
      case "g-counter" -> new CounterWorkload(false);
      case "pn-counter" -> new CounterWorkload(true);
      case "kafka" -> new KafkaWorkload(options);
      case "lin-kv" -> new LinKvWorkload(options);
      case "txn-list-append" -> new ListAppendWorkload(options);
      default ->
          throw new IllegalArgumentException(
              "no workload \"" + name + "\"; there are " + String.join(", ", NAMES));
    };
  }
}
