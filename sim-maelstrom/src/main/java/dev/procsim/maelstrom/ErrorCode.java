package dev.procsim.maelstrom;

import java.util.Optional;

/**
 * Maelstrom's error codes, as its protocol defines them: a node answers a request it cannot serve
 * with {@code {"type": "error", "code": <code>, "text": "...", "in_reply_to": <msg_id>}}. A
 * definite error means the operation did not and never will happen (the client records it as {@code
 * fail}); an indefinite one means it may have happened, or may yet ({@code info}). Codes below 1000
 * are Maelstrom's; any other code is the node's own and counts as indefinite, since nothing says it
 * is not.
 *
 * <pre>{@code
 * ErrorCode.of(22).orElseThrow().definite();   // true: precondition-failed
 * ErrorCode.isDefinite(13);                    // false: crash
 * }</pre>
 */
public enum ErrorCode {
  /** The operation could not be completed in time. */
  TIMEOUT(0, "timeout", false),
  /** A request to a node that does not exist. */
  NODE_NOT_FOUND(1, "node-not-found", true),
  /** The operation is not supported by this implementation. */
  NOT_SUPPORTED(10, "not-supported", true),
  /** The operation cannot be performed now (no quorum, not initialized, ...). */
  TEMPORARILY_UNAVAILABLE(11, "temporarily-unavailable", true),
  /** The request was malformed. */
  MALFORMED_REQUEST(12, "malformed-request", true),
  /** The node crashed while handling the request; it may have taken effect. */
  CRASH(13, "crash", false),
  /** The operation was aborted. */
  ABORT(14, "abort", true),
  /** The key does not exist. */
  KEY_DOES_NOT_EXIST(20, "key-does-not-exist", true),
  /** The key already exists. */
  KEY_ALREADY_EXISTS(21, "key-already-exists", true),
  /** A precondition (a compare-and-set's {@code from}) did not hold. */
  PRECONDITION_FAILED(22, "precondition-failed", true),
  /** A transaction conflicted with another and was aborted. */
  TXN_CONFLICT(30, "txn-conflict", true);

  private final int code;
  private final String label;
  private final boolean definite;

  ErrorCode(int code, String label, boolean definite) {
    this.code = code;
    this.label = label;
    this.definite = definite;
  }

  /** The number on the wire. */
  public int code() {
    return code;
  }

  /** Maelstrom's name for it, e.g. {@code key-does-not-exist}. */
  public String label() {
    return label;
  }

  /** Whether the operation certainly did not happen. */
  public boolean definite() {
    return definite;
  }

  /** The error with this code, if Maelstrom defines one. */
  public static Optional<ErrorCode> of(int code) {
    for (ErrorCode error : values()) {
      if (error.code == code) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  /** Whether an error with this code means the operation did not happen; unknown codes do not. */
  public static boolean isDefinite(int code) {
    return of(code).map(ErrorCode::definite).orElse(false);
  }

  /**
   * The code and its name, e.g. {@code 20 (key-does-not-exist)}; a code of the node's own alone.
   */
  public static String describe(int code) {
    return of(code).map(e -> code + " (" + e.label + ")").orElse(String.valueOf(code));
  }
}
