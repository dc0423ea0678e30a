package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.Operation;
import dev.procsim.check.Outcome;
import dev.procsim.check.Verdict;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Maelstrom's echo: {@code {"type": "echo", "echo": "Please echo 35"}} answered by {@code echo_ok}
 * with the same {@code echo}. Valid when every answer carries what was sent.
 */
final class EchoWorkload implements Workload {
  @Override
  public String name() {
    return "echo";
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      @Override
      public Request next() {
        String text = "Please echo " + random.nextInt(128);
        return new Request("echo", text, Json.object().put("type", "echo").put("echo", text));
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        return Replies.field(reply, "echo");
      }
    };
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    List<Operation> wrong =
        history.operations().stream()
            .filter(op -> op.outcome() == Outcome.OK && !Objects.equals(op.input(), op.output()))
            .toList();
    long ok = history.operations().stream().filter(op -> op.outcome() == Outcome.OK).count();
    if (!wrong.isEmpty()) {
      Operation first = wrong.get(0);
      return new CheckResult(
          Verdict.INVALID,
          wrong.size()
              + " of "
              + ok
              + " echoes came back different; the first: sent "
              + Json.write(Json.tree(first.input()))
              + ", got "
              + Json.write(Json.tree(first.output()))
              + " ("
              + first.describe()
              + ")");
    }
    return new CheckResult(Verdict.VALID, ok + " echoes, each came back as sent");
  }
}
