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
 * <p>Messages the test injects ({@link Simulator#send}) are not faulted by default, as Maelstrom's
 * client links are not: the test's own traffic arrives, and what is tested is the system's. A link
 * given explicitly ({@link Builder#link}) applies to them all the same, and {@link
 * Builder#faultInjectedMessages()} puts them under the defaults too.
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
  private static final Network RELIABLE = new Network(LinkFaults.none(), Map.of(), false);

  private final LinkFaults defaults;
  private final Map<String, LinkFaults> links;
  private final boolean injectedFaulted;

  private Network(LinkFaults defaults, Map<String, LinkFaults> links, boolean injectedFaulted) {
    this.defaults = defaults;
    this.links = Map.copyOf(links);
    this.injectedFaulted = injectedFaulted;
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
    // Asked for every message: no key is made when no link has faults of its own.
    return links.isEmpty() ? defaults : links.getOrDefault(key(from, to), defaults);
  }

  /**
   * The faults of a message the test injects on {@code from -> to}: the link's override if it has
   * one; else the defaults when {@link #faultsInjectedMessages()}; else none.
   */
  public LinkFaults faultsOfInjected(String from, String to) {
    LinkFaults override = links.get(key(from, to));
    if (override != null) {
      return override;
    }
    return injectedFaulted ? defaults : LinkFaults.none();
  }

  /** Whether the defaults apply to messages the test injects too (not by default). */
  public boolean faultsInjectedMessages() {
    return injectedFaulted;
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
    if (injectedFaulted && !defaults.isPerfect()) {
      text.append("; messages the test injects too");
    }
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
    private boolean injectedFaulted;

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

    /**
     * The default faults apply to messages the test injects ({@link Simulator#send}) too; by
     * default those arrive unfaulted.
     */
    public Builder faultInjectedMessages() {
      this.injectedFaulted = true;
      return this;
    }

    /** The network. */
    public Network build() {
      return new Network(defaults, links, injectedFaulted);
    }
  }
}
