package dev.procsim.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.internal.LineProtocol.MissingTarget;
import dev.procsim.core.internal.LineProtocol.Output;
import dev.procsim.core.internal.LineProtocol.Send;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolTest {

  @Test
  void sendLineCarriesTargetAndVerbatimBody() {
    assertThat(LineProtocol.decode("send p2 Hello from p1"))
        .isEqualTo(new Send("p2", "Hello from p1"));
  }

  @Test
  void bodyIsEverythingAfterTheSingleSeparatorFollowingTheTarget() {
    assertThat(LineProtocol.decode("send p2  two spaces kept "))
        .isEqualTo(new Send("p2", " two spaces kept "));
    assertThat(LineProtocol.decode("send p2\ttab\tseparated"))
        .isEqualTo(new Send("p2", "tab\tseparated"));
  }

  @Test
  void spacesBeforeTheTargetAreSkipped() {
    assertThat(LineProtocol.decode("send   p2 x")).isEqualTo(new Send("p2", "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"send p2|p2", "'send p2 '|p2"})
  void bodyMayBeEmpty(String line, String target) {
    assertThat(LineProtocol.decode(line)).isEqualTo(new Send(target, ""));
  }

  @Test
  void theSeedsCommaBecomesPartOfTheTarget() {
    assertThat(LineProtocol.decode("send p2, Hello from p1"))
        .isEqualTo(new Send("p2,", "Hello from p1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"send", "send ", "send \t  "})
  void sendWithoutTargetIsMissingTarget(String line) {
    assertThat(LineProtocol.decode(line)).isInstanceOf(MissingTarget.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "hello", "sending p2 x", "sendp2 x", " send p2 x", "SEND p2 x"})
  void otherLinesAreOutput(String line) {
    assertThat(LineProtocol.decode(line)).isEqualTo(new Output(line));
  }

  @Test
  void bodiesKeepAnyCharacterButLineBreaks() {
    String body = "ünïcödé \u0000 nul and \"quotes\" and send p3 x";
    assertThat(LineProtocol.decode("send p2 " + body)).isEqualTo(new Send("p2", body));
    assertThat(LineProtocol.isSendable(body)).isTrue();
    assertThat(LineProtocol.isSendable("a\nb")).isFalse();
    assertThat(LineProtocol.encode("x y")).isEqualTo("x y\n");
  }
}
