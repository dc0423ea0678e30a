package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Looks for the first log entry that matches a condition. Each entry is tested once, in log order,
 * so the condition may count entries as they go by.
 *
 * <pre>{@code
 * new EventProbe(store, "p1's exit", e -> e instanceof LogEvent.ProcessExited x && x.component().equals("p1"));
 * }</pre>
 */
public final class EventProbe implements Probe<LogEvent> {
  private final LogStore store;
  private final String description;
  private final Predicate<LogEvent> condition;
  private int cursor;

  /** A probe for {@code condition}, described as {@code description} in failures. */
  public EventProbe(LogStore store, String description, Predicate<LogEvent> condition) {
    this.store = store;
    this.description = description;
    this.condition = condition;
  }

  @Override
  public Optional<LogEvent> poll() {
    for (LogEvent event : store.eventsFrom(cursor)) {
      cursor++;
      if (condition.test(event)) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }

  @Override
  public String description() {
    return description;
  }
}
