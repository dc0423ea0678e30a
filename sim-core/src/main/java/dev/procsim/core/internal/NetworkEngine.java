package dev.procsim.core.internal;

import dev.procsim.core.LinkFaults;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place that decides what is delivered, when and to whom. It owns the clock, the delivery
 * queue, the fault model and the partition table. At send time it numbers the message on its link
 * and asks {@link FaultDecisions} how many copies travel, which are lost and how long each is held;
 * at due time it checks the partition table and hands the message to its target's endpoint.
 * Messages due at once are handed over by the sending thread itself, with no thread hand-off; later
 * ones by a dispatcher thread that sleeps on a condition until the head of the queue is due.
 *
 * <pre>{@code
 * NetworkEngine network = new NetworkEngine(log, clock, seed, Map.of("p2", p2), "procsim-network");
 * network.send("p1", "p2", "hello");     // logged, decided, queued, handed to p2's stdin writer
 * network.close();                       // what is still queued becomes undeliverable
 * }</pre>
 */
public final class NetworkEngine {
  private final RecordingLog log;
  private final Clock clock;
  private final long seed;
  private final Map<String, ? extends Endpoint> endpoints;
  private final Map<String, String> names = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queueChanged = lock.newCondition();
  private final DeliveryQueue queue = new DeliveryQueue();
  private final Map<Link, long[]> messagesPerLink = new HashMap<>();
  private final PartitionTable partitions = new PartitionTable();
  private final Thread dispatcher;
  private Network network = Network.reliable();
  private boolean closed;
  private final boolean stepped;
  private long enqueued;

  /** A reliable, real-time network between {@code endpoints}, keyed by component name. */
  public NetworkEngine(
      RecordingLog log,
      Clock clock,
      long seed,
      Map<String, ? extends Endpoint> endpoints,
      String threadName) {
    this(log, clock, seed, endpoints, threadName, false);
  }

  /**
   * A reliable network between {@code endpoints}. When {@code stepped}, nothing is delivered by
   * itself: messages wait in the queue until {@link #step} hands out one at a time, and {@code
   * clock} must be a {@link VirtualClock}.
   */
  public NetworkEngine(
      RecordingLog log,
      Clock clock,
      long seed,
      Map<String, ? extends Endpoint> endpoints,
      String threadName,
      boolean stepped) {
    this.stepped = stepped;
    this.log = log;
    this.clock = clock;
    this.seed = seed;
    this.endpoints = Map.copyOf(endpoints);
    for (String name : endpoints.keySet()) {
      names.put(name, name);
    }
    this.dispatcher = new Thread(this::dispatchLoop, threadName);
    this.dispatcher.setDaemon(true);
    if (!stepped) {
      this.dispatcher.start();
    }
  }

  /** Whether {@code name} is a component of this network. */
  public boolean knows(String name) {
    return endpoints.containsKey(name);
  }

  /**
   * The network's own instance of the component name equal to {@code name}, or null. Messages keep
   * it instead of the copy parsed from their line: one string per component, not one per message.
   */
  public String canonicalName(String name) {
    return names.get(name);
  }

  /**
   * Records a message to a known target and routes it through the fault model. The caller has
   * checked the target: a send to anything else is a protocol error, not a routing decision.
   */
  public Message send(String from, String to, String body) {
    if (!endpoints.containsKey(to)) {
      throw new IllegalArgumentException("not a component: " + to);
    }
    lock.lock();
    try {
      Message original = log.recordSent(from, to, body);
      if (closed) {
        log.recordUndeliverable(original.id(), "the simulator was closing");
        return original;
      }
      LinkFaults faults = network.faultsOf(from, to);
      long number = ++messagesPerLink.computeIfAbsent(new Link(from, to), k -> new long[1])[0];
      FaultDecisions.Copy[] copies = FaultDecisions.decide(seed, from, to, number, faults).copies();
      long now = clock.nanos();
      DeliveryQueue.Pending previousHead = queue.peek();
      for (int i = 0; i < copies.length; i++) {
        Message copy = i == 0 ? original : log.recordDuplicate(original);
        if (copies[i].lost()) {
          log.recordDropped(
              copy.id(),
              "lost by the network (loss " + faults.loss() + " on " + from + " -> " + to + ")");
        } else {
          queue.add(now + copies[i].delayNanos(), copy);
          enqueued++;
        }
      }
      deliverDueOrSignal(previousHead);
      return original;
    } finally {
      lock.unlock();
    }
  }

  /**
   * In real time, hands out what is due at once; in both modes wakes whoever waits on the queue
   * (the dispatcher, or the stepper) when it changed. Holds the lock.
   */
  private void deliverDueOrSignal(DeliveryQueue.Pending previousHead) {
    if (!stepped) {
      deliverDue();
    }
    if (stepped || queue.peek() != previousHead) {
      queueChanged.signalAll();
    }
  }

