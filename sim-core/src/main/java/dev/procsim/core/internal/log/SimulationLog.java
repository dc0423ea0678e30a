package dev.procsim.core.internal.log;

import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.MessageLog;
import dev.procsim.core.internal.text.FailureTexts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@link MessageLog} a simulation shows its users: reads come from the {@link LogStore}, waits
 * go through the scheduler's {@link WaitStrategy} (so that in a stepped run they drive the run),
 * fingerprints from {@link LogFingerprint}, texts from {@link FailureTexts}.
 *
 * <pre>{@code
 * MessageLog log = new SimulationLog(store, scheduler);
 * Message m = log.awaitMessage(msg -> msg.body().equals("pong"), Duration.ofSeconds(5));
 * }</pre>
 */
public final class SimulationLog implements MessageLog {
  private final LogStore store;
  private final WaitStrategy waits;

  /** The log of {@code store}, waited on with {@code waits}. */
  public SimulationLog(LogStore store, WaitStrategy waits) {
    this.store = store;
    this.waits = waits;
  }

  @Override
  public List<Message> messages() {
    return store.messages();
  }

  @Override
  public List<LogEvent> events() {
    return store.events();
  }

  @Override
  public List<LogEvent.ProtocolError> protocolErrors() {
    return store.errors().recorded();
  }

  @Override
  public long protocolErrorCount() {
    return store.errors().count();
  }

  @Override
  public Message message(long id) {
    return store.message(id);
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public long messageCount() {
    return store.messageCount();
  }

  @Override
  public Message awaitMessage(String description, Predicate<Message> condition, Duration timeout) {
    return waits.await(new MessageProbe(store, description, condition), timeout);
  }

  @Override
  public LogEvent awaitEvent(String description, Predicate<LogEvent> condition, Duration timeout) {
    return waits.await(new EventProbe(store, description, condition), timeout);
  }

  @Override
  public List<String> logicalEntries() {
    return store.logicalEntries();
  }

  @Override
  public String fingerprint() {
    return LogFingerprint.of(logicalEntries());
  }

  @Override
  public Optional<String> firstDifference(MessageLog other) {
    return LogFingerprint.firstDifference(logicalEntries(), other.logicalEntries());
  }

  @Override
  public String describeTail(int count) {
    return FailureTexts.tail(store.events(), count);
  }

  @Override
  public String describe(List<? extends LogEvent> entries) {
    return FailureTexts.describe(entries);
  }

  @Override
  public String toString() {
    return "message log (" + store.size() + " entries)";
  }
}
