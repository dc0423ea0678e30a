package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a wait looks for in the log. Each call of {@link #poll()} looks at what changed since the
 * previous call (a probe keeps its own cursor), so a wait that wakes on every entry does work in
 * proportion to what changed, not to the size of the log. A probe belongs to one wait.
 *
 * <pre>{@code
 * Probe<Message> probe = new MessageProbe(store, "a pong from p2", m -> m.body().equals("pong"));
 * Message m = waits.await(probe, Duration.ofSeconds(5));
 * }</pre>
 *
 * @param <T> what the wait returns
 */
public interface Probe<T> {
  /** The match, if what changed since the last call (everything, the first time) holds one. */
  Optional<T> poll();

  /** What is awaited, in words, for the failure text. */
  String description();

  /**
   * Which new entries can change the answer of {@link #poll()}; a blocking wait sleeps through the
   * others. Every entry by default. It runs on the thread that appends, holding the log's lock:
   * keep it to a type test.
   */
  default Predicate<LogEvent> wakesOn() {
    return entry -> true;
  }
}
