package dev.procsim.junit.internal;

import java.util.regex.Pattern;

/**
 * What makes two failures of a sweep "the same": the first line of the failure message without its
 * {@code seed N:} headline prefix and with every number masked, so that {@code expected 3 but was
 * 4} and {@code expected 7 but was 9} group together while {@code timed out} stays apart.
 *
 * <pre>{@code
 * FailureSignature.of("seed 42: expected 3 leaders but was 4\n..."); // "expected N leaders but was N"
 * FailureSignature.headline("seed 42: expected 3 leaders but was 4\n..."); // "expected 3 leaders but was 4"
 * }</pre>
 */
public final class FailureSignature {
  private static final Pattern SEED_PREFIX =
      Pattern.compile("^(?:procsim: )?seed -?\\d+(?: \\(again, compared\\))?: ");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final int LONGEST = 300;

  private FailureSignature() {}

  /** The message's first line, without the seed prefix, cut to a readable length. */
  public static String headline(String message) {
    if (message == null || message.isBlank()) {
      return "(a failure without a message)";
    }
    String first = message.strip().lines().findFirst().orElse("");
    String bare = SEED_PREFIX.matcher(first).replaceFirst("");
    return bare.length() > LONGEST ? bare.substring(0, LONGEST) + "…" : bare;
  }

  /** The headline with every number masked as {@code N}. */
  public static String of(String message) {
    return NUMBER.matcher(headline(message)).replaceAll("N");
  }
}
