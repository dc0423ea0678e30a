package dev.procsim.core.internal.log;

import dev.procsim.core.SimulationException;
import dev.procsim.core.internal.text.FailureTexts;
import java.time.Duration;
import java.util.Optional;

/**
 * A wait that blocks until the log records an entry that concerns it ({@link Probe#wakesOn()}) and
 * then asks its probe again: no poll interval, no sleep, and no wake-up for entries that cannot
 * matter. Once the log is sealed (the simulator closed) the probe gets one last look.
 *
 * <pre>{@code
 * WaitStrategy waits = new BlockingWait(store);
 * }</pre>
 */
public final class BlockingWait implements WaitStrategy {
  private final LogStore store;

  /** Waits on {@code store}. */
  public BlockingWait(LogStore store) {
    this.store = store;
  }

  @Override
  public <T> T await(Probe<T> probe, Duration timeout) {
    long deadline = Deadlines.after(timeout);
    try {
      while (true) {
        int seen = store.size();
        Optional<T> match = probe.poll();
        if (match.isPresent()) {
          return match.get();
        }
        if (!store.awaitEntry(seen, probe.wakesOn(), deadline)) {
          String failure = store.failure();
          if (failure != null) {
            // What the log holds may still satisfy the wait; only what it lost cannot.
            Optional<T> last = probe.poll();
            if (last.isPresent()) {
              return last.get();
            }
            throw new AssertionError(
                FailureTexts.incomplete(probe.description(), failure, store.events()));
          }
          throw new AssertionError(
              store.isSealed()
                  ? FailureTexts.closed(probe.description(), store.events())
                  : FailureTexts.timedOut(
                      probe.description(), timeout, store.messages().size(), store.events()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted while waiting for " + probe.description(), e);
    }
  }
}
