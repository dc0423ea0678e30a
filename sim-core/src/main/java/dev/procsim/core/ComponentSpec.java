package dev.procsim.core;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run for one component: its name, its command, extra environment variables, its working
 * directory, its acknowledgement marker and the wire protocol it speaks. Immutable; every {@code
 * withX} returns a new spec.
 *
 * <p>The name must be non-empty, free of whitespace and control characters, must not contain {@code
 * /}, {@code \} or {@code ,}, and must not be {@code .} or {@code ..}: names travel in {@code send}
 * lines, in the comma-separated {@code PROCSIM_COMPONENTS} variable, and may become part of file
 * names.
 *
 * <p>Every process gets {@code PROCSIM_COMPONENT} (its name), {@code PROCSIM_COMPONENTS} (all,
 * comma separated), {@code PROCSIM_SEED} ({@link Seeds#forComponent}), {@code PROCSIM_RUN} (unique
 * to the simulator, to find leaks) and {@code PYTHONUNBUFFERED=1} unless its spec sets it.
 *
 * <pre>{@code
 * Simulator sim = Simulator.builder()
 *     .component(ComponentSpec.of("kv1", "python3", "kv.py")
 *         .withEnvironment("KV_MODE", "leader")
 *         .withWorkingDirectory(Path.of("nodes"))
 *         .withProtocol(WireProtocol.LINE))
 *     .build();
 * }</pre>
 *
 * @param name the component's name, unique within a simulation
 * @param command the program and its arguments; not empty
 * @param environment variables added to (or overriding) the inherited environment; procsim's own
 *     {@code PROCSIM_*} variables always win
 * @param workingDirectory where the process starts; the JVM's working directory when null
 * @param ackMarker the line the component prints when it is ready and after it has handled each
 *     input (the acknowledgement protocol of stepped runs), or empty when it does not
 * @param protocol the wire protocol it speaks, or null for the simulation's default
 * @param senderNames whether each line it reads starts with the sender's name and a space ({@code
 *     <from> <message>}), so that it knows whom to answer
 */
public record ComponentSpec(
    String name,
    List<String> command,
    Map<String, String> environment,
    Path workingDirectory,
    String ackMarker,
    WireProtocol protocol,
    boolean senderNames) {
  /** The marker {@link #withAcks()} uses: a line no ordinary output is likely to be. */
  public static final String DEFAULT_ACK_MARKER = "procsim:ack";

  /** The name of the simulator itself, as a target: {@code send procsim timer <ms> <payload>}. */
  public static final String SIMULATOR_NAME = "procsim";

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
    for (String part : command) {
      if (part.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "component \""
                + name
                + "\": the command argument "
                + Texts.quote(part)
                + " contains a NUL character, which the OS cannot pass to a process");
      }
    }
    command = List.copyOf(command);
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    environment.forEach((key, value) -> requireValidVariable(name, key, value));
    Objects.requireNonNull(ackMarker, "ackMarker");
    if (ackMarker.indexOf('\n') >= 0 || ackMarker.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "component \"" + name + "\": the ack marker cannot contain a line break");
    }
  }

  /** An environment entry the OS can pass: a name without '=' or NUL, a value without NUL. */
  private static void requireValidVariable(String component, String key, String value) {
    String problem =
        key.isEmpty()
            ? "has an empty name"
            : key.indexOf('=') >= 0
                ? "has a name with '=', which would end the name there"
                : key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0
                    ? "contains a NUL character, which the OS cannot pass to a process"
                    : null;
    if (problem != null) {
      throw new IllegalArgumentException(
          "component \""
              + component
              + "\": the environment variable "
              + Texts.quote(key)
              + " "
              + problem);
    }
  }

  /** A spec speaking the simulation's default protocol (the form before protocols existed). */
  public ComponentSpec(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      String ackMarker) {
    this(name, command, environment, workingDirectory, ackMarker, null, false);
  }

  /** A spec with no extra environment, started in the JVM's working directory. */
  public static ComponentSpec of(String name, String... command) {
    Objects.requireNonNull(command, "command");
    return new ComponentSpec(name, Arrays.asList(command), Map.of(), null, "", null, false);
  }

  /** This spec with one more environment variable. */
  public ComponentSpec withEnvironment(String key, String value) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new ComponentSpec(
        name, command, env, workingDirectory, ackMarker, protocol, senderNames);
  }

  /** This spec started in {@code directory}. */
  public ComponentSpec withWorkingDirectory(Path directory) {
    return new ComponentSpec(
        name,
        command,
        environment,
        Objects.requireNonNull(directory, "directory"),
        ackMarker,
        protocol,
        senderNames);
  }

  /**
   * This component speaks the acknowledgement protocol with the marker {@value
   * #DEFAULT_ACK_MARKER}: it prints the marker line once it is ready, and again after it has
   * handled each input line (its messages for that input printed before). Stepped runs then know
   * exactly when it is idle. The marker reaches the process in {@code PROCSIM_ACK}.
   */
  public ComponentSpec withAcks() {
    return withAckMarker(DEFAULT_ACK_MARKER);
  }

  /** Like {@link #withAcks()}, with another marker line. */
  public ComponentSpec withAckMarker(String marker) {
    if (Objects.requireNonNull(marker, "marker").isBlank()) {
      throw new IllegalArgumentException("component \"" + name + "\": the ack marker is blank");
    }
    return new ComponentSpec(
        name, command, environment, workingDirectory, marker, protocol, senderNames);
  }

  /**
   * This component speaks {@code wireProtocol} instead of the simulation's default: its stdout
   * lines are decoded, and messages to it encoded, with it.
   */
  public ComponentSpec withProtocol(WireProtocol wireProtocol) {
    return new ComponentSpec(
        name,
        command,
        environment,
        workingDirectory,
        ackMarker,
        Objects.requireNonNull(wireProtocol, "wireProtocol"),
        senderNames);
  }

  /**
   * Every line this component reads starts with the sender's name and a space: {@code <from>
   * <message>} ({@code procsim} for a timer, the test's name for what it injects), so that it knows
   * whom to answer without putting its own name into every body.
   */
  public ComponentSpec withSenderNames() {
    return new ComponentSpec(
        name, command, environment, workingDirectory, ackMarker, protocol, true);
  }

  /** The protocol it speaks, if it chose one; else it speaks the simulation's default. */
  public Optional<WireProtocol> protocolIfSet() {
    return Optional.ofNullable(protocol);
  }

  /** Whether it speaks the acknowledgement protocol. */
  public boolean acks() {
    return !ackMarker.isEmpty();
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
    if (name.equals(SIMULATOR_NAME)) {
      throw new IllegalArgumentException(
          "component name \"" + SIMULATOR_NAME + "\" is reserved: it names the simulator itself");
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
