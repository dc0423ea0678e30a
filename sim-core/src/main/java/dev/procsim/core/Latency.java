package dev.procsim.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the network holds a message before delivering it. Each message's delay is drawn from the
 * distribution with a number that is a pure function of the seed, the link and the message's number
 * on that link, so a seed always gives the same delays. Two messages on one link may overtake each
 * other when their delays differ: that is how the network reorders.
 *
 * <pre>{@code
 * Network.builder().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(20))).build();
 * Network.builder().latency(Latency.exponential(Duration.ofMillis(5))).build();
 * }</pre>
 */
public sealed interface Latency {

  /** The delay, in nanoseconds, for a uniform random number {@code u} in [0, 1). */
  long sampleNanos(double u);

  /** No delay at all (the default): messages go out as soon as they are sent. */
  static Latency none() {
    return Fixed.NONE;
  }

  /** The same delay for every message. */
  static Latency fixed(Duration delay) {
    return new Fixed(delay);
  }

  /** A delay uniformly distributed between {@code min} and {@code max}. */
  static Latency uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /** An exponentially distributed delay with this mean: mostly short, sometimes long. */
  static Latency exponential(Duration mean) {
    return new Exponential(mean);
  }

  /** A fixed delay. */
  record Fixed(Duration delay) implements Latency {
    static final Fixed NONE = new Fixed(Duration.ZERO);

    /** Checks the delay. */
    public Fixed {
      requireNonNegative(delay, "latency");
    }

    @Override
    public long sampleNanos(double u) {
      return delay.toNanos();
    }

    @Override
    public String toString() {
      return delay.isZero() ? "none" : Durations.format(delay);
    }
  }

  /** A delay uniformly distributed in [min, max]. */
  record Uniform(Duration min, Duration max) implements Latency {
    /** Checks the bounds. */
    public Uniform {
      requireNonNegative(min, "minimum latency");
      requireNonNegative(max, "maximum latency");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "the maximum latency "
                + Durations.format(max)
                + " is below the minimum "
                + Durations.format(min));
      }
    }

    @Override
    public long sampleNanos(double u) {
      return min.toNanos() + (long) (u * (max.toNanos() - min.toNanos()));
    }

    @Override
    public String toString() {
      return Durations.format(min) + ".." + Durations.format(max);
    }
  }

  /** An exponentially distributed delay with the given mean. */
  record Exponential(Duration mean) implements Latency {
    /** Checks the mean. */
    public Exponential {
      requireNonNegative(mean, "mean latency");
    }

    @Override
    public long sampleNanos(double u) {
      return (long) (-mean.toNanos() * Math.log1p(-u));
    }

    @Override
    public String toString() {
      return "exponential(mean " + Durations.format(mean) + ")";
    }
  }

  private static void requireNonNegative(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "the " + what + " must not be negative: " + Durations.format(duration));
    }
  }
}
