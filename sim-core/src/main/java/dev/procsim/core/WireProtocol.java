package dev.procsim.core;

import dev.procsim.core.internal.protocol.LineProtocol;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a process component talks: how each line it writes on stdout becomes a message, a request to
 * the simulator, an acknowledgement, output or a malformed line, and how a message delivered to it
 * becomes the line it reads on stdin. {@link #LINE} ({@code send <target> <message>}) is the
 * default; a simulation may choose another default ({@link Simulator.Builder#protocol}) and each
 * component may speak its own ({@link ComponentSpec#withProtocol}), so one system can mix them. The
 * log keeps every body as the component wrote it.
 *
 * <p>Implementations must be thread-safe (each component's stdout is decoded on its own thread,
 * each delivery encoded on the target's stdin writer thread) and should be fast: they run once per
 * line. An exception thrown by {@code decode} or {@code encode} is not fatal: the line becomes a
 * protocol error, the delivery an undeliverable message, each naming the component and the
 * exception.
 *
 * <pre>{@code
 * WireProtocol toy = new WireProtocol() {
 *   public WireProtocol.Decoded decode(String line) {          // one stdout line, without its line break
 *     if (!line.startsWith("to:")) return WireProtocol.Decoded.output(line);
 *     int bar = line.indexOf('|');
 *     if (bar < 0) return WireProtocol.Decoded.malformed("no '|' after the target");
 *     return WireProtocol.Decoded.send(line.substring(3, bar), line.substring(bar + 1));
 *   }
 *   public String encode(Message message) { return message.from() + "|" + message.body(); }
 * };
 * Simulator.builder().protocol(toy).component("a", "python3", "a.py") ... ;
 * }</pre>
 */
public interface WireProtocol {
  /**
   * The seed's line protocol, the default: a stdout line {@code send <target> <message>} is a
   * message ({@code <target>} is the next whitespace-free word, {@code <message>} the rest after
   * one space or tab, verbatim); {@code send procsim timer <millis> <payload>} asks for {@code
   * <payload>} to arrive from {@code procsim} after that much simulation time; any other line is
   * output. A delivery is the body alone, one line.
   */
  WireProtocol LINE = new LineProtocol();

  /** What one stdout line (without its line break) means. */
  Decoded decode(String line);

  /**
   * The line the target of {@code message} reads on its stdin, without the line break that follows
   * it; it must not contain one itself (such a message is undeliverable, with that reason).
   */
  String encode(Message message);

  /**
   * What a stdout line means: exactly one of a message ({@link #send}), output ({@link #output}), a
   * malformed line ({@link #malformed}, {@link #malformedSend}), a timer request ({@link #timer})
   * or an acknowledgement ({@link #ack}).
   */
  sealed interface Decoded {
    /** A message for {@code target} (a component's name) with {@code body}. */
    static Decoded send(String target, String body) {
      return new Send(target, body);
    }

    /** A line that is no message: it is kept as the component's output and echoed. */
    static Decoded output(String line) {
      return new Output(line);
    }

    /**
     * A line that breaks the protocol: a protocol error naming the component, the line and {@code
     * reason}; the run goes on.
     */
    static Decoded malformed(String reason) {
      return new Malformed(reason, Optional.empty());
    }

    /**
     * A line meant as a message for {@code target} that cannot be sent: a protocol error, and the
     * message is logged as {@link Fate#UNDELIVERABLE} with {@code reason}, so nothing is lost
     * without a record.
     */
    static Decoded malformedSend(String target, String body, String reason) {
      return new Malformed(reason, Optional.of(new Send(target, body)));
    }

    /**
     * A request for {@code payload} to be delivered to the component, from {@code procsim}, after
     * {@code delay} of simulation time (virtual time in stepped runs; a delay beyond some 292 years
     * means never). No network fault applies.
     */
    static Decoded timer(Duration delay, String payload) {
      return new Timer(delay, payload, "timer " + delay.toMillis() + " " + payload);
    }

    /**
     * The component's acknowledgement marker: it is ready, or done with its last input (stepped
     * runs). Neither output nor a message; not logged. It counts for a component declared with
     * acknowledgements ({@link ComponentSpec#withAcks()}), whose marker procsim recognises itself
     * before the protocol sees the line; for any other component it is ignored.
     */
    static Decoded ack() {
      return Ack.INSTANCE;
    }

    /** A message: {@code target} as written, {@code body} verbatim. */
    record Send(String target, String body) implements Decoded {
      /** Checks for nulls. */
      public Send {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
      }
    }

    /** A line of output. */
    record Output(String line) implements Decoded {
      /** Checks for null. */
      public Output {
        Objects.requireNonNull(line, "line");
      }
    }

    /** A line that breaks the protocol; {@code attempt} is the message it tried to send, if any. */
    record Malformed(String reason, Optional<Send> attempt) implements Decoded {
      /** Checks for nulls. */
      public Malformed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(attempt, "attempt");
      }
    }

    /**
     * A timer request; {@code request} is the body of the request as the component wrote it, which
     * the log keeps as a message to {@code procsim}.
     */
    record Timer(Duration delay, String payload, String request) implements Decoded {
      /** Checks the delay. */
      public Timer {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(request, "request");
        if (delay.isNegative()) {
          throw new IllegalArgumentException(
              "a timer delay must not be negative: " + Durations.format(delay));
        }
      }
    }

    /** An acknowledgement marker. */
    enum Ack implements Decoded {
      /** The one acknowledgement. */
      INSTANCE
    }
  }
}
