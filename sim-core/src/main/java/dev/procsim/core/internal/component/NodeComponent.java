package dev.procsim.core.internal.component;

import dev.procsim.core.Message;
import dev.procsim.core.Node;
import dev.procsim.core.SimulationException;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.WaitStrategy;
import dev.procsim.core.internal.process.Incarnation;
import dev.procsim.core.internal.text.ConsoleEcho;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A component that is a Java object ({@link Node}), built by its factory at start and at every
 * restart. Deliveries go through a {@link NodeMailbox} (its own thread, one call at a time); what
 * it sends goes through the router like a process's lines, so faults, fates and log entries are the
 * same. Its pid is -1. A crash drops the object and its state; an exception thrown by the node is
 * recorded as its stderr and ends it with exit code 1. Idle means its handler has returned.
 *
 * <pre>{@code
 * NodeComponent kv = new NodeComponent("kv", KvMock::new, environment, store, echo, waits, 100_000, "run-1");
 * kv.connect(router);
 * kv.start();
 * }</pre>
 */
public final class NodeComponent extends ComponentRuntime {
  /** The exit code recorded for a crash, as for a process killed with SIGKILL. */
  static final int CRASH_EXIT_CODE = 137;

  private final Supplier<? extends Node> factory;
  private final NodeEnvironment environment;
  private final int backlog;
  private final String threadPrefix;
  private volatile NodeIncarnation current;
  // The next incarnation's mailbox: messages may wait in it before the node exists, as they wait
  // in a process's stdin writer before the process does.
  private volatile NodeMailbox mailbox;
  private volatile String className = "Java node";

  /** One incarnation: the node object, its context and its mailbox. */
  private record NodeIncarnation(Node node, NodeContextImpl context, NodeMailbox mailbox) {}

  /** A node component that is not started yet. */
  public NodeComponent(
      String name,
      Supplier<? extends Node> factory,
      NodeEnvironment environment,
      LogStore log,
      ConsoleEcho echo,
      WaitStrategy waits,
      int backlog,
      String threadPrefix) {
    super(name, log, echo, waits);
    this.factory = factory;
    this.environment = environment;
    this.backlog = backlog;
    this.threadPrefix = threadPrefix;
    this.mailbox = new NodeMailbox(name, log, backlog);
  }

  @Override
  public synchronized void start() {
    launch();
  }

  private void launch() {
    Node node;
    try {
      node = factory.get();
    } catch (RuntimeException | Error e) { // user code, such as a failing static initialiser
      throw new SimulationException(
          "component \"" + name() + "\": its node factory failed: " + e, e);
    }
    if (node == null) {
      throw new SimulationException("component \"" + name() + "\": its node factory gave null");
    }
    className = displayName(node.getClass());
    NodeContextImpl context = new NodeContextImpl(name(), router(), environment);
    NodeMailbox waiting = mailbox;
    NodeIncarnation incarnation = new NodeIncarnation(node, context, waiting);
    records().recordStarted(name(), -1, List.of(className));
    current = incarnation;
    waiting.start(
        threadPrefix + "-" + name() + "-node",
        () -> node.start(context),
        message -> node.receive(message.from(), message.body(), context),
        failure -> fail(incarnation, failure));
  }

