package dev.procsim.core.internal.component;

/**
 * Told when a component was restarted or resumed: it may be busy with what it does at start, and
 * messages held for it may go. A component keeps a list of listeners; each is called in turn.
 *
 * <pre>{@code
 * component.addListener((c, change) -> scheduler.participantChanged(c));
 * }</pre>
 */
@FunctionalInterface
public interface LifecycleListener {
  /** What happened. */
  enum Change {
    /** A fresh incarnation replaced the old one. */
    RESTARTED,
    /** A paused component continues. */
    RESUMED
  }

  /** Called after {@code component} changed, on the thread that changed it. */
  void changed(ComponentRuntime component, Change change);
}
