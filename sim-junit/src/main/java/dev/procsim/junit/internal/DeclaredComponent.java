package dev.procsim.junit.internal;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Node;
import dev.procsim.core.Simulator;
import java.util.function.Supplier;

/**
 * One component as a {@code @Component} annotation declared it, ready to join a simulator: a
 * process (its spec) or a Java node (its factory).
 *
 * <pre>{@code
 * for (DeclaredComponent component : ComponentDeclarations.forTest(testClass, method)) {
 *   component.addTo(builder);
 * }
 * }</pre>
 */
public sealed interface DeclaredComponent {
  /** The component's name. */
  String name();

  /** Adds the component to {@code builder}. */
  void addTo(Simulator.Builder builder);

  /** A process component. */
  record Process(ComponentSpec spec) implements DeclaredComponent {
    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public void addTo(Simulator.Builder builder) {
      builder.component(spec);
    }
  }

  /** A Java node component. */
  record JavaNode(String name, Supplier<? extends Node> factory) implements DeclaredComponent {
    @Override
    public void addTo(Simulator.Builder builder) {
      builder.node(name, factory);
    }
  }
}
