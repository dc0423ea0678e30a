package dev.procsim.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader of a history file keeps while it reads: each process's pending operation (at most
 * one), the operations in invocation order, and the file's name and line for errors. At the end,
 * what is still pending is of unknown outcome.
 *
 * <pre>{@code
 * OpenOperations open = new OpenOperations("etcd_001.log");
 * open.invoke(0, "write", 3L, 1);
 * OpenOperations.Invoked write = open.complete(0, "write", 4);
 * open.done(write, Operation.ok(0, "write", 3L, null, write.line(), 4));
 * History history = open.history();
 * }</pre>
 */
final class OpenOperations {
  /** An operation invoked on {@code line} and not yet completed. */
  record Invoked(String function, Object input, int line, int index) {}

  /** Reads one file's lines into a history. */
  interface LineReading {
    History read(BufferedReader reader, String source) throws IOException;
  }

  private final String source;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Integer, Invoked> pending = new HashMap<>();

  OpenOperations(String source) {
    this.source = source;
  }

  /** Reads the file at {@code path} with {@code reading}, naming it by its file name in errors. */
  static History readFile(Path path, LineReading reading) {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return reading.read(reader, path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** A problem on {@code line}. */
  HistoryFormatException problem(int line, String what) {
    return new HistoryFormatException(source, line, what);
  }

  /** Process {@code process} invokes {@code function} on {@code line}. */
  void invoke(int process, String function, Object input, int line) {
    Invoked already = pending.get(process);
    if (already != null) {
      throw problem(
          line,
          "process "
              + process
              + " invokes "
              + function
              + " while its "
              + already.function()
              + " of line "
              + already.line()
              + " is still pending");
    }
    pending.put(process, new Invoked(function, input, line, operations.size()));
    operations.add(null); // its place, in invocation order
  }

  /** Process {@code process} completes {@code function} on {@code line}: what it had invoked. */
  Invoked complete(int process, String function, int line) {
    Invoked invoked = pending.remove(process);
    if (invoked == null) {
      throw problem(line, "process " + process + " completes " + function + " it never invoked");
    }
    if (!invoked.function().equals(function)) {
      throw problem(
          line,
          "process "
              + process
              + " completes "
              + function
              + " but invoked "
              + invoked.function()
              + " on line "
              + invoked.line());
    }
    return invoked;
  }

  /** Puts the completed {@code operation} in the place of what was {@code invoked}. */
  void done(Invoked invoked, Operation operation) {
    operations.set(invoked.index(), operation);
  }

  /** The history read; operations still pending are of unknown outcome. */
  History history() {
    for (Map.Entry<Integer, Invoked> open : pending.entrySet()) {
      Invoked p = open.getValue();
      operations.set(p.index(), Operation.info(open.getKey(), p.function(), p.input(), p.line()));
    }
    return History.of(operations);
  }
}
