package dev.procsim.core.internal.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Direct writes to stdin ({@link StdinWriter}) put off until the calling thread has left the
 * network's lock. A line written to a fast process comes back as its answer within microseconds,
 * and the thread that reads that answer must not find the lock still held by the thread that wrote
 * the question: it would sleep and be woken again, which costs more than the hand-off the direct
 * write saves. Outside a deferring section a direct write happens at once.
 *
 * <pre>{@code
 * lock.lock();
 * DeferredWrites.enter();
 * try {
 *   endpoint.accept(message);      // a direct write is claimed here...
 * } finally {
 *   lock.unlock();
 *   DeferredWrites.leave();        // ...and done here, once the outermost section ends
 * }
 * }</pre>
 */
public final class DeferredWrites {
  private static final ThreadLocal<DeferredWrites> CURRENT =
      ThreadLocal.withInitial(DeferredWrites::new);

  private final List<Runnable> pending = new ArrayList<>();
  private int depth;

  private DeferredWrites() {}

  /** The calling thread enters a section (they nest) whose direct writes wait for its end. */
  public static void enter() {
    CURRENT.get().depth++;
  }

  /** The calling thread leaves a section; at the end of the outermost, its writes happen. */
  public static void leave() {
    DeferredWrites writes = CURRENT.get();
    if (--writes.depth > 0 || writes.pending.isEmpty()) {
      return;
    }
    // Each write gives back its claim whatever happens; one failing does not keep the others.
    RuntimeException first = null;
    for (int i = 0; i < writes.pending.size(); i++) {
      try {
        writes.pending.get(i).run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    writes.pending.clear();
    if (first != null) {
      throw first;
    }
  }

  /** Runs {@code write} at the end of the calling thread's section, or now outside one. */
  static void run(Runnable write) {
    DeferredWrites writes = CURRENT.get();
    if (writes.depth == 0) {
      write.run();
    } else {
      writes.pending.add(write);
    }
  }
}
