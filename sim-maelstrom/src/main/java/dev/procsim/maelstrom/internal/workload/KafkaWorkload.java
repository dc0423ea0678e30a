package dev.procsim.maelstrom.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.CheckResult;
import dev.procsim.check.History;
import dev.procsim.check.OffsetLog;
import dev.procsim.maelstrom.internal.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Maelstrom's kafka: logs named by string keys ({@code k0}, {@code k1}, ...). Clients {@code send}
 * unique messages to random keys, {@code poll} from where they last read, {@code commit_offsets} of
 * what they have read and {@code list_committed_offsets}; judged by {@link OffsetLog} (an offset
 * with two messages, a lost write, offsets that go back). Each client polls every key in the final
 * phase, so that what was acknowledged is looked for.
 */
final class KafkaWorkload implements Workload {
  private final WorkloadOptions options;

  KafkaWorkload(WorkloadOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public boolean idempotent(String function) {
    return function.equals("poll") || function.equals("list_committed");
  }

  @Override
  public boolean hasFinalPhase() {
    return true;
  }

  @Override
  public Generator generator(int client, Random random) {
    return new Generator() {
      /** The next offset this client polls from, by key. */
      private final Map<String, Long> positions = new LinkedHashMap<>();

      private long sent;

      @Override
      public Request next() {
        int dice = random.nextInt(10);
        String key = "k" + random.nextInt(options.keyCount());
        if (dice < 5) {
          long message = options.uniqueValue(client, sent++);
          return new Request(
              "send",
              List.of(key, message),
              Json.object().put("type", "send").put("key", key).put("msg", message));
        }
        if (dice < 8) {
          return poll(Map.of(key, positions.getOrDefault(key, 0L)));
        }
        if (dice < 9 && !positions.isEmpty()) {
          Map<String, Long> done = new LinkedHashMap<>();
          positions.forEach((k, next) -> done.put(k, next - 1));
          ObjectNode body = Json.object().put("type", "commit_offsets");
          body.set("offsets", Json.tree(done));
          return new Request("commit", done, body);
        }
        List<String> keys = allKeys();
        ObjectNode body = Json.object().put("type", "list_committed_offsets");
        body.set("keys", Json.tree(keys));
        return new Request("list_committed", keys, body);
      }

      private Request poll(Map<String, Long> from) {
        ObjectNode body = Json.object().put("type", "poll");
        body.set("offsets", Json.tree(from));
        return new Request("poll", from, body);
      }

      @Override
      public Object output(Request request, JsonNode reply) {
        switch (request.function()) {
          case "send":
            return Replies.integer(reply, "offset");
          case "poll":
            return polled(Replies.object(reply, "msgs"));
          case "list_committed":
            return Json.plain(Replies.object(reply, "offsets"));
          default:
            return null;
        }
      }

      private Map<String, List<List<Object>>> polled(JsonNode msgs) {
        Map<String, List<List<Object>>> byKey = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = msgs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> key = it.next();
          List<List<Object>> pairs = new ArrayList<>();
          for (JsonNode pair : key.getValue()) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToLong()) {
              throw new IllegalArgumentException(
                  "poll_ok's msgs must hold [offset, message] pairs, not " + Json.write(pair));
            }
            pairs.add(List.of(pair.get(0).longValue(), Json.plain(pair.get(1))));
            positions.merge(key.getKey(), pair.get(0).longValue() + 1, Math::max);
          }
          byKey.put(key.getKey(), pairs);
        }
        return byKey;
      }

      @Override
      public List<Request> finals() {
        Map<String, Long> everything = new LinkedHashMap<>();
        for (String key : allKeys()) {
          everything.put(key, 0L);
        }
        return List.of(poll(everything));
      }
    };
  }

  private List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < options.keyCount(); i++) {
      keys.add("k" + i);
    }
    return keys;
  }

  @Override
  public CheckResult check(History history, long finalsFrom) {
    return OffsetLog.check(history);
  }
}
