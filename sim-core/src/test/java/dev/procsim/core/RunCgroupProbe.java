package dev.procsim.core;

import dev.procsim.core.internal.process.RunCgroup;
import java.util.Optional;

/**
 * Whether this machine lets procsim make a cgroup per simulation (tests skip where it does not).
 */
final class RunCgroupProbe {
  private RunCgroupProbe() {}

  static boolean canMakeOne() {
    Optional<RunCgroup> probe = RunCgroup.create("probe-" + ProcessHandle.current().pid());
    probe.ifPresent(RunCgroup::remove);
    return probe.isPresent();
  }
}
