package dev.procsim.core.internal.network;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Texts;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.OutputCapture;
import dev.procsim.core.internal.log.ProtocolErrors;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Routes what components emit, whatever their kind and protocol: messages to the {@link
 * NetworkEngine}, timer requests to its queue, output to the log and the console; and records what
 * cannot be routed (an unknown target, a malformed line) as a protocol error naming the component,
 * the line and what was wrong, with the message undeliverable, so nothing is lost without a record.
 * It decides nothing about delivery: that is the engine's job.
 *
 * <pre>{@code
 * Router router = new Router(network, store, echo, List.of("p1", "p2"));
 * if (!router.trySend("p1", "p2", "hi")) router.reject("p1", "p2", "hi", line, router.unknownTarget("p2"));
 * router.output("p1", "ready");
 * }</pre>
 */
public final class Router {
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}]+$");

  private final NetworkEngine network;
  private final LogStore log;
  private final ConsoleEcho echo;
  private final List<String> componentNames;

  /** A router for the components named {@code componentNames}. */
  public Router(
      NetworkEngine network, LogStore log, ConsoleEcho echo, List<String> componentNames) {
    this.network = network;
    this.log = log;
    this.echo = echo;
    this.componentNames = List.copyOf(componentNames);
  }

  /**
   * Sends {@code body} from {@code from} to {@code target} through the network; false, with nothing
   * recorded, when the target is not a component (the caller then {@link #reject rejects} it with
   * the line it came from).
   */
  public boolean trySend(String from, String target, String body) {
    String canonical = network.canonicalName(target);
    if (canonical == null) {
      return false;
    }
    network.send(from, canonical, body);
    return true;
  }

  /** Whether {@code target} names a component (as {@link #trySend} would find it). */
  public boolean knows(String target) {
    return network.canonicalName(target) != null;
  }

  /**
   * Runs {@code sends} (calls of {@link #trySend} and {@link #timer}) holding the network's lock
   * once for all of them; what they write directly goes out once it is left.
   */
  public void together(Runnable sends) {
    network.together(sends);
  }

  /**
   * A timer request from {@code component}: logged as a message to the simulator, delivered at
   * once; then the payload comes back from the simulator after the delay of simulation time.
   */
  public void timer(String component, WireProtocol.Decoded.Timer timer) {
    long id = log.recordSent(component, ComponentSpec.SIMULATOR_NAME, timer.request()).id();
    log.recordDelivered(id);
    network.schedule(
        ComponentSpec.SIMULATOR_NAME,
        component,
        timer.payload(),
        TimeUnit.NANOSECONDS.convert(timer.delay())); // saturates: a huge delay means never
  }

  /**
   * Records a message that cannot be sent: undeliverable with {@code problem} as its reason, and a
   * protocol error naming the component and the line; warns on the console.
   */
  public void reject(String component, String target, String body, String line, String problem) {
    warn(
        component,
        line,
        problem,
        log.errors().recordRejectedSend(component, target, body, line, problem));
  }

  /**
   * Records a message that its sender can no longer send (a Java node after its incarnation ended):
   * undeliverable with {@code reason}; not a protocol error.
   */
  public void discard(String component, String target, String body, String reason) {
    log.recordUndeliverable(log.recordSent(component, target, body).id(), reason);
  }

  /** Records a protocol error and warns on the console. */
  public void protocolError(String component, String line, String problem) {
    warn(component, line, problem, log.errors().record(component, line, problem));
  }

  /** Records a line of output and echoes it (while under the limit of lines kept). */
  public void output(String component, String line) {
    echoIfKept(component, line, log.components().recordOutput(component, line), "stdout");
  }

  /** Records a diagnostic (stderr) line and echoes it (while under the limit of lines kept). */
  public void errorOutput(String component, String line) {
    echoIfKept(component, line, log.components().recordErrorOutput(component, line), "stderr");
  }

  /** Echoes a line the log kept; at the first one past the limit, says that echo stops. */
  private void echoIfKept(
      String component, String text, OutputCapture.Outcome outcome, String stream) {
    switch (outcome) {
      case KEPT -> {
        if (stream.equals("stdout")) {
          echo.output(component, text);
        } else {
          echo.error(component, text);
        }
      }
      case FIRST_DISCARDED ->
          echo.warning(
              component
                  + "'s "
                  + stream
                  + " is no longer kept or echoed, only counted: "
                  + log.components().whyNotKept(component, stream));
      case DISCARDED -> {}
    }
  }

  /** Warns of an error recorded one by one; the last such of its kind says that counting starts. */
  private void warn(String component, String line, String problem, ProtocolErrors.Recorded fate) {
    if (fate == ProtocolErrors.Recorded.COUNTED) {
      return;
    }
    echo.warning(
        "protocol error from " + component + ": " + problem + "; line: " + Texts.quote(line));
    if (fate == ProtocolErrors.Recorded.LAST_ONE_BY_ONE) {
      echo.warning(
          "that was the "
              + ProtocolErrors.ONE_BY_ONE
              + "th protocol error of its kind from "
              + component
              + ": later ones are counted, not recorded or echoed one by one");
    }
  }

  /**
   * The error for an unknown target, with a hint when the seed's comma slip is the likely cause.
   */
  public String unknownTarget(String target) {
    StringBuilder problem =
        new StringBuilder("unknown target \"")
            .append(target)
            .append("\"; the components are: ")
            .append(String.join(", ", componentNames));
    String stripped = TRAILING_PUNCTUATION.matcher(target).replaceAll("");
    if (!stripped.equals(target) && componentNames.contains(stripped)) {
      problem
          .append(". Did you mean \"")
          .append(stripped)
          .append("\"? The target is the whole word after \"send\", up to the next space");
    }
    return problem.toString();
  }
}
