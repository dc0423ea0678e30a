package dev.procsim.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable description of the network between components: default {@link LinkFaults} for every
 * link and overrides for some links (a link is one direction: {@code a -> b}). Give it to {@link
 * Simulator.Builder#network(Network)}, or change it while running with {@link
 * Simulator#network(Network)}.
 *
 * <p>Every fault decision is a pure function of the simulation seed, the link and the message's
 * number on that link: the same seed drops, duplicates and delays the same messages, however the
 * threads interleave.
 *
 * <pre>{@code
 * Network net = Network.builder()
 *     .latency(Duration.ofMillis(1), Duration.ofMillis(20))   // uniform, so messages reorder
 *     .loss(0.1)
 *     .duplication(0.05)
 *     .link("client", "server", LinkFaults.none().withLoss(0.5))
 *     .build();
 * }</pre>
 */
public final class Network {
  private static final Network RELIABLE = new Network(LinkFaults.none(), Map.of());

  private final LinkFaults defaults;
  private final Map<String, LinkFaults> links;

  private Network(LinkFaults defaults, Map<String, LinkFaults> links) {
    this.defaults = defaults;
    this.links = Map.copyOf(links);
  }

  /** Every message delivered once, at once: the default. */
  public static Network reliable() {
    return RELIABLE;
  }

  /** A builder that starts from a reliable network. */
  public static Builder builder() {
    return new Builder();
  }

  /** The faults of the link {@code from -> to}: its override, or the defaults. */
  public LinkFaults faultsOf(String from, String to) {
    return links.getOrDefault(key(from, to), defaults);
  }

  /** The faults of every link without an override. */
  public LinkFaults defaults() {
    return defaults;
  }

  /** Whether no link has any fault. */
  public boolean isReliable() {
    return defaults.isPerfect() && links.values().stream().allMatch(LinkFaults::isPerfect);
  }

  private static String key(String from, String to) {
    return from + " -> " + to;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(defaults.toString());
    links.forEach((link, faults) -> text.append("; ").append(link).append(": ").append(faults));
    return text.toString();
  }

  /**
   * Builds a {@link Network}. Defaults: no latency, no loss, no duplication.
   *
   * <pre>{@code
   * Network.builder().exponentialLatency(Duration.ofMillis(5)).loss(0.01).build();
   * }</pre>
   */
  public static final class Builder {
    private LinkFaults defaults = LinkFaults.none();
    private final Map<String, LinkFaults> links = new LinkedHashMap<>();

    private Builder() {}

    /** The same latency for every message. */
    public Builder latency(Duration delay) {
      return latency(Latency.fixed(delay));
    }

    /** A latency uniformly distributed between {@code min} and {@code max}. */
    public Builder latency(Duration min, Duration max) {
      return latency(Latency.uniform(min, max));
    }

    /** An exponentially distributed latency with this mean. */
    public Builder exponentialLatency(Duration mean) {
      return latency(Latency.exponential(mean));
    }

    /** The latency of every link without an override. */
    public Builder latency(Latency latency) {
      defaults = defaults.withLatency(latency);
      return this;
    }

    /** The probability that a message is lost, on every link without an override. */
    public Builder loss(double probability) {
      defaults = defaults.withLoss(probability);
      return this;
    }

    /** The probability that a message is duplicated, on every link without an override. */
    public Builder duplication(double probability) {
      defaults = defaults.withDuplication(probability);
      return this;
    }

    /**
     * Gives the link {@code from -> to} (one direction) its own faults, instead of the defaults.
     */
    public Builder link(String from, String to, LinkFaults faults) {
      ComponentSpec.requireValidName(from);
      ComponentSpec.requireValidName(to);
      links.put(key(from, to), Objects.requireNonNull(faults, "faults"));
      return this;
    }

    /** The network. */
    public Network build() {
      return new Network(defaults, links);
    }
  }
}
