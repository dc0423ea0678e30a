package dev.procsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container of repeated {@link Component @Component} annotations; write several
 * {@code @Component} instead of using it directly.
 *
 * <pre>{@code
 * @Component(name = "a", command = "cat")
 * @Component(name = "b", command = "cat")
 * class TwoCats { }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulationExtension.class)
public @interface Components {
  /** The components. */
  Component[] value();
}
