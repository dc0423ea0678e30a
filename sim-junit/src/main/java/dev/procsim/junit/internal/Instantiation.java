package dev.procsim.junit.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Makes instances of the classes annotations name ({@code @Component(node = ..., protocol = ...)}):
 * through their no-argument constructor, which may be private. A class that cannot be instantiated
 * that way (abstract, an inner class of an instance, no such constructor) is an {@link
 * ExtensionConfigurationException} that says so and where it was named.
 *
 * <pre>{@code
 * Supplier<KvMock> factory = Instantiation.factory(KvMock.class, "ShopTest.buys(): @Component(name = \"kv\")");
 * KvMock fresh = factory.get();
 * }</pre>
 */
final class Instantiation {
  private Instantiation() {}

  /** A factory of fresh instances of {@code type}, checked now; {@code where} names the site. */
  static <T> Supplier<T> factory(Class<T> type, String where) {
    Constructor<T> constructor = noArgumentConstructor(type, where);
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(
            "the constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName() + ": " + e, e);
      }
    };
  }

  private static <T> Constructor<T> noArgumentConstructor(Class<T> type, String where) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new ExtensionConfigurationException(
          where + ": " + type.getName() + " is abstract; name a concrete class");
    }
    if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
      throw new ExtensionConfigurationException(
          where
              + ": "
              + type.getName()
              + " is an inner class, which needs an instance of its enclosing class; make it"
              + " static");
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor();
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
