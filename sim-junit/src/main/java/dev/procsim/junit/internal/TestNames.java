package dev.procsim.junit.internal;

import java.lang.reflect.Method;

/**
 * How errors and rerun recipes name a test.
 *
 * <pre>{@code
 * TestNames.of(GossipTest.class, method);          // "GossipTest.spreads()"
 * TestNames.surefireFilter(GossipTest.class, method); // "GossipTest#spreads"
 * }</pre>
 */
public final class TestNames {
  private TestNames() {}

  /** {@code Class.method()}, as configuration errors name a test. */
  public static String of(Class<?> testClass, Method method) {
    return testClass.getSimpleName() + "." + method.getName() + "()";
  }

  /** The {@code -Dtest=} filter that selects only this test in Maven Surefire. */
  public static String surefireFilter(Class<?> testClass, Method method) {
    String name = testClass.getName();
    return name.substring(name.lastIndexOf('.') + 1) + "#" + method.getName();
  }
}
