package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The per-component side of the log: each component's stdout and stderr lines (bounded in lines and
 * size, see {@link OutputCapture}), its starts and its exits. Every record is an entry of the
 * {@link LogStore} and is made under the store's lock, so a reader who saw an entry in the log also
 * sees it in the component's lines, and the other way round.
 *
 * <pre>{@code
 * ComponentRecords records = store.components();
 * records.recordStarted("p1", pid, command);
 * records.recordOutput("p1", "ready");
 * List<String> lines = records.outputOf("p1");
 * }</pre>
 */
public final class ComponentRecords {
  private final LogStore store;
  private final int outputLimit;
  private final OutputBudget budget;
  private final Map<String, OutputCapture> stdout = new HashMap<>();
  private final Map<String, OutputCapture> stderr = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();

  ComponentRecords(LogStore store, int outputLimit, OutputBudget budget) {
    this.store = store;
    this.outputLimit = outputLimit;
    this.budget = budget;
  }

  /**
   * Records a stdout line that was not a message, unless the component's limit is reached: then it
   * is only counted. Says which.
   */
  public OutputCapture.Outcome recordOutput(String component, String line) {
    store.lock().lock();
    try {
      OutputCapture.Outcome outcome = capture(stdout, component).add(line);
      if (outcome == OutputCapture.Outcome.KEPT) {
        store.append(new LogEvent.Output(store.nextSeq(), store.now(), component, line));
      }
      return outcome;
    } finally {
      store.lock().unlock();
    }
  }

  /** Records a stderr line, unless the component's limit is reached: then it is only counted. */
  public OutputCapture.Outcome recordErrorOutput(String component, String line) {
    store.lock().lock();
    try {
      OutputCapture.Outcome outcome = capture(stderr, component).add(line);
      if (outcome == OutputCapture.Outcome.KEPT) {
        store.append(new LogEvent.ErrorOutput(store.nextSeq(), store.now(), component, line));
      }
      return outcome;
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Why lines of {@code component}'s {@code stream} ("stdout" or "stderr") are not kept, or null.
   */
  public String whyNotKept(String component, String stream) {
    store.lock().lock();
    try {
      OutputCapture capture = (stream.equals("stdout") ? stdout : stderr).get(component);
      return capture == null ? null : capture.firstRefusal();
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Records how many lines of {@code component} were counted but not kept since the last time, and
   * how many of its protocol errors were counted but not recorded.
   */
  public void recordDiscardedOutput(String component) {
    store.lock().lock();
    try {
      reportDiscarded(component, "stdout", stdout.get(component));
      reportDiscarded(component, "stderr", stderr.get(component));
      store.errors().recordCounted(component);
    } finally {
      store.lock().unlock();
    }
  }

  private void reportDiscarded(String component, String stream, OutputCapture capture) {
    long[] fresh = capture == null ? new long[2] : capture.takeUnreported();
    if (fresh[0] > 0) {
      store.append(
          new LogEvent.OutputDiscarded(
              store.nextSeq(),
              store.now(),
              component,
              stream,
              fresh[0],
              fresh[1],
              capture.firstRefusal()));
    }
  }

  /**
   * Records that procsim stopped reading {@code component}'s {@code stream} because its reader
   * failed: every wait of the simulation returns now, and from now on at once.
   */
  public void recordReaderFailed(String component, String stream, String problem) {
    store.lock().lock();
    try {
      LogEvent.ReaderFailed entry =
          new LogEvent.ReaderFailed(store.nextSeq(), store.now(), component, stream, problem);
      store.append(entry);
      store.failWaits(entry.describe());
    } finally {
      store.lock().unlock();
    }
  }

  /** Records that a running process closed its stdout. */
  public void recordStdoutClosed(String component, long pid) {
    store.lock().lock();
    try {
      store.append(new LogEvent.StdoutClosed(store.nextSeq(), store.now(), component, pid));
    } finally {
      store.lock().unlock();
    }
  }

  /** Records a start: a process (with its pid), or a Java node (pid -1). */
  public void recordStarted(String component, long pid, List<String> command) {
    store.lock().lock();
    try {
      store.append(
          new LogEvent.ProcessStarted(store.nextSeq(), store.now(), component, pid, command));
      exitCodes.remove(component);
    } finally {
      store.lock().unlock();
    }
  }

  /** Records an exit and returns the entry. */
  public LogEvent.ProcessExited recordExited(
      String component, long pid, int exitCode, List<String> lastErrors) {
    store.lock().lock();
    try {
      LogEvent.ProcessExited exit =
          new LogEvent.ProcessExited(
              store.nextSeq(), store.now(), component, pid, exitCode, lastErrors);
      store.append(exit);
      exitCodes.put(component, exitCode);
      return exit;
    } finally {
      store.lock().unlock();
    }
  }

  /** The exit code of {@code component}'s current incarnation, once its exit is recorded. */
  public OptionalInt exitCodeOf(String component) {
    store.lock().lock();
    try {
      Integer code = exitCodes.get(component);
      return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    } finally {
      store.lock().unlock();
    }
  }

  /** The kept stdout lines of {@code component} that were not messages, in order. */
  public List<String> outputOf(String component) {
    store.lock().lock();
    try {
      OutputCapture capture = stdout.get(component);
      return capture == null ? List.of() : capture.kept();
    } finally {
      store.lock().unlock();
    }
  }

  /** The kept stderr lines of {@code component}, in order. */
  public List<String> errorsOf(String component) {
    store.lock().lock();
    try {
      OutputCapture capture = stderr.get(component);
      return capture == null ? List.of() : capture.kept();
    } finally {
      store.lock().unlock();
    }
  }

  /** The last {@code count} (at most 10) stderr lines of {@code component}, kept or not. */
  public List<String> lastErrorsOf(String component, int count) {
    store.lock().lock();
    try {
      OutputCapture capture = stderr.get(component);
      return capture == null ? List.of() : capture.recent(count);
    } finally {
      store.lock().unlock();
    }
  }

  private OutputCapture capture(Map<String, OutputCapture> captures, String component) {
    return captures.computeIfAbsent(component, c -> new OutputCapture(c, outputLimit, budget));
  }
}
