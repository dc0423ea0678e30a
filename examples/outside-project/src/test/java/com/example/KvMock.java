package com.example;

import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import java.util.HashMap;
import java.util.Map;

/** The README's Java component: a key-value mock server that answers "put k v" and "get k" with "ok <value>". */
public class KvMock implements Node {
  private final Map<String, String> data = new HashMap<>();

  @Override
  public void start(NodeContext ctx) { ctx.output("ready"); }                  // optional

  @Override
  public void receive(String from, String body, NodeContext ctx) {             // one call at a time
    String[] w = body.split(" ", 3);                                           // "put k v" or "get k"
    if (w[0].equals("put")) data.put(w[1], w[2]);
    ctx.send(from, "ok " + data.get(w[1]));
  }
}
