package dev.procsim.bench;

import java.lang.management.ManagementFactory;

/**
 * What the benchmark weighs memory with: the heap in use once the collector has run, and the size
 * of a string as the JVM lays it out.
 *
 * <pre>{@code
 * long before = HeapUse.afterGc();
 * ... keep something ...
 * long kept = HeapUse.afterGc() - before;
 * }</pre>
 */
final class HeapUse {
  private HeapUse() {}

  /** The heap in use after three collections. */
  static long afterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100); // lets the collector finish; this is a benchmark program, not the engine
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** A compact Latin-1 String's size on a 64-bit JVM with compressed oops: header+fields, array. */
  static long stringBytes(String s) {
    return 24 + align(16 + s.length());
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
