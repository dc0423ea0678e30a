package dev.procsim.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the {@link MessageLog}. Every entry has a sequence number ({@link #seq()}, from 1,
 * without gaps) and a simulation time ({@link #nanos()} since the simulator started). The entries
 * are records, so a test can pattern-match on them.
 *
 * <pre>{@code
 * for (LogEvent e : sim.log().events()) {
 *   if (e instanceof LogEvent.ProcessExited exit && exit.exitCode() != 0) {
 *     System.out.println(exit.describe());
 *   }
 * }
 * }</pre>
 */
public sealed interface LogEvent {

  /** Position in the log, from 1, without gaps. */
  long seq();

  /** Simulation time of the event, in nanoseconds since the simulator started. */
  long nanos();

  /** Simulation time of the event since the simulator started. */
  default Duration time() {
    return Duration.ofNanos(nanos());
  }

  /** One human-readable line, as failure messages show it (without sequence and time). */
  String describe();

  /** An entry about one message: its send or its fate. */
  sealed interface MessageEvent extends LogEvent {
    /** The message's id. */
    long messageId();

    /** The sender. */
    String from();

    /** The target as the sender wrote it. */
    String to();
  }

  /** A message was sent: it is now {@link Fate#IN_FLIGHT}. */
  record Sent(long seq, long nanos, long messageId, String from, String to, String body)
      implements MessageEvent {
    @Override
    public String describe() {
      return "send #" + messageId + " " + from + " -> " + to + " " + Texts.quote(body);
    }
  }

  /**
   * The network duplicated a message: {@code messageId} is a new message, a copy of {@code copyOf}
   * with the same endpoints and body, with a fate of its own.
   */
  record Duplicated(
      long seq, long nanos, long messageId, long copyOf, String from, String to, String body)
      implements MessageEvent {
    @Override
    public String describe() {
      return "duplicate #"
          + messageId
          + " of #"
          + copyOf
          + " "
          + from
          + " -> "
          + to
          + " "
          + Texts.quote(body);
    }
  }

  /** A message was written to its target's stdin. */
  record Delivered(long seq, long nanos, long messageId, String from, String to)
      implements MessageEvent {
    @Override
    public String describe() {
      return "delivered #" + messageId + " " + from + " -> " + to;
    }
  }

  /** The network chose not to deliver a message (a fault or a partition). */
  record Dropped(long seq, long nanos, long messageId, String from, String to, String reason)
      implements MessageEvent {
    @Override
    public String describe() {
      return "dropped #" + messageId + " " + from + " -> " + to + ": " + reason;
    }
  }

  /** A message could not be delivered; the reason says why. */
  record Undeliverable(long seq, long nanos, long messageId, String from, String to, String reason)
      implements MessageEvent {
    @Override
    public String describe() {
      return "undeliverable #" + messageId + " " + from + " -> " + to + ": " + reason;
    }
  }

  /** A stdout line of a component that was not a message. */
  record Output(long seq, long nanos, String component, String line) implements LogEvent {
    @Override
    public String describe() {
      return component + ": " + Texts.clip(line);
    }
  }

  /** A stderr line of a component. */
  record ErrorOutput(long seq, long nanos, String component, String line) implements LogEvent {
    @Override
    public String describe() {
      return component + " (stderr): " + Texts.clip(line);
    }
  }

  /**
   * Lines of a component's stream past a limit of what is kept (lines per stream, {@code
   * Simulator.Builder.outputLimit}; bytes per component or simulation, {@code outputBytes}): they
   * were read (and messages among them routed), counted, and not kept. {@code size} is their total
   * length in characters, {@code bound} the limit in words. Recorded when the process exits.
   */
  record OutputDiscarded(
      long seq, long nanos, String component, String stream, long count, long size, String bound)
      implements LogEvent {
    @Override
    public String describe() {
      return component
          + ": "
          + count
          + " "
          + stream
          + (count == 1 ? " line" : " lines")
          + " ("
          + size
          + (size == 1 ? " character" : " characters")
          + ") were counted, not kept: "
          + bound;
    }
  }

  /**
   * A component closed its stdout but keeps running: it can no longer send messages or print
   * output.
   */
  record StdoutClosed(long seq, long nanos, String component, long pid) implements LogEvent {
    @Override
    public String describe() {
      return component
          + " (pid "
          + pid
          + ") closed its stdout but keeps running: it can no longer send messages";
    }
  }

  /**
   * A component was started: a process (with its pid), or a Java {@link Node} (pid -1; the command
   * then holds the node's class name).
   */
  record ProcessStarted(long seq, long nanos, String component, long pid, List<String> command)
      implements LogEvent {
    /** Copies the command. */
    public ProcessStarted {
      command = List.copyOf(command);
    }

    @Override
    public String describe() {
      return "started "
          + component
          + (pid < 0 ? " (Java node)" : " (pid " + pid + ")")
          + ": "
          + Texts.command(command);
    }
  }

  /**
   * A component's process exited (or a Java {@link Node} stopped: pid -1). For a non-zero exit
   * code, {@link #lastErrors()} holds its last stderr lines (for a node, its exception), which
   * usually say why.
   */
  record ProcessExited(
      long seq, long nanos, String component, long pid, int exitCode, List<String> lastErrors)
      implements LogEvent {
    /** Copies the stderr lines. */
    public ProcessExited {
      lastErrors = List.copyOf(lastErrors);
    }

    @Override
    public String describe() {
      StringBuilder text =
          new StringBuilder("exited ")
              .append(component)
              .append(pid < 0 ? " (Java node" : " (pid " + pid)
              .append(") with code ")
              .append(exitCode);
      if (pid >= 0 && exitCode >= 128 + 1 && exitCode <= 128 + 64) {
        text.append(" (signal ").append(exitCode - 128).append(')');
      }
      if (!lastErrors.isEmpty()) {
        text.append("; last stderr lines:");
        for (String line : lastErrors) {
          text.append("\n    ").append(Texts.clip(line));
        }
      }
      return text.toString();
    }
  }

  /**
   * A fault was injected or lifted: a network change, a partition, a cut, a heal, a crash, a
   * restart, a pause, a resume, or the nemesis starting and stopping.
   *
   * @param kind a short word for the fault: network, partition, cut, heal, crash, restart, pause,
   *     resume, nemesis
   * @param detail what exactly, in words
   */
  record FaultInjected(long seq, long nanos, String kind, String detail) implements LogEvent {
    @Override
    public String describe() {
      return "fault " + kind + ": " + detail;
    }
  }

  /**
   * A component wrote something that breaks the line protocol, or sent to a target that does not
   * exist. Such errors fail a {@code @SimulationTest} unless the test allows them.
   *
   * @param component the component that wrote the line
   * @param line the offending line (clipped when very long)
   * @param problem what is wrong with it, in words
   */
  record ProtocolError(long seq, long nanos, String component, String line, String problem)
      implements LogEvent {
    /** Checks that no component is null. */
    public ProtocolError {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String describe() {
      return "protocol error from "
          + component
          + ": "
          + problem
          + (line.isEmpty() ? "" : "; line: " + Texts.quote(line));
    }
  }

  /**
   * Protocol errors of one kind from one component beyond the first {@code 100}: counted, not
   * recorded one by one (a send among them recorded no message either). {@code example} is the last
   * one recorded; {@code count} how many came after it. Recorded when the process exits. {@link
   * MessageLog#protocolErrorCount()} includes them.
   */
  record ProtocolErrorsCounted(long seq, long nanos, String component, String example, long count)
      implements LogEvent {
    @Override
    public String describe() {
      return component
          + ": "
          + count
          + " more protocol "
          + (count == 1 ? "error" : "errors")
          + " like \""
          + example
          + "\" were counted, not recorded one by one";
    }
  }

  /**
   * procsim stopped reading a component's stdout or stderr because its reading thread failed (out
   * of memory, say): what the component prints there from then on is lost, so every wait of the
   * simulation fails at once with this entry's description instead of running out its time-out.
   */
  record ReaderFailed(long seq, long nanos, String component, String stream, String problem)
      implements LogEvent {
    @Override
    public String describe() {
      return "procsim stopped reading "
          + component
          + "'s "
          + stream
          + ": "
          + problem
          + "; what "
          + component
          + " prints there from now on is lost";
    }
  }

  /**
   * Something procsim itself wants a person to know, such as a stepped run that is held because
   * nothing drives it. Printed on the console too; not part of the log's fingerprint.
   */
  record Warning(long seq, long nanos, String text) implements LogEvent {
    @Override
    public String describe() {
      return "procsim: " + text;
    }
  }
}
