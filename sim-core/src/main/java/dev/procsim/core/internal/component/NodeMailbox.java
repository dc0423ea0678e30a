package dev.procsim.core.internal.component;

import dev.procsim.core.Message;
import dev.procsim.core.internal.log.LogStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The thread and the bounded queue of one incarnation of a Java node: it runs the node's start,
 * then hands it each delivered message, one call at a time, in delivery order. A message counts as
 * delivered when the node is handed it. A node that is slow blocks only this thread, never the
 * network; when {@code capacity} messages wait, further ones are refused. Idle means: nothing to
 * hand over (or held by a pause) and no call in progress.
 *
 * <pre>{@code
 * NodeMailbox mailbox = new NodeMailbox("kv", store, 100_000);
 * String refusal = mailbox.offer(message);   // null when queued; it may come before the start
 * mailbox.start("run-1-kv-node", () -> node.start(ctx), m -> node.receive(...), failure -> ...);
 * }</pre>
 */
final class NodeMailbox {
  private final String component;
  private final LogStore log;
  private final int capacity;
  private Runnable atStart;
  private Consumer<Message> handler;
  private Consumer<Throwable> onFailure;
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private String refusal;
  private boolean held;
  private boolean handling = true; // busy with the node's start until it returns
  private String call = "its start()"; // what it is busy with, for a step-timeout report
  private Thread thread;

  NodeMailbox(String component, LogStore log, int capacity) {
    this.component = component;
    this.log = log;
    this.capacity = capacity;
  }

  /**
   * Starts handing over: {@code atStart} first, then each message to {@code handler}; a call that
   * throws goes to {@code onFailure} and ends the mailbox's thread.
   */
  synchronized void start(
      String threadName,
      Runnable atStart,
      Consumer<Message> handler,
      Consumer<Throwable> onFailure) {
    this.atStart = atStart;
    this.handler = handler;
    this.onFailure = onFailure;
    thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a message for the node; null when queued, else why not. */
  synchronized String offer(Message message) {
    if (refusal != null) {
      return refusal;
    }
    if (queue.size() >= capacity) {
      return "the mailbox of "
          + component
          + " is full ("
          + capacity
          + " messages waiting): its receive() does not keep up";
    }
    queue.add(message);
    notifyAll();
    return null;
  }

  /** Holds (or releases) the queue: while held, messages wait instead of being handed over. */
  synchronized void hold(boolean hold) {
    held = hold;
    notifyAll();
  }

  /**
   * Stops handing over: waiting messages become undeliverable with {@code reason}, as do later
   * offers. A call in progress runs to its end. The first reason given wins.
   */
  void stop(String reason) {
    List<Message> dropped;
    synchronized (this) {
      if (refusal == null) {
        refusal = reason;
      }
      dropped = new ArrayList<>(queue);
      queue.clear();
      notifyAll();
    }
    for (Message message : dropped) {
      log.recordUndeliverable(message.id(), refusal);
    }
  }

  /** Waits until idle or the deadline ({@link System#nanoTime}); true when idle. */
  synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    while (handling || (!queue.isEmpty() && !held && refusal == null)) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** What it is doing, in words: the call in progress and where it is, or what waits. */
  synchronized String activity() {
    if (handling && thread != null && thread.isAlive()) {
      return call + " had not returned; it was " + where(thread.getStackTrace());
    }
    if (!queue.isEmpty() && !held && refusal == null) {
      return queue.size() + " messages were waiting to be handed to it";
    }
    return "nothing any more: it became idle just after the step timeout";
  }

  /** The top of a stack, and the first frame outside the JDK when the top is inside it. */
  private static String where(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "at an unknown place";
    }
    String text = "in " + frame(stack[0]);
    if (isJdk(stack[0])) {
      for (StackTraceElement frame : stack) {
        if (!isJdk(frame)) {
          return text + ", called from " + frame(frame);
        }
      }
    }
    return text;
  }

  /** A frame without the module and class loader names that only make it longer. */
  private static String frame(StackTraceElement frame) {
    String place =
        frame.isNativeMethod()
            ? "native"
            : frame.getFileName() == null
                ? "unknown source"
                : frame.getFileName()
                    + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "");
    return frame.getClassName() + "." + frame.getMethodName() + "(" + place + ")";
  }

  private static boolean isJdk(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  /** Waits up to {@code millis} for the thread to end. */
  void join(long millis) throws InterruptedException {
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      running.join(millis);
    }
  }

  private void run() {
    Runnable atStart;
    Consumer<Message> handler;
    synchronized (this) {
      atStart = this.atStart;
      handler = this.handler;
    }
    try {
      if (!call(atStart)) {
        return;
      }
      Message next;
      while ((next = take()) != null) {
        log.recordDelivered(next.id());
        Message message = next;
        if (!call(() -> handler.accept(message))) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        handling = false;
        notifyAll();
      }
    }
  }

  /** Runs one call of the node; false when it threw (the node has failed). */
  private boolean call(Runnable call) {
    try {
      call.run();
    } catch (Throwable failure) {
      Consumer<Throwable> failed;
      synchronized (this) {
        failed = onFailure;
      }
      failed.accept(failure);
      return false;
    }
    synchronized (this) {
      handling = false;
      notifyAll();
    }
    return true;
  }

  /** The next message to hand over, or null once stopped. */
  private synchronized Message take() throws InterruptedException {
    while ((queue.isEmpty() || held) && refusal == null) {
      wait();
    }
    if (refusal != null) {
      return null;
    }
    handling = true;
    Message next = queue.poll();
    call = "its receive() of message #" + next.id();
    return next;
  }
}
