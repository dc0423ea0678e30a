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
    // Taken out first: a write that enters and leaves a section of its own must not run these
    // again.
    List<Runnable> due = new ArrayList<>(writes.pending);
    writes.pending.clear();
    // Every one runs (each gives back its claim whatever happens); the first failure is rethrown.
    Throwable first = null;
    for (Runnable write : due) {
      try {
        write.run();
      } catch (Throwable e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    if (first != null) {
      throw new IllegalStateException(first);
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
