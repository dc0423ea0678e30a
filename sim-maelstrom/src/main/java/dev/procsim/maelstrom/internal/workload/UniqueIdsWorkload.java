package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.UniqueIds;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.Random;

/**
 * Maelstrom's unique-ids: {@code {"type": "generate"}} answered by {@code generate_ok} with an
 * {@code id} of any JSON type; valid when no two acknowledged ids are equal.
 */
final class UniqueIdsWorkload implements Workload {
  @Override
  public String name() {
    return "unique-ids";
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      @Override
      public Request next() {
        return new Request("generate", null, Json.object().put("type", "generate"));
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        return Replies.field(reply, "id");
      }
    };
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    return UniqueIds.check(history);
  }
}
