package dev.procsim.core;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link Node} can do in its simulation: send messages, print output, ask for a timer. Given
 * to each call of the node; valid for the node's current incarnation only: after a crash, what the
 * old object still sends is logged as undeliverable, and what it prints is not kept.
 *
 * <pre>{@code
 * public void receive(String from, String body, NodeContext ctx) {
 *   ctx.output("got " + body + " from " + from);   // like a stdout line of a process
 *   ctx.send(from, "ack " + body);                  // through the network, with its faults
 *   ctx.timer(Duration.ofMillis(100), "retry");     // "retry" arrives from procsim in 100 ms
 * }
 * }</pre>
 */
public interface NodeContext {
  /** This component's name. */
  String name();

  /**
   * Sends {@code body} to {@code to} through the network. A target that is not a component is a
   * protocol error naming this node, and the message is logged as undeliverable.
   */
  void send(String to, String body);

  /**
   * Records a line of output, as a process's stdout line that is not a message.
   *
   * @throws IllegalArgumentException when {@code line} contains a line break
   */
  void output(String line);

  /**
   * Records a diagnostic line, as a process's stderr line.
   *
   * @throws IllegalArgumentException when {@code line} contains a line break
   */
  void errorOutput(String line);

  /**
   * Asks for {@code payload} to be delivered to this node, from {@code procsim}, after {@code
   * delay} of simulation time (virtual time in a stepped run); as the line protocol's {@code send
   * procsim timer <millis> <payload>}.
   */
  void timer(Duration delay, String payload);

  /** This component's own seed (what a process finds in {@code PROCSIM_SEED}). */
  long seed();

  /** The simulation time now: real time since the start, or the virtual clock in stepped runs. */
  Duration now();

  /** The names of every component of the simulation, in declaration order. */
  List<String> components();
}
