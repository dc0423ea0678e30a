package dev.procsim.junit.internal;

import dev.procsim.core.Durations;
import dev.procsim.core.Latency;
import dev.procsim.core.Nemesis;
import dev.procsim.core.Network;
import dev.procsim.junit.NemesisFaults;
import dev.procsim.junit.NetworkFaults;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns {@link NetworkFaults @NetworkFaults} and {@link NemesisFaults @NemesisFaults} into a {@link
 * Network} and a {@link Nemesis}; the method's annotation wins over the class's (and over enclosing
 * classes'). Errors are {@link ExtensionConfigurationException}s naming the test.
 *
 * <pre>{@code
 * Network network = FaultAnnotations.network(testClass, method);
 * Optional<Nemesis> nemesis = FaultAnnotations.nemesis(testClass, method);
 * }</pre>
 */
public final class FaultAnnotations {
  private FaultAnnotations() {}

  /** The network the annotations describe; reliable when there is none. */
  public static Network network(Class<?> testClass, Method method) {
    Optional<NetworkFaults> found = find(testClass, method, NetworkFaults.class);
    if (found.isEmpty()) {
      return Network.reliable();
    }
    NetworkFaults faults = found.get();
    String where = TestNames.of(testClass, method) + ": @NetworkFaults";
    Network.Builder network = Network.builder();
    try {
      if (!faults.latency().isEmpty() && !faults.meanLatency().isEmpty()) {
        throw new IllegalArgumentException("give latency or meanLatency, not both");
      }
      if (!faults.latency().isEmpty()) {
        network.latency(parseLatency(faults.latency()));
      }
      if (!faults.meanLatency().isEmpty()) {
        network.exponentialLatency(Durations.parse(faults.meanLatency()));
      }
      network.loss(faults.loss()).duplication(faults.duplication());
      if (faults.injected()) {
        network.faultInjectedMessages();
      }
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
    return network.build();
  }

  /** The nemesis the annotations describe, if any. */
  public static Optional<Nemesis> nemesis(Class<?> testClass, Method method) {
    Optional<NemesisFaults> found = find(testClass, method, NemesisFaults.class);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    NemesisFaults faults = found.get();
    try {
      Duration[] interval = parseRange(faults.interval());
      return Optional.of(
          Nemesis.builder()
              .interval(interval[0], interval[1])
              .faults(faults.faults())
              .targets(faults.targets())
              .build());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          TestNames.of(testClass, method) + ": @NemesisFaults: " + e.getMessage(), e);
    }
  }

  private static Latency parseLatency(String text) {
    Duration[] range = parseRange(text);
    return range[0].equals(range[1]) && !text.contains("..")
        ? Latency.fixed(range[0])
        : Latency.uniform(range[0], range[1]);
  }

  /** {@code "5ms"} → [5ms, 5ms]; {@code "1ms..20ms"} → [1ms, 20ms]. */
  private static Duration[] parseRange(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      Duration single = Durations.parse(text);
      return new Duration[] {single, single};
    }
    return new Duration[] {
      Durations.parse(text.substring(0, dots)), Durations.parse(text.substring(dots + 2))
    };
  }

  private static <A extends Annotation> Optional<A> find(
      Class<?> testClass, Method method, Class<A> type) {
    Optional<A> onMethod = AnnotationSupport.findAnnotation(method, type);
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> c = testClass; c != null; c = enclosing(c)) {
      Optional<A> onClass = AnnotationSupport.findAnnotation(c, type);
      if (onClass.isPresent()) {
        return onClass;
      }
    }
    return Optional.empty();
  }

  private static Class<?> enclosing(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
  }
}