  /** Hands every due message to its endpoint, unless a partition stops it; holds the lock. */
  private void deliverDue() {
    DeliveryQueue.Pending next;
    while ((next = queue.pollDue(clock.nanos())) != null) {
      deliver(next.message());
    }
  }

  /** Hands one message to its endpoint, unless a partition stops it; true when handed over. */
  private boolean deliver(Message message) {
    String partitioned =
        knows(message.from()) ? partitions.blocking(message.from(), message.to()) : null;
    if (partitioned != null) {
      log.recordDropped(message.id(), partitioned);
      return false;
    }
    String refusal = endpoints.get(message.to()).accept(message);
    if (refusal != null) {
      log.recordUndeliverable(message.id(), refusal);
      return false;
    }
    return true;
  }

  /**
   * Schedules a message from the simulator itself ({@code from}, e.g. a timer firing) to a
   * component after {@code delayNanos} of simulation time. No network fault or partition applies to
   * it.
   */
  public Message schedule(String from, String to, String body, long delayNanos) {
    lock.lock();
    try {
      Message message = log.recordSent(from, to, body);
      if (closed) {
        log.recordUndeliverable(message.id(), "the simulator was closing");
        return message;
      }
      DeliveryQueue.Pending previousHead = queue.peek();
      queue.add(clock.nanos() + delayNanos, message);
      enqueued++;
      deliverDueOrSignal(previousHead);
      return message;
    } finally {
      lock.unlock();
    }
  }

  /**
   * What one step did.
   *
   * @param delivered the message handed to a process, if one was
   * @param queueWasEmpty whether there was nothing to step
   * @param enqueuedSoFar how many messages were ever queued, when the step looked
   */
  public record StepResult(
      java.util.Optional<Message> delivered, boolean queueWasEmpty, long enqueuedSoFar) {}

  /**
   * One step of a stepped run: among the messages due now, hands out the one {@code choice} picks
   * (the others keep their place); when none is due, first moves {@code stepClock} to the earliest
   * due time. A message stopped by a partition or refused gets its fate and is not "delivered".
   * Messages to held (paused) components are skipped; when only those remain, the queue counts as
   * empty: nothing can happen until a resume.
   */
  public StepResult step(SeededRandom choice, VirtualClock stepClock) {
    lock.lock();
    try {
      if (closed) {
        return new StepResult(java.util.Optional.empty(), true, enqueued);
      }
      // Messages to a paused component stay queued: it could not acknowledge them.
      java.util.List<DeliveryQueue.Pending> held = new java.util.ArrayList<>();
      DeliveryQueue.Pending head;
      while ((head = queue.peek()) != null && endpoints.get(head.message().to()).isHeld()) {
        held.add(queue.pollDue(Long.MAX_VALUE));
      }
      if (head == null) {
        held.forEach(queue::putBack);
        return new StepResult(java.util.Optional.empty(), true, enqueued);
      }
      stepClock.advanceTo(head.dueNanos());
      java.util.List<DeliveryQueue.Pending> due = new java.util.ArrayList<>();
      for (DeliveryQueue.Pending pending : queue.pollAllDue(stepClock.nanos())) {
        (endpoints.get(pending.message().to()).isHeld() ? held : due).add(pending);
      }
      DeliveryQueue.Pending chosen = due.remove(choice.nextInt(due.size()));
      due.forEach(queue::putBack);
      held.forEach(queue::putBack);
      Message message = chosen.message();
      return new StepResult(
          deliver(message) ? java.util.Optional.of(message) : java.util.Optional.empty(),
          false,
          enqueued);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Notes a change that can make held messages deliverable (a resume): a stepped run that was quiet
   * has work again.
   */
  public void markChanged() {
    lock.lock();
    try {
      enqueued++;
      queueChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many messages were ever queued (plus changes noted by {@link #markChanged()}). */
  public long enqueuedCount() {
    lock.lock();
    try {
      return enqueued;
    } finally {
      lock.unlock();
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

  /** Replaces the fault model for messages sent from now on, and logs the change. */
  public void setNetwork(Network newNetwork) {
    lock.lock();
    try {
      network = newNetwork;
      log.recordFault("network", newNetwork.toString());
    } finally {
      lock.unlock();
    }
  }

  /** The current fault model. */
  public Network network() {
    lock.lock();
    try {
      return network;
    } finally {
      lock.unlock();
    }
  }

  /** Applies a partition (replacing the previous one) and logs it. */
  public void partition(Partitions.Plan plan) {
    lock.lock();
    try {
      partitions.partition(plan.blocked());
      log.recordFault("partition", plan.description());
    } finally {
      lock.unlock();
    }
  }

  /** Takes down one direction between two components, and logs it. */
  public void cut(Link link) {
    lock.lock();
    try {
      partitions.cut(link);
      log.recordFault("cut", link.toString());
    } finally {
      lock.unlock();
    }
  }

  /** Brings every link back up, and logs it. */
  public void heal() {
    lock.lock();
    try {
      partitions.heal();
      log.recordFault("heal", "every link is up");
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
