package dev.procsim.core.internal.protocol;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;

/**
 * A component's protocol with the sender's name put before every line it reads: {@code <from>
 * <message>}, so that a node knows whom to answer. Decoding is the component's own protocol's.
 * Built for components whose spec asks for {@link dev.procsim.core.ComponentSpec#withSenderNames()
 * sender names}, or in a simulation that asks it of all.
 *
 * <pre>{@code
 * WireProtocol protocol = new SenderNamesProtocol(WireProtocol.LINE);
 * protocol.encode(messageFromP1);   // "p1 hello"
 * }</pre>
 */
public final class SenderNamesProtocol implements WireProtocol {
  private final WireProtocol inner;

  /** {@code inner}, with each delivery's line prefixed by its sender. */
  public SenderNamesProtocol(WireProtocol inner) {
    this.inner = inner;
  }

  @Override
  public Decoded decode(String line) {
    return inner.decode(line);
  }

  @Override
  public String encode(Message message) {
    return message.from() + " " + inner.encode(message);
  }

  @Override
  public String toString() {
    return inner + " with sender names";
  }
}
