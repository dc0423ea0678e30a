package dev.procsim.core.internal;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns each stdout line of a component into what it means under the line protocol: a message for
 * the network, or output for the log and the console; and turns every violation into a protocol
 * error that names the component, the line and what was wrong.
 *
 * <pre>{@code
 * StdoutRouter router = new StdoutRouter(network, log, echo, List.of("p1", "p2"), 1 << 20);
 * router.route("p1", line);   // "send p2 hi" goes to the network, anything else is output
 * }</pre>
 */
public final class StdoutRouter {
  private final NetworkEngine network;
  private final RecordingLog log;
  private final ConsoleEcho echo;
  private final List<String> componentNames;
  private final int maxLineLength;
  private final Map<String, String> ackMarkers;
  private final Map<String, AckTracker> ackTrackers;

  /** A router for the components named {@code componentNames}. */
  public StdoutRouter(
      NetworkEngine network,
      RecordingLog log,
      ConsoleEcho echo,
      List<String> componentNames,
      int maxLineLength) {
    this(network, log, echo, componentNames, maxLineLength, Map.of(), Map.of());
  }

  /**
   * A router that also recognises acknowledgement markers: {@code ackMarkers} maps a component to
   * its marker line, {@code ackTrackers} to the tracker the marker is reported to.
   */
  public StdoutRouter(
      NetworkEngine network,
      RecordingLog log,
      ConsoleEcho echo,
      List<String> componentNames,
      int maxLineLength,
      Map<String, String> ackMarkers,
      Map<String, AckTracker> ackTrackers) {
    this.ackMarkers = Map.copyOf(ackMarkers);
    this.ackTrackers = Map.copyOf(ackTrackers);
    this.network = network;
    this.log = log;
    this.echo = echo;
    this.componentNames = List.copyOf(componentNames);
    this.maxLineLength = maxLineLength;
  }

  /** Handles one stdout line of {@code component}. */
  public void route(String component, LineReader.Line line) {
    String text = line.text();
    if (!line.cut() && text.equals(ackMarkers.get(component))) {
      // The acknowledgement protocol's marker: not output, and not in the log.
      ackTrackers.get(component).acknowledged();
      return;
    }
    LineProtocol.Decoded decoded = LineProtocol.decode(text);
    if (decoded instanceof LineProtocol.Output) {
      if (line.cut()) {
        protocolError(
            component, text, "a stdout line longer than " + maxLineLength + " bytes was cut");
      }
      if (!line.isValidUtf8()) {
        protocolError(component, text, invalidUtf8(line));
      }
      echoIfKept(component, text, log.recordOutput(component, text), "stdout");
      return;
    }
    if (decoded instanceof LineProtocol.MissingTarget) {
      rejectSend(
          component,
          "",
          "",
          text,
          "\"send\" without a target; expected \"send <target> <message>\"");
      return;
    }
    LineProtocol.Send send = (LineProtocol.Send) decoded;
    String target = network.canonicalName(send.target());
    String unsendable = line.cut() ? tooLong() : line.isValidUtf8() ? null : invalidUtf8(line);
    if (unsendable != null) {
      rejectSend(component, send.target(), send.body(), text, unsendable);
    } else if (target != null) {
      network.send(component, target, send.body());
    } else if (send.target().equals(ComponentSpec.SIMULATOR_NAME)) {
      requestToSimulator(component, send.body(), text);
    } else {
      rejectSend(component, send.target(), send.body(), text, unknownTarget(send.target()));
    }
  }

  /** Echoes a line the log kept; at the first one past the limit, says that echo stops. */
  void echoIfKept(String component, String text, OutputCapture.Outcome outcome, String stream) {
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
                  + " printed more "
                  + stream
                  + " lines than the limit of lines kept; further ones are counted, not kept or"
                  + " echoed");
      case DISCARDED -> {}
    }
  }

  /**
   * A request to the simulator itself. {@code timer <millis> <payload>}: after that much simulation
   * time the component receives {@code <payload>} from {@code procsim}.
   */
  private void requestToSimulator(String component, String body, String line) {
    String[] words = body.split(" ", 3);
    if (words.length >= 2 && words[0].equals("timer")) {
      try {
        long millis = Long.parseLong(words[1]);
        if (millis >= 0) {
          Message request = log.recordSent(component, ComponentSpec.SIMULATOR_NAME, body);
          log.recordDelivered(request.id());
          network.schedule(
              ComponentSpec.SIMULATOR_NAME,
              component,
              words.length == 3 ? words[2] : "",
              TimeUnit.MILLISECONDS.toNanos(millis));
          return;
        }
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
    }
    rejectSend(
        component,
        ComponentSpec.SIMULATOR_NAME,
        body,
        line,
        "unknown request to the simulator; it understands \"send procsim timer <millis>"
            + " <payload>\"");
  }

  private void rejectSend(
      String component, String target, String body, String line, String problem) {
    log.recordRejectedSend(component, target, body, line, problem);
    warn(component, line, problem);
  }

  private void protocolError(String component, String line, String problem) {
    log.recordProtocolError(component, line, problem);
    warn(component, line, problem);
  }

  private void warn(String component, String line, String problem) {
    echo.warning(
        "protocol error from " + component + ": " + problem + "; line: " + Texts.quote(line));
  }

  private String tooLong() {
    return "a send line longer than "
        + maxLineLength
        + " bytes was cut, so its message was not delivered";
  }

  private static String invalidUtf8(LineReader.Line line) {
    return String.format(
        Locale.ROOT,
        "the line is not valid UTF-8 (first bad byte at offset %d); bad bytes were replaced by U+FFFD",
        line.invalidUtf8At());
  }

  /**
   * The error for an unknown target, with a hint when the seed's comma slip is the likely cause.
   */
  String unknownTarget(String target) {
    StringBuilder problem =
        new StringBuilder("unknown target \"")
            .append(target)
            .append("\"; the components are: ")
            .append(String.join(", ", componentNames));
    String stripped = target.replaceAll("[\\p{Punct}]+$", "");
    if (!stripped.equals(target) && componentNames.contains(stripped)) {
      problem
          .append(". Did you mean \"")
          .append(stripped)
          .append("\"? The target is the whole word after \"send\", up to the next space");
    }
    return problem.toString();
  }
}
