package dev.procsim.maelstrom.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.maelstrom.ErrorCode;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import java.util.Random;

/**
 * Maelstrom's key-value services, {@code lin-kv}, {@code seq-kv} and {@code lww-kv}: {@code read},
 * {@code write} and {@code cas} ({@link KvOperation}), each meeting the state its {@link KvStore}
 * chooses: the latest, a past one the caller may still see, or one replica's.
 *
 * <pre>{@code
 * Simulator.builder().node("seq-kv", () -> new KvService(KvStore.sequential())) ...
 * }</pre>
 */
public final class KvService extends ServiceNode {
  private final KvStore store;

  /** A service over {@code store}. */
  public KvService(KvStore store) {
    this.store = store;
  }

  @Override
  ObjectNode handle(Envelope request, Random random) {
    KvOperation operation;
    try {
      operation = KvOperation.of(request.body());
    } catch (UnsupportedOperationException e) {
      return Envelope.error(ErrorCode.NOT_SUPPORTED.code(), e.getMessage());
    }
    return store.apply(request.src(), operation, random).reply();
  }
}
