package dev.procsim.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.LogEvent;
import org.junit.jupiter.api.Test;

class ProtocolErrorsTest {
  private final LogStore store = new LogStore(() -> 0L, 1000);
  private final ProtocolErrors errors = store.errors();

  @Test
  void aKindMasksQuotedPartsAndNumbers() {
    assertThat(ProtocolErrors.kindOf("unknown target \"p7\"; the components are: a, b"))
        .isEqualTo(ProtocolErrors.kindOf("unknown target \"p8\"; the components are: a, b"))
        .isEqualTo("unknown target \"…\"; the components are: a, b");
    assertThat(ProtocolErrors.kindOf("first bad byte at offset 12"))
        .isEqualTo("first bad byte at offset N");
    assertThat(ProtocolErrors.kindOf("a \"quoted \\\" quote\" here")).isEqualTo("a \"…\" here");
  }

  @Test
  void theFirstHundredOfAKindFromAComponentAreRecordedThenCounted() {
    for (int i = 0; i < 250; i++) {
      ProtocolErrors.Recorded fate = errors.record("a", "line " + i, "bad line " + i);
      assertThat(fate)
          .isEqualTo(
              i < 99
                  ? ProtocolErrors.Recorded.ONE_BY_ONE
                  : i == 99
                      ? ProtocolErrors.Recorded.LAST_ONE_BY_ONE
                      : ProtocolErrors.Recorded.COUNTED);
    }
    // Another kind, and the same kind from another component, have counts of their own.
    assertThat(errors.record("a", "x", "something else"))
        .isEqualTo(ProtocolErrors.Recorded.ONE_BY_ONE);
    assertThat(errors.record("b", "x", "bad line 1")).isEqualTo(ProtocolErrors.Recorded.ONE_BY_ONE);
    assertThat(errors.recorded()).hasSize(102);
    assertThat(errors.count()).isEqualTo(252);

    errors.recordCounted("a");
    errors.recordCounted("a"); // nothing new: no second entry
    assertThat(store.events())
        .filteredOn(e -> e instanceof LogEvent.ProtocolErrorsCounted)
        .singleElement()
        .extracting(LogEvent::describe)
        .isEqualTo(
            "a: 150 more protocol errors like \"bad line 99\" were counted, not recorded one by one");
  }

  @Test
  void aRejectedSendPastTheLimitRecordsNoMessageButIsCounted() {
    for (int i = 0; i < 101; i++) {
      errors.recordRejectedSend("a", "nobody", "hi", "send nobody hi", "unknown target \"nobody\"");
    }
    assertThat(store.messages()).hasSize(100);
    assertThat(errors.count()).isEqualTo(101);
  }
}
