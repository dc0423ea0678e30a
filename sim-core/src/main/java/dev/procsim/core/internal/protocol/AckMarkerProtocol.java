package dev.procsim.core.internal.protocol;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;

/**
 * A component's protocol with its acknowledgement marker added: the marker line is an {@link
 * WireProtocol.Decoded#ack() acknowledgement}, every other line means what the component's own
 * protocol says. Built for components whose spec {@link dev.procsim.core.ComponentSpec#acks()}.
 *
 * <pre>{@code
 * WireProtocol protocol = new AckMarkerProtocol(WireProtocol.LINE, "procsim:ack");
 * protocol.decode("procsim:ack");   // Decoded.ack()
 * }</pre>
 */
public final class AckMarkerProtocol implements WireProtocol {
  private final WireProtocol inner;
  private final String marker;

  /** {@code inner} with {@code marker} lines decoded as acknowledgements. */
  public AckMarkerProtocol(WireProtocol inner, String marker) {
    this.inner = inner;
    this.marker = marker;
  }

  @Override
  public Decoded decode(String line) {
    return line.equals(marker) ? Decoded.ack() : inner.decode(line);
  }

  @Override
  public String encode(Message message) {
    return inner.encode(message);
  }

  @Override
  public String toString() {
    return inner + " with the acknowledgement marker \"" + marker + "\"";
  }
}
