package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The output a simulation keeps is bounded in bytes, not only in lines: a component that prints
 * more than the heap holds does not kill the thread reading it. Run in a child JVM with a 128 MB
 * heap, so that the bound, not this JVM's size, is what is tested.
 */
class BoundedMemoryTest {
  @Test
  void aComponentPrintingMoreThanTheHeapHoldsIsKeptWithinTheBoundAndItsNextMessageArrives()
      throws Exception {
    Process child =
        new ProcessBuilder(JavaCommand.of(List.of("-Xmx128m"), ChattyComponentMain.class))
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      // 32 MiB per component: 32 lines of 1,048,000 characters; the other 268 were counted.
      assertThat(output).as(output).contains("delivered 32");
    } finally {
      child.destroyForcibly();
    }
  }
}
