package dev.procsim.core.internal.component;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.NodeContext;
import dev.procsim.core.Texts;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.network.Router;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@link NodeContext} of one incarnation of a Java node. Once the incarnation has ended (a
 * crash, its own failure, the simulator closing), what the old object still sends goes nowhere:
 * each such message is logged as undeliverable with the reason; its output is not the component's
 * any more and is not kept, as a killed process prints nothing.
 *
 * <pre>{@code
 * NodeContextImpl ctx = new NodeContextImpl("kv", router, environment);
 * node.receive(from, body, ctx);
 * ctx.end();
 * }</pre>
 */
final class NodeContextImpl implements NodeContext {
  private final String name;
  private final Router router;
  private final NodeEnvironment environment;
  private volatile boolean live = true;

  NodeContextImpl(String name, Router router, NodeEnvironment environment) {
    this.name = name;
    this.router = router;
    this.environment = environment;
  }

  boolean isLive() {
    return live;
  }

  void end() {
    live = false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(String to, String body) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    if (!live) {
      router.discard(name, to, body, name + " was stopped: a node that is not running cannot send");
    } else if (!router.trySend(name, to, body)) {
      router.reject(
          name,
          to,
          body,
          "ctx.send(" + Texts.quote(to) + ", " + Texts.quote(body) + ")",
          router.unknownTarget(to));
    }
  }

  @Override
  public void output(String line) {
    String checked = oneLine(line);
    if (live) {
      router.output(name, checked);
    }
  }

  @Override
  public void errorOutput(String line) {
    String checked = oneLine(line);
    if (live) {
      router.errorOutput(name, checked);
    }
  }

  private static String oneLine(String line) {
    Objects.requireNonNull(line, "line");
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "a line of output cannot contain a line break: " + Texts.quote(line));
    }
    return line;
  }

  @Override
  public void timer(Duration delay, String payload) {
    WireProtocol.Decoded.Timer timer =
        (WireProtocol.Decoded.Timer) WireProtocol.Decoded.timer(delay, payload);
    if (live) {
      router.timer(name, timer);
    } else {
      router.discard(
          name,
          ComponentSpec.SIMULATOR_NAME,
          timer.request(),
          name + " was stopped: a node that is not running cannot ask for a timer");
    }
  }

  @Override
  public long seed() {
    return environment.seed();
  }

  @Override
  public Duration now() {
    return Duration.ofNanos(environment.clock().getAsLong());
  }

  @Override
  public List<String> components() {
    return environment.components();
  }
}
