package dev.procsim.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads Jepsen's text log of a register test (etcd's, as in Porcupine's test data): one event a
 * line, {@code INFO jepsen.util - <process> :invoke|:ok|:fail|:info :read|:write|:cas <value>}.
 * Lines of other loggers are skipped; an event line that cannot be read is a {@link
 * HistoryFormatException} naming the file and the line. Times are line numbers.
 *
 * <p>What each event means: {@code :ok} completes the process's pending operation (a read with the
 * value read, {@code nil} for none; a cas with {@code true}); {@code :fail :cas} is a
 * compare-and-set that returned {@code false} (it took effect, finding another value); {@code :fail
 * :read :timed-out} and every {@code :info} leave the outcome unknown ({@link Outcome#INFO}); any
 * other {@code :fail} did not happen. Values: {@code nil} is null, numbers are {@code Long}, a
 * cas's {@code [from to]} is a list of two. An operation still pending at the end is unknown too.
 *
 * <pre>{@code
 * History history = JepsenLog.read(Path.of("etcd_002.log"));
 * CheckResult result = Linearizability.check(Models.casRegister(), history, Duration.ofSeconds(60));
 * }</pre>
 */
public final class JepsenLog {
  private static final String EVENT = "INFO  jepsen.util - ";

  private JepsenLog() {}

  /**
   * Reads the log at {@code path}.
   *
   * @throws HistoryFormatException naming the file and line of an event that cannot be read
   * @throws UncheckedIOException when the file cannot be read
   */
  public static History read(Path path) {
    return OpenOperations.readFile(path, JepsenLog::read);
  }

  /** Reads a log from {@code reader}; {@code source} names it in errors. */
  public static History read(BufferedReader reader, String source) throws IOException {
    OpenOperations open = new OpenOperations(source);
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (!line.startsWith(EVENT)) {
        continue; // another logger's line
      }
      String[] fields = line.substring(EVENT.length()).trim().split("\\s+", 4);
      if (fields.length < 3) {
        throw open.problem(
            number, "expected <process> <type> <function> [value], got \"" + line + "\"");
      }
      int process = parseProcess(fields[0], open, number);
      String type = fields[1];
      String function = keyword(fields[2], open, number);
      Object value = fields.length > 3 ? value(fields[3].trim(), open, number) : null;
      if (type.equals(":invoke")) {
        open.invoke(process, function, value, number);
      } else {
        OpenOperations.Invoked invoked = open.complete(process, function, number);
        open.done(invoked, completion(invoked, process, type, value, number, open));
      }
    }
    return open.history();
  }

  private static Operation completion(
      OpenOperations.Invoked invoked,
      int process,
      String type,
      Object value,
      int number,
      OpenOperations open) {
    String function = invoked.function();
    long at = number;
    return switch (type) {
      case ":ok" ->
          Operation.ok(
              process,
              function,
              invoked.input(),
              switch (function) {
                case "read" -> value;
                case "cas" -> Boolean.TRUE;
                default -> null;
              },
              invoked.line(),
              at);
      case ":fail" ->
          function.equals("cas")
              ? Operation.ok(process, function, invoked.input(), Boolean.FALSE, invoked.line(), at)
              : function.equals("read") && ":timed-out".equals(value)
                  ? Operation.info(process, function, invoked.input(), invoked.line())
                  : new Operation(
                      process, function, invoked.input(), null, invoked.line(), at, Outcome.FAIL);
      case ":info" -> Operation.info(process, function, invoked.input(), invoked.line());
      default ->
          throw open.problem(
              number, "unknown event type " + type + " (expected :invoke, :ok, :fail or :info)");
    };
  }

  private static int parseProcess(String field, OpenOperations open, int number) {
    try {
      return Integer.parseInt(field);
    } catch (NumberFormatException e) {
      throw open.problem(number, "process \"" + field + "\" is not a number");
    }
  }

  private static String keyword(String field, OpenOperations open, int number) {
    if (!field.startsWith(":") || field.length() == 1) {
      throw open.problem(number, "function \"" + field + "\" is not a keyword such as :read");
    }
    return field.substring(1);
  }

  /** {@code nil}, a number, {@code [a b]}, or a keyword (kept as its text, e.g. ":timed-out"). */
  private static Object value(String text, OpenOperations open, int number) {
    if (text.equals("nil")) {
      return null;
    }
    if (text.startsWith(":")) {
      return text;
    }
    if (text.startsWith("[") && text.endsWith("]")) {
      List<Object> items = new ArrayList<>();
      String inner = text.substring(1, text.length() - 1).trim();
      if (!inner.isEmpty()) {
        for (String item : inner.split("[\\s,]+")) {
          items.add(value(item, open, number));
        }
      }
      return Collections.unmodifiableList(items); // may hold nil
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw open.problem(number, "value \"" + text + "\" is not nil, a number or [a b]");
    }
  }
}
