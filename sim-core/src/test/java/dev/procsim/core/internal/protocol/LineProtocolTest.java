package dev.procsim.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;
import dev.procsim.core.WireProtocol.Decoded.Malformed;
import dev.procsim.core.WireProtocol.Decoded.Output;
import dev.procsim.core.WireProtocol.Decoded.Send;
import dev.procsim.core.WireProtocol.Decoded.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolTest {
  private static final WireProtocol LINE = WireProtocol.LINE;

  @Test
  void sendLineCarriesTargetAndVerbatimBody() {
    assertThat(LINE.decode("send p2 Hello from p1")).isEqualTo(new Send("p2", "Hello from p1"));
  }

  @Test
  void bodyIsEverythingAfterTheSingleSeparatorFollowingTheTarget() {
    assertThat(LINE.decode("send p2  two spaces kept "))
        .isEqualTo(new Send("p2", " two spaces kept "));
    assertThat(LINE.decode("send p2\ttab\tseparated")).isEqualTo(new Send("p2", "tab\tseparated"));
  }

  @Test
  void spacesBeforeTheTargetAreSkipped() {
    assertThat(LINE.decode("send   p2 x")).isEqualTo(new Send("p2", "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"send p2|p2", "'send p2 '|p2"})
  void bodyMayBeEmpty(String line, String target) {
    assertThat(LINE.decode(line)).isEqualTo(new Send(target, ""));
  }

  @Test
  void theSeedsCommaBecomesPartOfTheTarget() {
    assertThat(LINE.decode("send p2, Hello from p1")).isEqualTo(new Send("p2,", "Hello from p1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"send", "send ", "send \t  "})
  void sendWithoutTargetIsMalformedAndStillRecordedAsAMessage(String line) {
    assertThat(LINE.decode(line))
        .isInstanceOfSatisfying(
            Malformed.class,
            m -> {
              assertThat(m.reason()).contains("\"send\" without a target");
              assertThat(m.attempt()).contains(new Send("", ""));
            });
  }

  @Test
  void aRequestToTheSimulatorIsATimerKeepingTheRequestAsWritten() {
    assertThat(LINE.decode("send procsim timer 250 tick 1"))
        .isEqualTo(new Timer(Duration.ofMillis(250), "tick 1", "timer 250 tick 1"));
    assertThat(LINE.decode("send procsim timer 0100"))
        .isEqualTo(new Timer(Duration.ofMillis(100), "", "timer 0100"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"send procsim hello", "send procsim timer -5 x", "send procsim timer x y"})
  void anyOtherRequestToTheSimulatorIsMalformed(String line) {
    assertThat(LINE.decode(line))
        .isInstanceOfSatisfying(
            Malformed.class,
            m -> {
              assertThat(m.reason()).contains("unknown request to the simulator");
              assertThat(m.attempt().orElseThrow().target()).isEqualTo("procsim");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "hello", "sending p2 x", "sendp2 x", " send p2 x", "SEND p2 x"})
  void otherLinesAreOutput(String line) {
    assertThat(LINE.decode(line)).isEqualTo(new Output(line));
  }

  @Test
  void bodiesKeepAnyCharacterButLineBreaks() {
    String body = "ünïcödé \u0000 nul and \"quotes\" and send p3 x";
    assertThat(LINE.decode("send p2 " + body)).isEqualTo(new Send("p2", body));
    assertThat(LineProtocol.isSendable(body)).isTrue();
    assertThat(LineProtocol.isSendable("a\nb")).isFalse();
    // The stdin line is the body alone; the writer ends it with a line break.
    assertThat(LINE.encode(new Message(1, "p1", "p2", "x y", Fate.IN_FLIGHT, "", 0, 0)))
        .isEqualTo("x y");
  }
}
