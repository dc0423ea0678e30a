package dev.procsim.examples.nodes;

import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import java.util.HashMap;
import java.util.Map;

/**
 * A mock key-value server written as a Java component: no process, no port, no JSON, just the
 * behaviour a client under test needs. Requests are {@code <id> put <key> <value>} and {@code <id>
 * get <key>}; each is answered to its sender with {@code <id> ok} or {@code <id> value <value>} (or
 * {@code <id> missing}). Repeating a request is harmless, so clients may retry.
 *
 * <pre>{@code
 * @SimulationTest(stepped = true, checkDeterminism = true)
 * @Component(name = "kv", node = KvMock.class)
 * @Component(name = "client", command = {"python3", "nodes/kv_client.py", "20"}, acks = true)
 * void clientAgainstTheMock(Simulator sim) { ... }
 * }</pre>
 */
public final class KvMock implements Node {
  private final Map<String, String> data = new HashMap<>();

  @Override
  public void start(NodeContext ctx) {
    ctx.output("kv mock ready");
  }

  @Override
  public void receive(String from, String body, NodeContext ctx) {
    String[] words = body.split(" ", 4);
    if (words.length >= 3 && words[1].equals("put") && words.length == 4) {
      data.put(words[2], words[3]);
      ctx.send(from, words[0] + " ok");
    } else if (words.length == 3 && words[1].equals("get")) {
      String value = data.get(words[2]);
      ctx.send(from, words[0] + (value == null ? " missing" : " value " + value));
    } else {
      ctx.errorOutput("not a request: " + body);
      ctx.send(from, (words.length > 0 ? words[0] : "?") + " error not a request");
    }
  }
}
