package dev.procsim.core.internal.protocol;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.WireProtocol.Decoded;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.process.LineReader;
import java.util.Locale;

/**
 * Turns each stdout line of one process component into what it means under the component's wire
 * protocol, and hands it to the {@link Router}. Lines that did not arrive whole (cut at the maximum
 * length, or not valid UTF-8) are never delivered as messages: such a send becomes an undeliverable
 * message with a protocol error, such output is kept with a protocol error. A protocol that throws
 * is reported, not fatal.
 *
 * <pre>{@code
 * StdoutDecoder decoder = new StdoutDecoder("p1", WireProtocol.LINE, router, 1 << 20, acks::acknowledged);
 * decoder.accept(line);   // "send p2 hi" goes to the network, anything else is output
 * }</pre>
 */
public final class StdoutDecoder {
  private final String component;
  private final WireProtocol protocol;
  private final Router router;
  private final int maxLineLength;
  private final Runnable acknowledged;

  /**
   * A decoder for {@code component}'s stdout; {@code acknowledged} runs for each acknowledgement
   * marker.
   */
  public StdoutDecoder(
      String component,
      WireProtocol protocol,
      Router router,
      int maxLineLength,
      Runnable acknowledged) {
    this.component = component;
    this.protocol = protocol;
    this.router = router;
    this.maxLineLength = maxLineLength;
    this.acknowledged = acknowledged;
  }

  /**
   * Handles one stdout line. A failure in procsim's own handling is recorded against the line and
   * the pump goes on: a dead pump would leave the process writing into a pipe nobody reads.
   */
  public void accept(LineReader.Line line) {
    try {
      handle(line);
    } catch (RuntimeException e) {
      router.protocolError(component, line.text(), "procsim could not handle the line: " + e);
    }
  }

  private void handle(LineReader.Line line) {
    String text = line.text();
    Decoded decoded;
    try {
      decoded = protocol.decode(text);
    } catch (OutOfMemoryError | InternalError e) {
      throw e; // the JVM's trouble, not the line's: the pump reports it and waits fail at once
    } catch (RuntimeException | Error e) { // user code: its failure is the line's, not the pump's
      router.protocolError(component, text, "its wire protocol failed on the line: " + e);
      return;
    }
    if (decoded == null) {
      router.protocolError(
          component, text, "its wire protocol (" + protocol + ") decoded the line as null");
    } else if (decoded instanceof Decoded.Send send) {
      String broken = brokenForSending(line);
      if (broken != null) {
        router.reject(component, send.target(), send.body(), text, broken);
      } else if (!router.trySend(component, send.target(), send.body())) {
        router.reject(
            component, send.target(), send.body(), text, router.unknownTarget(send.target()));
      }
    } else if (decoded instanceof Decoded.Timer timer) {
      String broken = brokenForSending(line);
      if (broken != null) {
        router.reject(component, ComponentSpec.SIMULATOR_NAME, timer.request(), text, broken);
      } else {
        router.timer(component, timer);
      }
    } else if (decoded instanceof Decoded.Malformed malformed) {
      if (malformed.attempt().isPresent()) {
        Decoded.Send attempt = malformed.attempt().get();
        String broken = brokenForSending(line);
        router.reject(
            component,
            attempt.target(),
            attempt.body(),
            text,
            broken != null ? broken : malformed.reason());
      } else {
        router.protocolError(component, text, malformed.reason());
      }
    } else if (decoded instanceof Decoded.Ack && !line.cut()) {
      acknowledged.run();
    } else {
      output(line, decoded instanceof Decoded.Output out ? out.line() : text);
    }
  }

  private void output(LineReader.Line line, String kept) {
    if (line.cut()) {
      router.protocolError(
          component, line.text(), "a stdout line longer than " + maxLineLength + " bytes was cut");
    }
    if (!line.isValidUtf8()) {
      router.protocolError(component, line.text(), invalidUtf8(line));
    }
    router.output(component, kept);
  }

  /** Why a line that means a message cannot be trusted to carry it, or null when it can. */
  private String brokenForSending(LineReader.Line line) {
    if (line.cut()) {
      return "a send line longer than "
          + maxLineLength
          + " bytes was cut, so its message was not delivered";
    }
    return line.isValidUtf8() ? null : invalidUtf8(line);
  }

  private static String invalidUtf8(LineReader.Line line) {
    return String.format(
        Locale.ROOT,
        "the line is not valid UTF-8 (first bad byte at offset %d); bad bytes were replaced by U+FFFD",
        line.invalidUtf8At());
  }
}
