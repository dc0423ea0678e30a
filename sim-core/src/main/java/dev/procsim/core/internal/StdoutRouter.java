package dev.procsim.core.internal;

import java.util.List;
import java.util.Locale;

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

  /** A router for the components named {@code componentNames}. */
  public StdoutRouter(
      NetworkEngine network,
      RecordingLog log,
      ConsoleEcho echo,
      List<String> componentNames,
      int maxLineLength) {
    this.network = network;
    this.log = log;
    this.echo = echo;
    this.componentNames = List.copyOf(componentNames);
    this.maxLineLength = maxLineLength;
  }

  /** Handles one stdout line of {@code component}. */
  public void route(String component, LineReader.Line line) {
    String text = line.text();
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
    String unsendable = line.cut() ? tooLong() : line.isValidUtf8() ? null : invalidUtf8(line);
    if (unsendable != null) {
      rejectSend(component, send.target(), send.body(), text, unsendable);
    } else if (network.knows(send.target())) {
      network.send(component, network.canonicalName(send.target()), send.body());
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
