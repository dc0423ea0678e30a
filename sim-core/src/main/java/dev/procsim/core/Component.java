package dev.procsim.core;

/**
 * The old name of {@link ComponentHandle}, kept so that code written for it compiles: {@link
 * Simulator#component(String)} still returns this type, which adds nothing to {@code
 * ComponentHandle}. In a JUnit test it clashes with the {@code @Component} annotation ({@code
 * Component f2 = sim.component("f2")} does not compile next to {@code import
 * dev.procsim.junit.Component}); write {@code ComponentHandle f2 = sim.component("f2")} instead.
 *
 * <pre>{@code
 * ComponentHandle f2 = sim.component("f2");   // rather than Component f2 = ...
 * }</pre>
 *
 * @deprecated use {@link ComponentHandle}, the same thing under a name of its own
 */
@Deprecated
public interface Component extends ComponentHandle {}
