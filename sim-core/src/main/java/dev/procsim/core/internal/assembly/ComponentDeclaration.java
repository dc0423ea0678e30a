package dev.procsim.core.internal.assembly;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Node;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One component as the builder declared it: a process ({@link ComponentSpec}) or a Java node (a
 * name and a factory).
 *
 * <pre>{@code
 * ComponentDeclaration p1 = new ComponentDeclaration.Process(ComponentSpec.of("p1", "cat"));
 * ComponentDeclaration kv = new ComponentDeclaration.JavaNode("kv", KvMock::new);
 * }</pre>
 */
public sealed interface ComponentDeclaration {
  /** The component's name. */
  String name();

  /** A component that is an OS process. */
  record Process(ComponentSpec spec) implements ComponentDeclaration {
    /** Checks for null. */
    public Process {
      Objects.requireNonNull(spec, "spec");
    }

    @Override
    public String name() {
      return spec.name();
    }
  }

  /** A component that is a Java object, built by {@code factory} at every (re)start. */
  record JavaNode(String name, Supplier<? extends Node> factory) implements ComponentDeclaration {
    /** Checks the name and the factory. */
    public JavaNode {
      ComponentSpec.requireValidName(name);
      Objects.requireNonNull(factory, "factory");
    }
  }
}
