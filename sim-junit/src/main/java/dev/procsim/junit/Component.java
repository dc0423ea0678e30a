package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares one component of a {@link SimulationTest}: a name and one of a {@link #command()}, a
 * Java {@link #main()} class run in a JVM of its own from the test classpath, or a {@link #node()}
 * class that lives in the test's JVM. Repeatable. On a method it belongs to that test; on a class
 * (or an enclosing class of a {@code @Nested} class, or a superclass) it joins every simulation
 * test of the class. Names must be unique across all of them.
 *
 * <pre>{@code
 * @Component(name = "store", command = {"python3", "nodes/store.py"}, env = "STORE_SIZE=10")
 * class StoreTest {
 *   @SimulationTest
 *   @Component(name = "client", main = ClientNode.class, args = {"--writes", "100"})
 *   @Component(name = "clock", node = ClockMock.class)
 *   @Component(name = "legacy", command = {"./legacy"}, protocol = PipeProtocol.class)
 *   void clientWritesReachTheStore(Simulator sim) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulationExtension.class)
@Repeatable(Components.class)
public @interface Component {

  /** The component's name, as used in {@code send <target> <message>} lines. */
  String name();

  /** The program and its arguments. Give one of this, {@link #main()} and {@link #node()}. */
  String[] command() default {};

  /**
   * A Java class with a {@code main} method, run in a fresh JVM with the test's classpath. Give one
   * of this, {@link #command()} and {@link #node()}.
   */
  Class<?> main() default void.class;

  /**
   * A {@link dev.procsim.core.Node} class with a no-argument constructor (it may be private, and a
   * static nested class): the component is an instance of it in the test's JVM, built anew at every
   * restart. Give one of this, {@link #command()} and {@link #main()}.
   */
  Class<? extends dev.procsim.core.Node> node() default dev.procsim.core.Node.class;

  /**
   * Whether each line this process component reads starts with the sender's name: {@code <from>
   * <message>}. See {@link dev.procsim.core.ComponentSpec#withSenderNames()}.
   */
  boolean senderNames() default false;

  /**
   * The {@link dev.procsim.core.WireProtocol} this process component speaks, a class with a
   * no-argument constructor; the line protocol when not given.
   */
  Class<? extends dev.procsim.core.WireProtocol> protocol() default
      dev.procsim.core.WireProtocol.class;

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
