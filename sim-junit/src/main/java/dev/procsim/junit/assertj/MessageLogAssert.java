package dev.procsim.junit.assertj;

import dev.procsim.core.Fate;
import dev.procsim.core.LogEvent;
import dev.procsim.core.Message;
import dev.procsim.core.MessageLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link MessageLog}. Each failure prints the part of the log that matters:
 * the messages on the link concerned, or the end of the log.
 *
 * <pre>{@code
 * SimAssertions.assertThat(sim.log())
 *     .hasDelivered("p1", "p2", "Hello from p1")
 *     .hasDeliveredInOrder("p1", "p2", "1", "2", "3")
 *     .hasNotDelivered("p2", "p1", "nack")
 *     .hasNoProtocolErrors();
 * }</pre>
 */
public class MessageLogAssert extends AbstractAssert<MessageLogAssert, MessageLog> {
  private static final int SHOWN = 30;

  /** Assertions on {@code actual}; use {@link SimAssertions#assertThat(MessageLog)}. */
  public MessageLogAssert(MessageLog actual) {
    super(actual, MessageLogAssert.class);
  }

  /** A message with this body went from {@code from} to {@code to} and was delivered. */
  public MessageLogAssert hasDelivered(String from, String to, String body) {
    isNotNull();
    if (delivered(from, to, body).isEmpty()) {
      failWithLines(
          "%nExpecting the log to show %s -> %s %s delivered, but it does not.%n%s",
          from, to, quote(body), describeLink(from, to));
    }
    return this;
  }

  /** A message with this body reached {@code to}, from any sender. */
  public MessageLogAssert hasDeliveredTo(String to, String body) {
    isNotNull();
    if (matching(m -> m.to().equals(to) && m.body().equals(body) && isDelivered(m)).isEmpty()) {
      failWithLines(
          "%nExpecting the log to show %s delivered to %s, but it does not.%n%s",
          quote(body), to, describeMessages("messages to " + to, matching(m -> m.to().equals(to))));
    }
    return this;
  }

  /** No message with this body was delivered from {@code from} to {@code to}. */
  public MessageLogAssert hasNotDelivered(String from, String to, String body) {
    isNotNull();
    List<Message> found = delivered(from, to, body);
    if (!found.isEmpty()) {
      failWithLines(
          "%nExpecting the log not to show %s -> %s %s delivered, but it does (%s).%n%s",
          from, to, quote(body), ids(found), describeLink(from, to));
    }
    return this;
  }

  /**
   * These bodies were delivered from {@code from} to {@code to} in this order (other messages may
   * come between them).
   */
  public MessageLogAssert hasDeliveredInOrder(String from, String to, String... bodies) {
    isNotNull();
    List<Message> link = matching(m -> m.isBetween(from, to) && isDelivered(m));
    int next = 0;
    for (Message message : link) {
      if (next < bodies.length && message.body().equals(bodies[next])) {
        next++;
      }
    }
    if (next < bodies.length) {
      failWithLines(
          "%nExpecting %s -> %s to deliver %s in this order, but %s is missing%s.%n%s",
          from,
          to,
          List.of(bodies),
          quote(bodies[next]),
          next == 0 ? "" : " after " + quote(bodies[next - 1]),
          describeLink(from, to));
    }
    return this;
  }

  /** Exactly {@code count} messages were delivered from {@code from} to {@code to}. */
  public MessageLogAssert hasDeliveredCount(String from, String to, int count) {
    isNotNull();
    int actualCount = matching(m -> m.isBetween(from, to) && isDelivered(m)).size();
    if (actualCount != count) {
      failWithLines(
          "%nExpecting %d messages delivered %s -> %s, but there were %d.%n%s",
          count, from, to, actualCount, describeLink(from, to));
    }
    return this;
  }

  /** The log holds exactly {@code count} messages, whatever their fate. */
  public MessageLogAssert hasMessageCount(int count) {
    isNotNull();
    int actualCount = actual.messages().size();
    if (actualCount != count) {
      failWithLines(
          "%nExpecting %d messages in the log, but there were %d.%n%s",
          count, actualCount, actual.describeTail(SHOWN));
    }
    return this;
  }

