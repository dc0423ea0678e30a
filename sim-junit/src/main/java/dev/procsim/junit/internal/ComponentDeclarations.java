package dev.procsim.junit.internal;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.JavaCommand;
import dev.procsim.core.Node;
import dev.procsim.core.WireProtocol;
import dev.procsim.junit.Component;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the {@link Component @Component} annotations that apply to a test method (enclosing classes
 * first, then the class and its superclasses, then the method) and turns them into specs, or into
 * an {@link ExtensionConfigurationException} that names the test and the annotation.
 *
 * <pre>{@code
 * List<DeclaredComponent> components = ComponentDeclarations.forTest(testClass, testMethod, instances);
 * }</pre>
 */
public final class ComponentDeclarations {
  private ComponentDeclarations() {}

  /** Every component that joins {@code method}'s simulation, in declaration order. */
  public static List<DeclaredComponent> forTest(
      Class<?> testClass, Method method, List<Object> testInstances) {
    String test = testClass.getSimpleName() + "." + method.getName() + "()";
    Map<String, String> declaredOn = new LinkedHashMap<>();
    List<DeclaredComponent> specs = new ArrayList<>();
    for (AnnotatedElement element : declarationSites(testClass, method)) {
      String site = describe(element);
      rejectIdenticalRepeats(element, test, site);
      for (Component component :
          AnnotationSupport.findRepeatableAnnotations(element, Component.class)) {
        DeclaredComponent spec = toDeclared(component, test, site, testInstances);
        String earlier = declaredOn.putIfAbsent(spec.name(), site);
        if (earlier != null && !earlier.equals(site) && isInheritedRepeat(element, earlier)) {
          continue;
        }
        if (earlier != null) {
          throw new ExtensionConfigurationException(
              String.format(
                  "%s: duplicate @Component(name = \"%s\") on %s%s; component names must be unique"
                      + " in a simulation",
                  test,
                  spec.name(),
                  site,
                  earlier.equals(site) ? "" : " (first declared on " + earlier + ")"));
        }
        specs.add(spec);
      }
    }
    if (specs.isEmpty()) {
      throw new ExtensionConfigurationException(
          test
              + ": a @SimulationTest needs at least one @Component, on the method or on the class");
    }
    return specs;
  }

  /**
   * Two identical annotations on one element are one in JUnit's annotation search, which would hide
   * the mistake; look at what is declared directly instead.
   */
  private static void rejectIdenticalRepeats(AnnotatedElement element, String test, String site) {
    Set<String> names = new HashSet<>();
    for (Component component : element.getDeclaredAnnotationsByType(Component.class)) {
      if (!names.add(component.name())) {
        throw new ExtensionConfigurationException(
            String.format(
                "%s: duplicate @Component(name = \"%s\") on %s; component names must be unique"
                    + " in a simulation",
                test, component.name(), site));
      }
    }
  }

  /** Enclosing classes of a @Nested class first, then the class, then the method. */
  private static List<AnnotatedElement> declarationSites(Class<?> testClass, Method method) {
    List<AnnotatedElement> sites = new ArrayList<>();
    for (Class<?> c = testClass; c != null; c = enclosingInstanceClass(c)) {
      sites.add(0, c);
    }
    sites.add(method);
    return sites;
  }

  private static Class<?> enclosingInstanceClass(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
  }

  /**
   * An enclosing class's component is also found on its @Nested class only when the nested class
   * extends it; such a repeat is the same declaration, not a duplicate.
   */
  private static boolean isInheritedRepeat(AnnotatedElement element, String earlierSite) {
    if (!(element instanceof Class<?> c)) {
      return false;
    }
    for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
      if (earlierSite.equals(describe(s))) {
        return true;
      }
    }
    return false;
  }

  private static String describe(AnnotatedElement element) {
    return element instanceof Class<?> c
        ? "class " + c.getSimpleName()
        : "method " + ((Method) element).getName() + "()";
  }

  private static DeclaredComponent toDeclared(
      Component component, String test, String site, List<Object> testInstances) {
    String where =
        String.format("%s: @Component(name = \"%s\") on %s", test, component.name(), site);
    boolean hasCommand = component.command().length > 0;
    boolean hasMain = component.main() != void.class;
    boolean hasNode = component.node() != Node.class;
    int kinds = (hasCommand ? 1 : 0) + (hasMain ? 1 : 0) + (hasNode ? 1 : 0);
    if (kinds != 1) {
      throw new ExtensionConfigurationException(
          where
              + (kinds == 0
                  ? " has no command: give command = {\"program\", \"arg\", ...}, main ="
                      + " SomeMain.class or node = SomeNode.class"
                  : " gives more than one of command, main and node; give one of them"));
    }
    if (!hasMain && component.args().length > 0) {
      throw new ExtensionConfigurationException(
          where + " gives args without a main class; put them in the command instead");
    }
    return hasNode
        ? toNode(component, where, testInstances)
        : new DeclaredComponent.Process(toSpec(component, where, hasMain, testInstances));
  }

  private static DeclaredComponent toNode(
      Component component, String where, List<Object> testInstances) {
    if (component.env().length > 0
        || !component.workingDirectory().isEmpty()
        || component.acks()
        || component.senderNames()
        || component.protocol() != WireProtocol.class) {
      throw new ExtensionConfigurationException(
          where
              + " declares a Java node: env, workingDirectory, acks, senderNames and protocol are"
              + " for process components only (a node learns each sender from receive())");
    }
    try {
      ComponentSpec.requireValidName(component.name());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
    return new DeclaredComponent.JavaNode(
        component.name(), Instantiation.factory(component.node(), testInstances, where));
  }

  private static ComponentSpec toSpec(
      Component component, String where, boolean hasMain, List<Object> testInstances) {
    String[] command =
        hasMain ? JavaCommand.of(component.main(), component.args()) : component.command();
    ComponentSpec spec;
    try {
      spec = ComponentSpec.of(component.name(), command);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
    for (String variable : component.env()) {
      int equals = variable.indexOf('=');
      if (equals <= 0) {
        throw new ExtensionConfigurationException(
            where + ": env entry \"" + variable + "\" is not of the form KEY=VALUE");
      }
      spec = spec.withEnvironment(variable.substring(0, equals), variable.substring(equals + 1));
    }
    if (!component.workingDirectory().isEmpty()) {
      spec = spec.withWorkingDirectory(Path.of(component.workingDirectory()));
    }
    if (component.protocol() != WireProtocol.class) {
      try {
        spec =
            spec.withProtocol(
                Instantiation.factory(component.protocol(), testInstances, where).get());
      } catch (IllegalStateException e) {
        throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
      }
    }
    if (component.senderNames()) {
      spec = spec.withSenderNames();
    }
    return component.acks() ? spec.withAcks() : spec;
  }
}
