package dev.procsim.core.internal.protocol;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.WireProtocol.Decoded;
import dev.procsim.core.internal.network.Router;
import dev.procsim.core.internal.process.LineReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns each stdout line of one process component into what it means under the component's wire
 * protocol, and hands it to the {@link Router}. Lines that did not arrive whole (cut at the maximum
 * length, or not valid UTF-8) are never delivered as messages: such a send becomes an undeliverable
 * message with a protocol error, such output is kept with a protocol error. A protocol that throws
 * is reported, not fatal.
 *
 * <pre>{@code
 * StdoutDecoder decoder = new StdoutDecoder("p1", WireProtocol.LINE, router, 1 << 20, acks::acknowledged);
 * decoder.accept(line);         // "send p2 hi" goes to the network, anything else is output
 * decoder.acceptAll(lines);     // the lines of one read: their messages routed together
 * }</pre>
 */
public final class StdoutDecoder {
  /**
   * Most messages to one target routed in one go: then they are written, and the target can start
   * on them while the rest of the read is routed. 64 messages in flight between two processes go
   * round about a tenth faster in 16s than in one go; a fan-out, whose read holds a few messages
   * for each of many targets, is not cut at all (a cap on the whole read made it 3 times slower).
   */
  private static final int MOST_TO_ONE = 16;

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
    dispatchSafely(line, decode(line));
  }

  /**
   * Handles the lines of one read, in their order. Each is decoded first (the protocol is user
   * code, run outside every lock); then each run of lines that send (a message to a component, a
   * timer) is routed under one taking of the network's lock, where a lock per line would have two
   * busy pumps wait for each other at every message, and what the run wrote directly goes out in
   * one write per target as the lock is left. A run ends after {@value #MOST_TO_ONE} messages to
   * one target. Every other line (output, a protocol error, an acknowledgement) is handled outside
   * the lock: its echo on the console must never hold up the network.
   */
  public void acceptAll(List<LineReader.Line> lines) {
    int count = lines.size();
    if (count == 1) {
      accept(lines.get(0));
      return;
    }
    Decoded[] decoded = new Decoded[count];
    for (int i = 0; i < count; i++) {
      try {
        decoded[i] = decode(lines.get(i));
      } catch (OutOfMemoryError | InternalError e) {
        // The lines before it are handled as they would have been one by one; then the pump
        // stops with the failure.
        dispatchAll(lines.subList(0, i), decoded);
        throw e;
      }
    }
    dispatchAll(lines, decoded);
  }

  private void dispatchAll(List<LineReader.Line> lines, Decoded[] decoded) {
    int count = lines.size();
    int next = 0;
    while (next < count) {
      if (!routesAtOnce(lines.get(next), decoded[next])) {
        dispatchSafely(lines.get(next), decoded[next]);
        next++;
        continue;
      }
      int first = next;
      Map<String, int[]> toEach = new HashMap<>();
      while (next < count && routesAtOnce(lines.get(next), decoded[next])) {
        Decoded meaning = decoded[next++];
        if (meaning instanceof Decoded.Send send
            && ++toEach.computeIfAbsent(send.target(), k -> new int[1])[0] == MOST_TO_ONE) {
          break;
        }
      }
      int end = next;
      router.together(
          () -> {
            for (int i = first; i < end; i++) {
              dispatchSafely(lines.get(i), decoded[i]);
            }
          });
    }
  }

  /** Whether the line is a message to a known component or a timer, whole and valid. */
  private boolean routesAtOnce(LineReader.Line line, Decoded decoded) {
    if (decoded instanceof Decoded.Send send) {
      return brokenForSending(line) == null && router.knows(send.target());
    }
    return decoded instanceof Decoded.Timer && brokenForSending(line) == null;
  }

  private void dispatchSafely(LineReader.Line line, Decoded decoded) {
    try {
      dispatch(line, decoded);
    } catch (RuntimeException e) {
      router.protocolError(component, line.text(), "procsim could not handle the line: " + e);
    }
  }

  /** What the line means; a protocol that fails or says nothing makes it a malformed line. */
  private Decoded decode(LineReader.Line line) {
    String text = line.text();
    try {
      Decoded decoded = protocol.decode(text);
      return decoded != null
          ? decoded
          : Decoded.malformed("its wire protocol (" + protocol + ") decoded the line as null");
    } catch (OutOfMemoryError | InternalError e) {
      throw e; // the JVM's trouble, not the line's: the pump reports it and waits fail at once
    } catch (RuntimeException | Error e) { // user code: its failure is the line's, not the pump's
      return Decoded.malformed("its wire protocol failed on the line: " + e);
    }
  }

  private void dispatch(LineReader.Line line, Decoded decoded) {
    String text = line.text();
    if (decoded instanceof Decoded.Send send) {
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
