package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Looks for a message that matches a condition in its current state: first every message, in send
 * order, then each message again whenever the log records something about it. When several match,
 * the one sent first wins.
 *
 * <pre>{@code
 * new MessageProbe(store, "p2 receiving hello", m -> m.to().equals("p2") && m.fate() == DELIVERED);
 * }</pre>
 */
public final class MessageProbe implements Probe<Message> {
  private final LogStore store;
  private final String description;
  private final Predicate<Message> condition;
  private int cursor;

  /** A probe for {@code condition}, described as {@code description} in failures. */
  public MessageProbe(LogStore store, String description, Predicate<Message> condition) {
    this.store = store;
    this.description = description;
    this.condition = condition;
  }

  @Override
  public Optional<Message> poll() {
    // The entries since the last look name the messages that changed; the first look sees all.
    List<LogEvent> fresh = store.eventsFrom(cursor);
    cursor += fresh.size();
    TreeSet<Long> touched = new TreeSet<>();
    for (LogEvent event : fresh) {
      if (event instanceof LogEvent.MessageEvent about) {
        touched.add(about.messageId());
      }
    }
    for (Message message : store.messages(touched)) {
      if (condition.test(message)) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Predicate<LogEvent> wakesOn() {
    return entry -> entry instanceof LogEvent.MessageEvent;
  }
}