  /** Every message sent so far was delivered. */
  public MessageLogAssert hasOnlyDeliveredMessages() {
    isNotNull();
    List<Message> notDelivered = matching(m -> !isDelivered(m));
    if (!notDelivered.isEmpty()) {
      failWithLines(
          "%nExpecting every message to be delivered, but %d were not.%n%s",
          notDelivered.size(), describeMessages("not delivered", notDelivered));
    }
    return this;
  }

  /** No message is {@link Fate#UNDELIVERABLE}. */
  public MessageLogAssert hasNoUndeliverableMessages() {
    isNotNull();
    List<Message> undeliverable = matching(m -> m.fate() == Fate.UNDELIVERABLE);
    if (!undeliverable.isEmpty()) {
      failWithLines(
          "%nExpecting no undeliverable messages, but there were %d.%n%s",
          undeliverable.size(), describeMessages("undeliverable", undeliverable));
    }
    return this;
  }

  /** The simulation recorded no protocol error. */
  public MessageLogAssert hasNoProtocolErrors() {
    isNotNull();
    List<LogEvent.ProtocolError> errors = actual.protocolErrors();
    if (!errors.isEmpty()) {
      failWithLines(
          "%nExpecting no protocol errors, but there were %d:%n%s",
          actual.protocolErrorCount(),
          actual.describe(errors.subList(0, Math.min(SHOWN, errors.size()))));
    }
    return this;
  }

  /** {@code component} caused a protocol error whose description contains {@code text}. */
  public MessageLogAssert hasProtocolError(String component, String text) {
    isNotNull();
    List<LogEvent.ProtocolError> errors = actual.protocolErrors();
    boolean found =
        errors.stream()
            .anyMatch(e -> e.component().equals(component) && e.describe().contains(text));
    if (!found) {
      failWithLines(
          "%nExpecting a protocol error from %s containing %s, but the protocol errors were:%n%s",
          component, quote(text), actual.describe(errors));
    }
    return this;
  }

  /** {@code component} printed this stdout line (not a message). */
  public MessageLogAssert hasOutput(String component, String line) {
    isNotNull();
    List<LogEvent> outputs = new ArrayList<>();
    for (LogEvent event : actual.events()) {
      if (event instanceof LogEvent.Output output && output.component().equals(component)) {
        if (output.line().equals(line)) {
          return this;
        }
        outputs.add(output);
      }
    }
    failWithLines(
        "%nExpecting %s to print %s, but its output was:%n%s",
        component, quote(line), actual.describe(tail(outputs)));
    return this;
  }

  private List<Message> delivered(String from, String to, String body) {
    return matching(m -> m.isBetween(from, to) && m.body().equals(body) && isDelivered(m));
  }

  private List<Message> matching(Predicate<Message> condition) {
    return actual.messages().stream().filter(condition).toList();
  }

  private static boolean isDelivered(Message message) {
    return message.fate() == Fate.DELIVERED;
  }

  private String describeLink(String from, String to) {
    List<Message> link = matching(m -> m.isBetween(from, to));
    if (link.isEmpty()) {
      return "There were no messages "
          + from
          + " -> "
          + to
          + "; the log ends with:\n"
          + actual.describeTail(SHOWN);
    }
    return describeMessages("messages " + from + " -> " + to, link);
  }

  private static String describeMessages(String title, List<Message> messages) {
    StringBuilder text = new StringBuilder(title).append(" (").append(messages.size()).append("):");
    if (messages.isEmpty()) {
      return text.append(" none").toString();
    }
    if (messages.size() > SHOWN) {
      text.append("\n  ... ").append(messages.size() - SHOWN).append(" earlier");
    }
    for (Message m : tail(messages)) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  #%d %s -> %s %s %s%s",
              m.id(),
              m.from(),
              m.to(),
              quote(m.body()),
              m.fate(),
              m.reason().isEmpty() ? "" : ": " + m.reason()));
    }
    return text.toString();
  }

  private static <T> List<T> tail(List<T> list) {
    return list.subList(Math.max(0, list.size() - SHOWN), list.size());
  }

  private static List<Long> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  private static String quote(String text) {
    return dev.procsim.core.Texts.quote(text);
  }

  /**
   * Fails with a message that ends with a line break: Awaitility appends " within 5 seconds." to
   * the message of the last failed attempt, which would otherwise be glued to the last line shown.
   */
  private void failWithLines(String format, Object... arguments) {
    failWithMessage(format + "%n", arguments);
  }
}
