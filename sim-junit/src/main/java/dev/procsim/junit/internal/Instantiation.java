package dev.procsim.junit.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Makes instances of the classes annotations name ({@code @Component(node = ..., protocol = ...)}):
 * through their no-argument constructor, which may be private. An inner class of the test class (or
 * of an enclosing class of a {@code @Nested} test) is built with the running test instance as its
 * enclosing instance. A class that cannot be instantiated (abstract, an inner class of something
 * else, no such constructor) is an {@link ExtensionConfigurationException} that says so and where
 * it was named.
 *
 * <pre>{@code
 * Supplier<KvMock> factory = Instantiation.factory(KvMock.class, testInstances, "ShopTest.buys(): @Component(name = \"kv\")");
 * KvMock fresh = factory.get();
 * }</pre>
 */
final class Instantiation {
  private Instantiation() {}

  /**
   * A factory of fresh instances of {@code type}, checked now; an inner class gets the one of
   * {@code testInstances} (outermost first) it belongs to. {@code where} names the site.
   */
  static <T> Supplier<T> factory(Class<T> type, List<Object> testInstances, String where) {
    Object[] arguments = {};
    Constructor<T> constructor;
    if (isInner(type)) {
      Object enclosing = enclosingInstance(type, testInstances, where);
      arguments = new Object[] {enclosing};
      constructor = constructor(type, where, type.getEnclosingClass());
    } else {
      constructor = constructor(type, where);
    }
    Object[] args = arguments;
    return () -> {
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(
            "the constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName() + ": " + e, e);
      }
    };
  }

  private static boolean isInner(Class<?> type) {
    return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
  }

  private static Object enclosingInstance(Class<?> type, List<Object> testInstances, String where) {
    for (Object instance : testInstances) {
      if (type.getEnclosingClass().isInstance(instance)) {
        return instance;
      }
    }
    throw new ExtensionConfigurationException(
        where
            + ": "
            + type.getName()
            + " is an inner class of "
            + type.getEnclosingClass().getName()
            + ", which is not the test class; make it static");
  }

  private static <T> Constructor<T> constructor(
      Class<T> type, String where, Class<?>... parameters) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new ExtensionConfigurationException(
          where + ": " + type.getName() + " is abstract; name a concrete class");
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(parameters);
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException e) {
      throw new ExtensionConfigurationException(
          where + ": " + type.getName() + " has no constructor without arguments", e);
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(
          where + ": the constructor of " + type.getName() + " is not accessible: " + e, e);
    }
  }
}
