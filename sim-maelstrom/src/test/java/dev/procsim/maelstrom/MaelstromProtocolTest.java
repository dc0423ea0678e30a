package dev.procsim.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.WireProtocol.Decoded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Maelstrom's lines: routed by dest, what Maelstrom drops silently named, procsim's timer. */
class MaelstromProtocolTest {
  private final MaelstromProtocol protocol = new MaelstromProtocol();

  @Test
  void aMessageIsRoutedToItsDestExactlyAsWritten() {
    String line = "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{\"type\":\"gossip\",\"n\":[1,2]}}";

    assertThat(protocol.decode(line)).isEqualTo(Decoded.send("n2", line));
  }

  @Test
  void fieldsInAnyOrderAndNestedObjectsAreSkippedToFindDest() {
    String line =
        "{\"body\":{\"dest\":\"not-this\",\"type\":\"x\"},\"src\":\"n1\",\"dest\":\"c3\"}";

    assertThat(protocol.decode(line)).isEqualTo(Decoded.send("c3", line));
  }

  @Test
  void aLineThatIsNotJsonIsMalformedSayingSo() {
    assertThat(protocol.decode("Received init")).isInstanceOf(Decoded.Malformed.class);
    assertThat(((Decoded.Malformed) protocol.decode("{\"dest\": ")).reason())
        .startsWith("not JSON");
    assertThat(((Decoded.Malformed) protocol.decode("[1, 2]")).reason())
        .contains("not a JSON object");
    assertThat(
            ((Decoded.Malformed) protocol.decode("{\"dest\":\"n1\",\"body\":{}} extra")).reason())
        .contains("text after the JSON object");
  }

  @Test
  void aMessageWithoutDestIsMalformedAndOneWithoutBodyIsUndeliverableToItsDest() {
    assertThat(((Decoded.Malformed) protocol.decode("{\"src\":\"n1\",\"body\":{}}")).reason())
        .contains("no \"dest\"");
    Decoded.Malformed noBody =
        (Decoded.Malformed) protocol.decode("{\"src\":\"n1\",\"dest\":\"n2\"}");
    assertThat(noBody.reason()).contains("no \"body\" object");
    assertThat(noBody.attempt()).isPresent();
    assertThat(noBody.attempt().get().target()).isEqualTo("n2");
  }

  @Test
  void aTimerRequestToProcsimArrivesAsItsPayload() {
    Decoded timer =
        protocol.decode(
            "{\"src\":\"n1\",\"dest\":\"procsim\",\"body\":{\"type\":\"timer\",\"ms\":250,"
                + "\"payload\":{\"type\":\"tick\"}}}");

    assertThat(timer).isInstanceOf(Decoded.Timer.class);
    assertThat(((Decoded.Timer) timer).delay()).isEqualTo(Duration.ofMillis(250));
    assertThat(((Decoded.Timer) timer).payload()).isEqualTo("{\"type\":\"tick\"}");
  }

  @Test
  void anythingElseToProcsimIsMalformed() {
    assertThat(
            protocol.decode("{\"src\":\"n1\",\"dest\":\"procsim\",\"body\":{\"type\":\"hello\"}}"))
        .isInstanceOf(Decoded.Malformed.class);
    assertThat(
            protocol.decode(
                "{\"src\":\"n1\",\"dest\":\"procsim\",\"body\":{\"type\":\"timer\",\"ms\":-5}}"))
        .isInstanceOf(Decoded.Malformed.class);
  }
}
