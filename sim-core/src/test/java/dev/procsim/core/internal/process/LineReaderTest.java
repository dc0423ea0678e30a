package dev.procsim.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<LineReader.Line> readAll(InputStream in, int max) throws IOException {
    LineReader reader = new LineReader(in, max);
    List<LineReader.Line> lines = new ArrayList<>();
    LineReader.Line line;
    while ((line = reader.next()) != null) {
      lines.add(line);
    }
    return lines;
  }

  private static List<LineReader.Line> readAll(String text, int max) throws IOException {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static List<String> texts(List<LineReader.Line> lines) {
    return lines.stream().map(LineReader.Line::text).toList();
  }

  @Test
  void splitsOnNewlineDropsCarriageReturnAndKeepsEmptyLines() throws IOException {
    assertThat(texts(readAll("a\r\n\nb c\n", 100))).containsExactly("a", "", "b c");
  }

  @Test
  void lastLineWithoutNewlineIsStillALine() throws IOException {
    assertThat(texts(readAll("a\nlast", 100))).containsExactly("a", "last");
  }

  @Test
  void aLoneCarriageReturnInsideALineIsKept() throws IOException {
    assertThat(texts(readAll("a\rb\n", 100))).containsExactly("a\rb");
  }

  @Test
  void longLinesAreCutAtTheMaximumAndTheRestIsSkipped() throws IOException {
    List<LineReader.Line> lines = readAll("0123456789abcdef\nshort\n", 10);
    assertThat(lines)
        .containsExactly(
            new LineReader.Line("0123456789", true, -1), new LineReader.Line("short", false, -1));
  }

  @Test
  void aLineOfExactlyTheMaximumIsNotCut() throws IOException {
    assertThat(readAll("0123456789\n", 10))
        .containsExactly(new LineReader.Line("0123456789", false, -1));
  }

  @Test
  void aStreamWithoutAnyNewlineYieldsOneCutLineAndBoundedMemory() throws IOException {
    long total = 50L * 1024 * 1024;
    InputStream endless =
        new InputStream() {
          long left = total;

          @Override
          public int read() {
            return left-- > 0 ? 'x' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
          }
        };
    List<LineReader.Line> lines = readAll(endless, 1024);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).cut()).isTrue();
    assertThat(lines.get(0).text()).hasSize(1024);
  }

  @Test
  void invalidUtf8IsReplacedAndItsOffsetReported() throws IOException {
    byte[] bytes = {'o', 'k', ' ', (byte) 0xff, 'x', '\n', 'f', 'i', 'n', 'e', '\n'};
    List<LineReader.Line> lines = readAll(new ByteArrayInputStream(bytes), 100);
    assertThat(lines.get(0).text()).isEqualTo("ok \uFFFDx");
    assertThat(lines.get(0).invalidUtf8At()).isEqualTo(3);
    assertThat(lines.get(1).isValidUtf8()).isTrue();
  }

  @Test
  void validMultiByteUtf8AndNulBytesPassThrough() throws IOException {
    assertThat(readAll("grüße \u0000 日本\n", 100))
        .containsExactly(new LineReader.Line("grüße \u0000 日本", false, -1));
  }

  @Test
  void aCutInTheMiddleOfACharacterIsNotBlamedOnTheProducer() throws IOException {
    List<LineReader.Line> lines = readAll("ab日本\n", 4);
    assertThat(lines.get(0).cut()).isTrue();
    assertThat(lines.get(0).isValidUtf8()).isTrue();
  }
}