  /** A class's name as logs show it; a lambda's hidden class by where it was written. */
  private static String displayName(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda) + " (lambda)";
  }

  /**
   * The node threw: its stack trace becomes its stderr, and it ends with exit code 1. All of it
   * under the component's monitor, so that a restart sees the end recorded before it starts anew.
   */
  private synchronized void fail(NodeIncarnation incarnation, Throwable failure) {
    if (!incarnation.context().isLive()) {
      return; // crashed or closed meanwhile: that incarnation's end is recorded already
    }
    incarnation.context().end();
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    for (String line : trace.toString().split("\\R")) {
      router().errorOutput(name(), line);
    }
    incarnation.mailbox().stop(name() + " has exited (exit code 1)");
    echo()
        .warning(
            records()
                .recordExited(
                    name(), -1, 1, records().lastErrorsOf(name(), Incarnation.LAST_ERRORS_SHOWN))
                .describe());
  }

  @Override
  public String accept(Message message) {
    return mailbox.offer(message);
  }

  @Override
  public boolean isHeld() {
    return isPaused();
  }

  @Override
  public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    NodeIncarnation incarnation = current;
    return incarnation == null || incarnation.mailbox().awaitIdle(deadlineNanos);
  }

  @Override
  public String activity() {
    NodeIncarnation incarnation = current;
    return incarnation == null ? "it had not started" : incarnation.mailbox().activity();
  }

  @Override
  public synchronized void crash() {
    requireOpen("crash");
    NodeIncarnation incarnation = requireRunning("crash");
    log().recordFault("crash", name() + " (Java node) dropped with its state");
    // Marked before the exit is recorded: whoever sees the exit must also see that it was a crash.
    setCrashed(true);
    end(incarnation, name() + " is down: it was crashed", CRASH_EXIT_CODE);
    setPaused(false);
  }

  /** Ends an incarnation: no more deliveries, its context goes dead, its exit is recorded. */
  private void end(NodeIncarnation incarnation, String reason, int exitCode) {
    incarnation.context().end();
    incarnation.mailbox().stop(reason);
    records().recordExited(name(), -1, exitCode, List.of());
  }

  @Override
  public synchronized void restart() {
    requireOpen("restart");
    NodeIncarnation old = requireStarted("restart");
    if (old.context().isLive()) {
      crash();
    }
    log().recordFault("restart", name() + " with a new instance from its factory");
    mailbox = new NodeMailbox(name(), log(), backlog);
    try {
      launch();
      // Cleared once the new instance is current: until then the old exit still shows.
      setCrashed(false);
    } catch (SimulationException e) {
      // Down it stays: what comes for it is refused, not kept for a start that will not come.
      mailbox.stop(name() + " is down: its restart failed");
      setCrashed(true);
      throw e;
    }
    fire(LifecycleListener.Change.RESTARTED);
  }

  @Override
  public synchronized void pause() {
    requireOpen("pause");
    NodeIncarnation incarnation = requireRunning("pause");
    if (isPaused()) {
      return;
    }
    incarnation.mailbox().hold(true);
    setPaused(true);
    log().recordFault("pause", name() + " (Java node) holds its deliveries");
  }

  @Override
  public synchronized void resume() {
    requireOpen("resume");
    NodeIncarnation incarnation = requireStarted("resume");
    if (!isPaused()) {
      return;
    }
    setPaused(false);
    // Logged before the held messages go out, so the log shows them delivered after the resume.
    log().recordFault("resume", name() + " (Java node) takes its deliveries again");
    incarnation.mailbox().hold(false);
    fire(LifecycleListener.Change.RESUMED);
  }

  @Override
  protected boolean isStarted() {
    return current != null;
  }

  private NodeIncarnation requireStarted(String operation) {
    return requireStarted(current, operation);
  }

  private NodeIncarnation requireRunning(String operation) {
    NodeIncarnation incarnation = requireStarted(operation);
    if (!incarnation.context().isLive()) {
      throw notRunning(operation);
    }
    return incarnation;
  }

  @Override
  public void resumeIfPaused() {
    // Nothing to do: a Java node needs no end of input to stop.
  }

  @Override
  public Optional<ProcessHandle> processHandle() {
    return Optional.empty();
  }

  @Override
  public synchronized void closeInput(String reason) {
    NodeIncarnation incarnation = current;
    if (incarnation != null && incarnation.context().isLive()) {
      end(incarnation, reason, 0);
    }
    mailbox.stop(reason); // what waited for a start that never came
  }

  @Override
  public void awaitSettled(long millis) throws InterruptedException {
    NodeIncarnation incarnation = current;
    if (incarnation != null) {
      incarnation.mailbox().join(millis);
    }
  }

  @Override
  public List<String> command() {
    return List.of(className);
  }

  @Override
  public long pid() {
    return -1;
  }

  @Override
  public boolean isAlive() {
    NodeIncarnation incarnation = current;
    return incarnation != null && incarnation.context().isLive();
  }

  @Override
  public String toString() {
    return "component " + name() + " (Java node " + className + ")";
  }
}
