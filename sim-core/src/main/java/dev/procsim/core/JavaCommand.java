package dev.procsim.core;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the command that runs a Java main class in a fresh JVM, with the classpath of the current
 * JVM, so that components written in Java can live next to the test that uses them.
 *
 * <p>The child JVM is tuned to start fast (client compiler only, serial GC, small heap), which is
 * what a small simulated node wants; pass other JVM options with {@link #of(List, Class,
 * String...)}.
 *
 * <pre>{@code
 * Simulator sim = Simulator.builder()
 *     .component("echo", JavaCommand.of(EchoNode.class))
 *     .build();
 * }</pre>
 */
public final class JavaCommand {
  /** JVM options that make a small node start quickly and stay small. */
  public static final List<String> FAST_START_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m");

  private JavaCommand() {}

  /** {@code java <fast-start options> -cp <this JVM's classpath> <mainClass> <args>}. */
  public static String[] of(Class<?> mainClass, String... args) {
    return of(FAST_START_OPTIONS, mainClass, args);
  }

  /** {@code java <jvmOptions> -cp <this JVM's classpath> <mainClass> <args>}. */
  public static String[] of(List<String> jvmOptions, Class<?> mainClass, String... args) {
    Objects.requireNonNull(mainClass, "mainClass");
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  /**
   * This JVM's class path, and its module path when it has one (as a class path: a main class of a
   * test that runs on the module path is found too).
   */
  public static String classPath() {
    String classPath = System.getProperty("java.class.path", "");
    String modulePath = System.getProperty("jdk.module.path", "");
    if (modulePath.isEmpty()) {
      return classPath;
    }
    return classPath.isEmpty() ? modulePath : classPath + File.pathSeparator + modulePath;
  }

  /** The {@code java} launcher of the running JVM. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
