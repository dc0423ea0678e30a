package dev.procsim.core;

/**
 * A component written in Java: an object that lives in the test's JVM instead of a process. It is
 * started, receives each message delivered to it with its sender, and sends through the same
 * network as processes: the same faults, log entries, fates and names. A crash drops the object (a
 * restart builds a new one from the factory given to {@link Simulator.Builder#node}); a pause holds
 * its deliveries. In stepped runs it is idle as soon as its handler returns.
 *
 * <p>A node's methods run on one thread of its own, one call at a time, so a node needs no locking
 * of its own state. An exception thrown by a method ends the node like an uncaught exception ends a
 * JVM: its stack trace is recorded as its stderr and it exits with code 1 (messages to it then
 * become undeliverable) until restarted.
 *
 * <pre>{@code
 * class KvMock implements Node {
 *   private final Map<String, String> data = new HashMap<>();
 *
 *   public void start(NodeContext ctx) { ctx.output("ready"); }
 *
 *   public void receive(String from, String body, NodeContext ctx) {
 *     String[] words = body.split(" ", 3);            // "put k v" or "get k"
 *     if (words[0].equals("put")) data.put(words[1], words[2]);
 *     ctx.send(from, "ok " + data.get(words[1]));
 *   }
 * }
 * Simulator.builder().node("kv", KvMock::new).component("client", "python3", "client.py") ... ;
 * }</pre>
 */
@FunctionalInterface
public interface Node {
  /** Called once when the component starts, before any message; does nothing by default. */
  default void start(NodeContext ctx) {}

  /** Called for each message delivered to this component, in delivery order. */
  void receive(String from, String body, NodeContext ctx);
}
