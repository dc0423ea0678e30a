package dev.procsim.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a key-value history in Jepsen's EDN-like lines (as in Porcupine's {@code kv} test data),
 * one event a line: {@code {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}}.
 * Functions {@code get}, {@code put} and {@code append}; times are line numbers. The operations are
 * what {@link Models#kv()} checks: a {@code get}'s input is {@code [key]} and its output the value
 * read; a {@code put}'s or {@code append}'s input is {@code [key, value]}. {@code :ok} completes,
 * {@code :fail} did not happen, {@code :info} is unknown, as is an operation pending at the end.
 * Empty lines are skipped; any other line that cannot be read is a {@link HistoryFormatException}
 * naming the file and the line.
 *
 * <pre>{@code
 * History history = JepsenEdn.read(Path.of("c50-ok.txt"));
 * CheckResult result = Linearizability.check(Models.kv(), history, Duration.ofSeconds(60));
 * }</pre>
 */
public final class JepsenEdn {
  private JepsenEdn() {}

  /**
   * Reads the history at {@code path}.
   *
   * @throws HistoryFormatException naming the file and line of a line that cannot be read
   * @throws UncheckedIOException when the file cannot be read
   */
  public static History read(Path path) {
    return OpenOperations.readFile(path, JepsenEdn::read);
  }

  /** Reads a history from {@code reader}; {@code source} names it in errors. */
  public static History read(BufferedReader reader, String source) throws IOException {
    OpenOperations open = new OpenOperations(source);
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> event = parseMap(line.trim(), open, number);
      int process = (int) (long) required(event, "process", Long.class, open, number);
      String type = required(event, "type", Keyword.class, open, number).name();
      String function = required(event, "f", Keyword.class, open, number).name();
      Object key = event.get("key");
      Object value = event.get("value");
      if (!(key instanceof String) || (value != null && !(value instanceof String))) {
        throw open.problem(number, "expected a string :key and a string or nil :value");
      }
      if (type.equals("invoke")) {
        if (!List.of("get", "put", "append").contains(function)) {
          throw open.problem(
              number, "unknown function :" + function + " (expected :get, :put, :append)");
        }
        List<String> input =
            function.equals("get") ? List.of((String) key) : List.of((String) key, (String) value);
        open.invoke(process, function, input, number);
        continue;
      }
      OpenOperations.Invoked invoked = open.complete(process, function, number);
      long at = number;
      open.done(
          invoked,
          switch (type) {
            case "ok" ->
                Operation.ok(
                    process,
                    function,
                    invoked.input(),
                    function.equals("get") ? (value == null ? "" : value) : null,
                    invoked.line(),
                    at);
            case "fail" ->
                new Operation(
                    process, function, invoked.input(), null, invoked.line(), at, Outcome.FAIL);
            case "info" -> Operation.info(process, function, invoked.input(), invoked.line());
            default ->
                throw open.problem(
                    number, "unknown :type :" + type + " (expected :invoke, :ok, :fail, :info)");
          });
    }
    return open.history();
  }

  private static <T> T required(
      Map<String, Object> event, String key, Class<T> type, OpenOperations open, int number) {
    Object value = event.get(key);
    if (!type.isInstance(value)) {
      throw open.problem(
          number,
          "expected :"
              + key
              + " to be "
              + (type == Long.class ? "a number" : "a keyword")
              + ", got "
              + (value == null ? "nothing" : value));
    }
    return type.cast(value);
  }

  /** A keyword such as {@code :ok}, without its colon. */
  private record Keyword(String name) {
    @Override
    public String toString() {
      return ":" + name;
    }
  }

  /** A flat EDN map of keywords to numbers, keywords, strings and nil. */
  private static Map<String, Object> parseMap(String text, OpenOperations open, int number) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw open.problem(number, "expected a map {...}, got \"" + text + "\"");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    int at = 1;
    int end = text.length() - 1;
    while (true) {
      at = skipSpace(text, at, end);
      if (at >= end) {
        return map;
      }
      if (text.charAt(at) != ':') {
        throw open.problem(
            number, "expected a keyword at column " + (at + 1) + " of \"" + text + "\"");
      }
      int keyEnd = tokenEnd(text, at, end);
      String key = text.substring(at + 1, keyEnd);
      at = skipSpace(text, keyEnd, end);
      if (at >= end) {
        throw open.problem(number, "keyword :" + key + " has no value");
      }
      Object value;
      if (text.charAt(at) == '"') {
        StringBuilder string = new StringBuilder();
        int i = at + 1;
        for (; i < end && text.charAt(i) != '"'; i++) {
          char c = text.charAt(i);
          if (c == '\\' && i + 1 < end) {
            char escaped = text.charAt(++i);
            string.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
          } else {
            string.append(c);
          }
        }
        if (i >= end) {
          throw open.problem(number, "a string is not closed");
        }
        value = string.toString();
        at = i + 1;
      } else {
        int valueEnd = tokenEnd(text, at, end);
        String token = text.substring(at, valueEnd);
        at = valueEnd;
        if (token.equals("nil")) {
          value = null;
        } else if (token.startsWith(":") && token.length() > 1) {
          value = new Keyword(token.substring(1));
        } else {
          try {
            value = Long.parseLong(token);
          } catch (NumberFormatException e) {
            throw open.problem(number, "value \"" + token + "\" of :" + key + " cannot be read");
          }
        }
      }
      map.put(key, value);
    }
  }

  private static int skipSpace(String text, int at, int end) {
    while (at < end && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
      at++;
    }
    return at;
  }

  private static int tokenEnd(String text, int at, int end) {
    int i = at;
    while (i < end && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
      i++;
    }
    return i;
  }
}
