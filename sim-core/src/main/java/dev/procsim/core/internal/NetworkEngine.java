package dev.procsim.core.internal;

import dev.procsim.core.Message;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place that decides what is delivered, when and to whom. It owns the clock and the
 * delivery queue: a message is queued with its due time and handed to its target's endpoint once
 * due. Messages due at once are handed over by the sending thread itself, with no thread hand-off;
 * later ones by a dispatcher thread that sleeps on a condition until the head of the queue is due.
 *
 * <pre>{@code
 * NetworkEngine network = new NetworkEngine(log, clock, Map.of("p2", p2), "procsim-network");
 * network.send("p1", "p2", "hello");     // logged, queued, handed to p2's stdin writer
 * network.close();                       // what is still queued becomes undeliverable
 * }</pre>
 */
public final class NetworkEngine {
  private final RecordingLog log;
  private final Clock clock;
  private final Map<String, ? extends Endpoint> endpoints;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queueChanged = lock.newCondition();
  private final DeliveryQueue queue = new DeliveryQueue();
  private final Thread dispatcher;
  private boolean closed;

  /** A network between {@code endpoints}, keyed by component name. */
  public NetworkEngine(
      RecordingLog log, Clock clock, Map<String, ? extends Endpoint> endpoints, String threadName) {
    this.log = log;
    this.clock = clock;
    this.endpoints = Map.copyOf(endpoints);
    this.dispatcher = new Thread(this::dispatchLoop, threadName);
    this.dispatcher.setDaemon(true);
    this.dispatcher.start();
  }

  /** Whether {@code name} is a component of this network. */
  public boolean knows(String name) {
    return endpoints.containsKey(name);
  }

  /**
   * Records a message to a known target and routes it. The caller has checked the target: a send to
   * anything else is a protocol error, not a routing decision.
   */
  public Message send(String from, String to, String body) {
    Endpoint target = endpoints.get(to);
    if (target == null) {
      throw new IllegalArgumentException("not a component: " + to);
    }
    Message message = log.recordSent(from, to, body);
    route(message, clock.nanos());
    return message;
  }

  private void route(Message message, long dueNanos) {
    lock.lock();
    try {
      if (closed) {
        log.recordUndeliverable(message.id(), "the simulator was closing");
        return;
      }
      DeliveryQueue.Pending previousHead = queue.peek();
      queue.add(dueNanos, message);
      deliverDue();
      if (queue.peek() != previousHead) {
        queueChanged.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Hands every due message to its endpoint; called with the lock held. */
  private void deliverDue() {
    DeliveryQueue.Pending next;
    while ((next = queue.pollDue(clock.nanos())) != null) {
      Message message = next.message();
      String refusal = endpoints.get(message.to()).accept(message);
      if (refusal != null) {
        log.recordUndeliverable(message.id(), refusal);
      }
    }
  }

  private void dispatchLoop() {
    lock.lock();
    try {
      while (!closed) {
        DeliveryQueue.Pending head = queue.peek();
        if (head == null) {
          queueChanged.await();
        } else {
          long wait = head.dueNanos() - clock.nanos();
          if (wait > 0) {
            queueChanged.awaitNanos(wait);
          } else {
            deliverDue();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops routing: messages still queued become undeliverable, later sends are refused, and the
   * dispatcher thread ends.
   */
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (DeliveryQueue.Pending pending : queue.drain()) {
        log.recordUndeliverable(
            pending.message().id(), "the simulator closed before the message was due");
      }
      queueChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
