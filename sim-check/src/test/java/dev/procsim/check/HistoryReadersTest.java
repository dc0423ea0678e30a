package dev.procsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReadersTest {
  private static History jepsen(String text) throws IOException {
    return JepsenLog.read(new BufferedReader(new StringReader(text)), "test.log");
  }

  private static History edn(String text) throws IOException {
    return JepsenEdn.read(new BufferedReader(new StringReader(text)), "test.txt");
  }

  @Test
  void aJepsenLogSaysWhatEachEventMeans() throws IOException {
    History history =
        jepsen(
            String.join(
                "\n",
                "INFO  jepsen.util - 0\t:invoke\t:write\t3",
                "INFO  jepsen.core - some other logger's line",
                "INFO  jepsen.util - 1   :invoke :cas    [3 4]",
                "INFO  jepsen.util - 0\t:ok\t:write\t3",
                "INFO  jepsen.util - 1\t:fail\t:cas\t[3 4]",
                "INFO  jepsen.util - 2\t:invoke\t:read\tnil",
                "INFO  jepsen.util - 2\t:fail\t:read\t:timed-out",
                "INFO  jepsen.util - 3\t:invoke\t:write\t1",
                "INFO  jepsen.util - 3\t:info\t:write\t1",
                "INFO  jepsen.util - 4\t:invoke\t:read\tnil",
                "INFO  jepsen.util - 4\t:ok\t:read\t3",
                "INFO  jepsen.util - 5\t:invoke\t:cas\t[1 2]"));
    assertThat(history.operations())
        .containsExactly(
            Operation.ok(0, "write", 3L, null, 1, 4),
            Operation.ok(1, "cas", List.of(3L, 4L), false, 3, 5),
            Operation.info(2, "read", null, 6),
            Operation.info(3, "write", 1L, 8),
            Operation.ok(4, "read", null, 3L, 10, 11),
            Operation.info(5, "cas", List.of(1L, 2L), 12));
  }

  @Test
  void aJepsenLogThatCannotBeReadNamesTheFileAndTheLine() {
    assertThatThrownBy(() -> jepsen("INFO  jepsen.util - 0\t:ok\t:write\t3"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("test.log line 1: process 0 completes write it never invoked");
    assertThatThrownBy(
            () ->
                jepsen(
                    "INFO  jepsen.util - 0\t:invoke\t:write\t3\n"
                        + "INFO  jepsen.util - 0\t:invoke\t:read\tnil"))
        .hasMessage(
            "test.log line 2: process 0 invokes read while its write of line 1 is still pending");
    assertThatThrownBy(() -> jepsen("INFO  jepsen.util - 0\t:invoke\t:write\tthree"))
        .hasMessage("test.log line 1: value \"three\" is not nil, a number or [a b]");
    assertThatThrownBy(() -> jepsen("INFO  jepsen.util - x\t:invoke\t:write\t3"))
        .hasMessage("test.log line 1: process \"x\" is not a number");
    assertThatThrownBy(
            () ->
                jepsen(
                    "INFO  jepsen.util - 0\t:invoke\t:write\t3\n"
                        + "INFO  jepsen.util - 0\t:done\t:write\t3"))
        .hasMessage(
            "test.log line 2: unknown event type :done (expected :invoke, :ok, :fail or :info)");
  }

  @Test
  void anEdnKeyValueHistoryGivesWhatTheKvModelChecks() throws IOException {
    History history =
        edn(
            String.join(
                "\n",
                "{:process 0, :type :invoke, :f :append, :key \"0\", :value \"x 0 0 y\"}",
                "{:process 1, :type :invoke, :f :get, :key \"0\", :value nil}",
                "{:process 0, :type :ok, :f :append, :key \"0\", :value \"x 0 0 y\"}",
                "",
                "{:process 1, :type :ok, :f :get, :key \"0\", :value \"x 0 0 y\"}",
                "{:process 2, :type :invoke, :f :put, :key \"1\", :value \"a\"}"));
    assertThat(history.operations())
        .containsExactly(
            Operation.ok(0, "append", List.of("0", "x 0 0 y"), null, 1, 3),
            Operation.ok(1, "get", List.of("0"), "x 0 0 y", 2, 5),
            Operation.info(2, "put", List.of("1", "a"), 6));
    Map<Object, History> parts = Models.kv().partition(history);
    assertThat(parts.keySet()).containsExactly("0", "1");
  }

  @Test
  void anEdnLineThatCannotBeReadNamesTheFileAndTheLine() {
    assertThatThrownBy(() -> edn("{:process 0, :type :invoke, :f :delete, :key \"0\", :value nil}"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("test.txt line 1: unknown function :delete (expected :get, :put, :append)");
    assertThatThrownBy(() -> edn("(:process 0)"))
        .hasMessage("test.txt line 1: expected a map {...}, got \"(:process 0)\"");
    assertThatThrownBy(() -> edn("{:process 0, :type :invoke, :f :get, :key \"0}"))
        .hasMessage("test.txt line 1: a string is not closed");
    assertThatThrownBy(() -> edn("{:type :invoke, :f :get, :key \"0\", :value nil}"))
        .hasMessage("test.txt line 1: expected :process to be a number, got nothing");
  }

  @Test
  void aHistoryWrittenAsJsonLinesReadsBackTheSame(@TempDir Path dir) {
    History history =
        History.of(
            List.of(
                Operation.ok(0, "write", 3L, null, 10, 25),
                Operation.ok(1, "cas", List.of(3L, 4L), true, 12, 30),
                Operation.info(2, "append", List.of("k", "v \"quoted\" \u00e9"), 40),
                new Operation(3, "read", null, null, 50, 60, Outcome.FAIL)));
    Path file = dir.resolve("history.jsonl");
    HistoryJson.write(history, file);
    assertThat(HistoryJson.read(file)).isEqualTo(history);
  }

  @Test
  void aJsonLineThatCannotBeReadNamesTheFileAndTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file,
        "{\"process\":0,\"f\":\"write\",\"input\":1,\"invoked\":0,\"completed\":5,\"outcome\":\"ok\"}\n"
            + "{\"process\":0,\"f\":\"write\",\"invoked\":0,\"completed\":5,\"outcome\":\"maybe\"}\n");
    assertThatThrownBy(() -> HistoryJson.read(file))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("bad.jsonl line 2: outcome \"maybe\" is not ok, fail or info");
    Files.writeString(file, "{\"process\":0,\n");
    assertThatThrownBy(() -> HistoryJson.read(file))
        .hasMessageStartingWith("bad.jsonl line 1: not JSON");
    Files.writeString(
        file, "{\"process\":0,\"f\":\"write\",\"invoked\":9,\"completed\":5,\"outcome\":\"ok\"}\n");
    assertThatThrownBy(() -> HistoryJson.read(file))
        .hasMessage(
            "bad.jsonl line 1: write by process 0 completed at 5, before its invocation at 9");
  }
}
