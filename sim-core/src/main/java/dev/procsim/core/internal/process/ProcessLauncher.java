package dev.procsim.core.internal.process;

import dev.procsim.core.ComponentSpec;
import dev.procsim.core.SimulationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the processes of one component: its command, its environment (the spec's variables, then
 * procsim's own {@code PROCSIM_*}, which always win) and its working directory. A process that
 * cannot start is a {@link SimulationException} that names the component and says why in words (no
 * such program on the PATH, not executable, no such working directory).
 *
 * <pre>{@code
 * ProcessLauncher launcher =
 *     new ProcessLauncher(spec, Map.of("PROCSIM_RUN", runId), new RunContainment(runId));
 * Process process = launcher.start();
 * }</pre>
 */
public final class ProcessLauncher {
  private final ComponentSpec spec;
  private final Map<String, String> procsimEnvironment;
  private final RunContainment containment;

  /**
   * A launcher for {@code spec}, adding {@code procsimEnvironment} to every process, each started
   * inside {@code containment}.
   */
  public ProcessLauncher(
      ComponentSpec spec, Map<String, String> procsimEnvironment, RunContainment containment) {
    this.spec = spec;
    this.procsimEnvironment = Map.copyOf(procsimEnvironment);
    this.containment = containment;
  }

  /** The spec it starts. */
  public ComponentSpec spec() {
    return spec;
  }

  /**
   * Starts one process.
   *
   * @throws SimulationException naming the component when it cannot be started
   */
  public Process start() {
    ProcessBuilder builder = new ProcessBuilder(spec.command());
    Map<String, String> env = builder.environment();
    env.put("PYTHONUNBUFFERED", "1");
    // Python randomises the hash of str (so the order of a set) per process: fixed from the
    // component's seed, a run is repeatable. The spec may say otherwise.
    String seed = procsimEnvironment.get("PROCSIM_SEED");
    if (seed != null) {
      env.put(
          "PYTHONHASHSEED", Long.toString(Long.remainderUnsigned(Long.parseLong(seed), 1L << 32)));
    }
    env.putAll(spec.environment());
    env.putAll(procsimEnvironment);
    if (spec.acks()) {
      env.put("PROCSIM_ACK", spec.ackMarker());
    }
    spec.workingDirectoryIfSet().ifPresent(dir -> builder.directory(checkDirectory(dir)));
    try {
      return containment.start(builder::start);
    } catch (IOException e) {
      throw new SimulationException(describeStartFailure(e), e);
    } catch (Exception e) {
      throw new SimulationException(
          "component \"" + spec.name() + "\": cannot start " + spec.command() + ": " + e, e);
    }
  }

  private File checkDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SimulationException(
          "component \""
              + spec.name()
              + "\": the working directory "
              + dir.toAbsolutePath()
              + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    return dir.toFile();
  }

  private String describeStartFailure(IOException e) {
    String program = spec.command().get(0);
    String detail = String.valueOf(e.getMessage());
    String why;
    if (detail.contains("error=2,")) {
      why =
          program.contains("/")
              ? "no such file: " + program
              : "no program \"" + program + "\" on the PATH (" + System.getenv("PATH") + ")";
    } else if (detail.contains("error=13,")) {
      why =
          program
              + " cannot be executed (permission denied: is it a directory, or not executable?)";
    } else {
      why = detail;
    }
    return "component \"" + spec.name() + "\": cannot start " + spec.command() + ": " + why;
  }
}
