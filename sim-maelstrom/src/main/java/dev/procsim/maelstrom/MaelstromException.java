package dev.procsim.maelstrom;

/**
 * A Maelstrom run that could not be judged: a node that did not complete the {@code init} handshake
 * (named, with what it printed), a node command that could not start. A run whose nodes misbehave
 * later is judged instead: see {@link MaelstromResult#verdict()}.
 *
 * <pre>{@code
 * try {
 *   MaelstromRun.builder().workload("echo").bin("python3", "broken.py").run();
 * } catch (MaelstromException e) {
 *   System.err.println(e.getMessage());   // "n0 did not answer init ..., it printed ..."
 * }
 * }</pre>
 */
public final class MaelstromException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for a person. */
  public MaelstromException(String message) {
    super(message);
  }

  /** With a message for a person and the cause. */
  public MaelstromException(String message, Throwable cause) {
    super(message, cause);
  }
}
