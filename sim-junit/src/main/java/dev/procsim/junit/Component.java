package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one component of a {@link SimulationTest}: a name and either a {@link #command()} or a
 * Java {@link #main()} class run from the test classpath. Repeatable. On a method it belongs to
 * that test; on a class (or an enclosing class of a {@code @Nested} class, or a superclass) it
 * joins every simulation test of the class. Names must be unique across all of them.
 *
 * <pre>{@code
 * @Component(name = "store", command = {"python3", "nodes/store.py"}, env = "STORE_SIZE=10")
 * class StoreTest {
 *   @SimulationTest
 *   @Component(name = "client", main = ClientNode.class, args = {"--writes", "100"})
 *   void clientWritesReachTheStore(Simulator sim) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Components.class)
public @interface Component {

  /** The component's name, as used in {@code send <target> <message>} lines. */
  String name();

  /** The program and its arguments. Give this or {@link #main()}, not both. */
  String[] command() default {};

  /**
   * A Java class with a {@code main} method, run in a fresh JVM with the test's classpath. Give
   * this or {@link #command()}, not both.
   */
  Class<?> main() default void.class;

  /** Arguments for {@link #main()}. */
  String[] args() default {};

  /** Extra environment variables, each {@code KEY=VALUE}. */
  String[] env() default {};

  /** The working directory, relative to the test's; the test's own when empty. */
  String workingDirectory() default "";

  /**
   * Whether the component speaks the acknowledgement protocol: it prints the line in {@code
   * PROCSIM_ACK} once ready and after handling each input, so stepped runs know exactly when it is
   * idle. See {@link dev.procsim.core.ComponentSpec#withAcks()}.
   */
  boolean acks() default false;
}
