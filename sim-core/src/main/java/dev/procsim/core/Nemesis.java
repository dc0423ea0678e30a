package dev.procsim.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A seeded schedule of faults injected while a test runs. At every tick (a random interval between
 * {@link Builder#interval min and max}) the nemesis lifts the fault it injected last (heals the
 * partition, restarts the crashed component, resumes the paused one) and injects a new one. Which
 * fault, which component and which partition shape are chosen by the simulation seed: the same seed
 * gives the same sequence of decisions. Every decision is logged.
 *
 * <p>End with {@link Simulator#healAll()}: the nemesis stops and everything is healed, so the test
 * can check that the system recovers (the liveness phase).
 *
 * <pre>{@code
 * Simulator sim = Simulator.builder()
 *     .component("n1", "python3", "node.py") ...
 *     .nemesis(Nemesis.builder()
 *         .interval(Duration.ofMillis(200), Duration.ofSeconds(2))
 *         .faults(Nemesis.Fault.PARTITION, Nemesis.Fault.CRASH_RESTART)
 *         .build())
 *     .build()
 *     .start();
 * ... run the workload ...
 * sim.healAll();
 * ... check that the system converges ...
 * }</pre>
 */
public final class Nemesis {
  /** The kinds of fault a nemesis injects. */
  public enum Fault {
    /** A {@link PartitionShape} chosen by the seed; lifted by a heal. */
    PARTITION,
    /** A crash of one component chosen by the seed; lifted by a restart. */
    CRASH_RESTART,
    /** A pause of one component chosen by the seed; lifted by a resume. */
    PAUSE
  }

  private final Duration minInterval;
  private final Duration maxInterval;
  private final Set<Fault> faults;
  private final List<String> targets;

  private Nemesis(Builder builder) {
    this.minInterval = builder.minInterval;
    this.maxInterval = builder.maxInterval;
    this.faults = Set.copyOf(builder.faults);
    this.targets = List.copyOf(builder.targets);
  }

  /** A builder: every 200 ms to 2 s, all kinds of fault, every component a possible target. */
  public static Builder builder() {
    return new Builder();
  }

  /** The shortest time between two ticks. */
  public Duration minInterval() {
    return minInterval;
  }

  /** The longest time between two ticks. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** The kinds of fault it injects, in declaration order. */
  public List<Fault> faults() {
    List<Fault> ordered = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      if (faults.contains(fault)) {
        ordered.add(fault);
      }
    }
    return ordered;
  }

  /** The components it may crash or pause; empty means all. */
  public List<String> targets() {
    return targets;
  }

  @Override
  public String toString() {
    return "every "
        + Durations.format(minInterval)
        + ".."
        + Durations.format(maxInterval)
        + ": "
        + faults()
        + (targets.isEmpty() ? "" : " on " + targets);
  }

  /**
   * Configures a {@link Nemesis}.
   *
   * <pre>{@code
   * Nemesis.builder().interval(Duration.ofMillis(50), Duration.ofMillis(500)).faults(Nemesis.Fault.PAUSE).build();
   * }</pre>
   */
  public static final class Builder {
    private Duration minInterval = Duration.ofMillis(200);
    private Duration maxInterval = Duration.ofSeconds(2);
    private Set<Fault> faults = EnumSet.allOf(Fault.class);
    private List<String> targets = List.of();

    private Builder() {}

    /** Ticks at random intervals between {@code min} and {@code max}. */
    public Builder interval(Duration min, Duration max) {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "the nemesis interval must satisfy 0 < min <= max, got "
                + Durations.format(min)
                + ".."
                + Durations.format(max));
      }
      this.minInterval = min;
      this.maxInterval = max;
      return this;
    }

    /** The kinds of fault to inject; at least one. */
    public Builder faults(Fault... kinds) {
      if (kinds.length == 0) {
        throw new IllegalArgumentException("a nemesis needs at least one kind of fault");
      }
      this.faults = EnumSet.copyOf(List.of(kinds));
      return this;
    }

    /** Only these components are crashed or paused (partitions still involve everyone). */
    public Builder targets(String... components) {
      for (String name : components) {
        ComponentSpec.requireValidName(name);
      }
      this.targets = List.of(components);
      return this;
    }

    /** The nemesis. */
    public Nemesis build() {
      return new Nemesis(this);
    }
  }
}
