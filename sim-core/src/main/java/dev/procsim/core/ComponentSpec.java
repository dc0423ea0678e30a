package dev.procsim.core;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run for one component: its name, its command, extra environment variables and its working
 * directory. Immutable; every {@code withX} returns a new spec.
 *
 * <p>The name must be non-empty, free of whitespace and control characters, must not contain {@code
 * /}, {@code \} or {@code ,}, and must not be {@code .} or {@code ..}: names travel in {@code send}
 * lines, in the comma-separated {@code PROCSIM_COMPONENTS} variable, and may become part of file
 * names.
 *
 * <pre>{@code
 * Simulator sim = Simulator.builder()
 *     .component(ComponentSpec.of("kv1", "python3", "kv.py")
 *         .withEnvironment("KV_MODE", "leader")
 *         .withWorkingDirectory(Path.of("nodes")))
 *     .build();
 * }</pre>
 *
 * @param name the component's name, unique within a simulation
 * @param command the program and its arguments; not empty
 * @param environment variables added to (or overriding) the inherited environment; procsim's own
 *     {@code PROCSIM_*} variables always win
 * @param workingDirectory where the process starts; the JVM's working directory when null
 */
public record ComponentSpec(
    String name, List<String> command, Map<String, String> environment, Path workingDirectory) {

  /** Validates the name and the command, and makes defensive copies. */
  public ComponentSpec {
    requireValidName(name);
    Objects.requireNonNull(command, "command");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("component \"" + name + "\": the command is empty");
    }
    for (String part : command) {
      if (part == null) {
        throw new IllegalArgumentException(
            "component \"" + name + "\": the command " + command + " contains null");
      }
    }
    if (command.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "component \"" + name + "\": the program name of the command " + command + " is blank");
    }
    command = List.copyOf(command);
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /** A spec with no extra environment, started in the JVM's working directory. */
  public static ComponentSpec of(String name, String... command) {
    Objects.requireNonNull(command, "command");
    return new ComponentSpec(name, Arrays.asList(command), Map.of(), null);
  }

  /** This spec with one more environment variable. */
  public ComponentSpec withEnvironment(String key, String value) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new ComponentSpec(name, command, env, workingDirectory);
  }

  /** This spec started in {@code directory}. */
  public ComponentSpec withWorkingDirectory(Path directory) {
    return new ComponentSpec(
        name, command, environment, Objects.requireNonNull(directory, "directory"));
  }

  /** The working directory, if one was set. */
  public Optional<Path> workingDirectoryIfSet() {
    return Optional.ofNullable(workingDirectory);
  }

  /**
   * Checks a component name; throws {@link IllegalArgumentException} saying what is wrong with it.
   */
  public static void requireValidName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a component name is null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a component name is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "component name \"" + name + "\" is not allowed: it looks like a path");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "component name \""
                + name
                + "\" contains whitespace or a control character at index "
                + i
                + ": the name must be one token of a `send <target> <message>` line");
      }
      if (c == '/' || c == '\\' || c == ',') {
        throw new IllegalArgumentException(
            "component name \""
                + name
                + "\" contains '"
                + c
                + "': names must not look like paths and must not contain commas");
      }
    }
  }
}
