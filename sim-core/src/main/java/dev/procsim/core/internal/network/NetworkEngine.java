package dev.procsim.core.internal.network;

import dev.procsim.core.LinkFaults;
import dev.procsim.core.Message;
import dev.procsim.core.Network;
import dev.procsim.core.internal.log.LogStore;
import dev.procsim.core.internal.log.SpinThenParkLock;
import dev.procsim.core.internal.process.DeferredWrites;
import dev.procsim.core.internal.seed.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * The one place that decides what is delivered, when and to whom. It owns the delivery queue, the
 * fault model and the partition table. At send time it numbers the message on its link and asks
 * {@link FaultDecisions} how many copies travel, which are lost and how long each is held; at due
 * time it checks the partition table and hands the message to its target's {@link Endpoint}. When
 * messages go out is the scheduler's business: its {@link DeliveryPolicy} runs after each send
 * (real time hands out what is due at once, on the sending thread), a real-time dispatcher thread
 * waits in {@link #awaitDue()} for later messages, and a stepped run calls {@link #step} instead.
 *
 * <pre>{@code
 * NetworkEngine network =
 *     new NetworkEngine(store, clock, Decisions.seeded(seed, null), endpoints, NetworkEngine::deliverDue);
 * network.send("p1", "p2", "hello");     // logged, decided, queued, handed to p2's endpoint
 * network.close();                       // what is still queued becomes undeliverable
 * }</pre>
 */
public final class NetworkEngine {
  private final LogStore log;
  private final LongSupplier clock;
  private final Decisions decisions;
  private final Map<String, ? extends Endpoint> endpoints;
  private final Map<String, String> names = new HashMap<>();
  private final DeliveryPolicy policy;
  private final ReentrantLock lock = new SpinThenParkLock();
  private final Condition queueChanged = lock.newCondition();
  private final DeliveryQueue queue = new DeliveryQueue();
  // By sender, then target: counting a message makes no key (the names are the components' own).
  private final Map<String, Map<String, long[]>> messagesPerLink = new HashMap<>();
  private final PartitionTable partitions = new PartitionTable();
  private Network network = Network.reliable();
  private boolean closed;
  // Written under the lock, read without it: a stepped scheduler asks these while holding its own
  // lock, and the network's lock must never be taken after the stepper's (the policy goes the other
  // way).
  private final AtomicLong changes = new AtomicLong();
  private volatile int pending;

  /**
   * A reliable network between {@code endpoints}, keyed by component name, whose fault decisions
   * come from {@code decisions} (the seed's, or a schedule's).
   */
  public NetworkEngine(
      LogStore log,
      LongSupplier clock,
      Decisions decisions,
      Map<String, ? extends Endpoint> endpoints,
      DeliveryPolicy policy) {
    this.log = log;
    this.clock = clock;
    this.decisions = decisions;
    this.endpoints = Map.copyOf(endpoints);
    this.policy = policy;
    for (String name : endpoints.keySet()) {
      names.put(name, name);
    }
  }

  /**
   * The network's own instance of the component name equal to {@code name}, or null when there is
   * no such component. Messages keep it instead of the copy parsed from their line: one string per
   * component, not one per message.
   */
  public String canonicalName(String name) {
    return names.get(name);
  }

  /**
   * Records a message a component sent to a known target and routes it through the fault model. The
   * caller has checked the target: a send to anything else is a protocol error, not a routing
   * decision.
   */
  public Message send(String from, String to, String body) {
    return send(from, to, body, false);
  }

  /**
   * Records a message the test injects (as if {@code from} had sent it) and routes it: unfaulted
   * unless the fault model says otherwise ({@link Network#faultsOfInjected}).
   */
  public Message inject(String from, String to, String body) {
    return send(from, to, body, true);
  }

  private Message send(String from, String to, String body, boolean injected) {
    if (!endpoints.containsKey(to)) {
      throw new IllegalArgumentException("not a component: " + to);
    }
    lock.lock();
    DeferredWrites.enter();
    try {
      Message original = log.recordSent(from, to, body);
      if (closed) {
        log.recordUndeliverable(original.id(), "the simulator was closing");
        return original;
      }
      LinkFaults faults =
          injected ? network.faultsOfInjected(from, to) : network.faultsOf(from, to);
      // An unfaulted injection takes no number on its link: the test's traffic never shifts which
      // of the components' own messages the seed drops or delays.
      long number =
          injected && faults.isPerfect()
              ? 0
              : ++messagesPerLink.computeIfAbsent(from, k -> new HashMap<>())
                  .computeIfAbsent(to, k -> new long[1])[0];
      FaultDecisions.Copy[] copies = decisions.decide(from, to, number, faults).copies();
      long now = clock.getAsLong();
      DeliveryQueue.Pending previousHead = queue.peek();
      for (int i = 0; i < copies.length; i++) {
        Message copy = i == 0 ? original : log.recordDuplicate(original);
        if (copies[i].lost()) {
          log.recordDropped(
              copy.id(),
              "lost by the network (loss " + faults.loss() + " on " + from + " -> " + to + ")");
        } else {
          queue.add(dueAt(now, copies[i].delayNanos()), copy);
          changes.incrementAndGet();
        }
      }
      afterQueueing(previousHead);
      return original;
    } finally {
      lock.unlock();
      DeferredWrites.leave();
    }
  }

  /**
   * Runs {@code sends} (calls of {@link #send} and {@link #schedule}) under one taking of the lock,
   * which they take again at no cost; direct writes they claim happen once it is left.
   */
  public void together(Runnable sends) {
    locked(
        () -> {
          sends.run();
          return null;
        });
  }

  /**
   * Runs {@code action} holding the lock, in a section whose direct writes wait until it is left: a
   * fast process's answer must not find the lock still held.
   */
  private <T> T locked(Supplier<T> action) {
    lock.lock();
    DeferredWrites.enter();
    try {
      return action.get();
    } finally {
      lock.unlock();
      DeferredWrites.leave();
    }
  }

  /**
   * Schedules a message from the simulator itself ({@code from}, e.g. a timer firing) to a
   * component after {@code delayNanos} of simulation time. No network fault or partition applies to
   * it.
   */
  public Message schedule(String from, String to, String body, long delayNanos) {
    return locked(
        () -> {
          Message message = log.recordSent(from, to, body);
          if (closed) {
            log.recordUndeliverable(message.id(), "the simulator was closing");
            return message;
          }
          DeliveryQueue.Pending previousHead = queue.peek();
          queue.add(dueAt(clock.getAsLong(), delayNanos), message);
          changes.incrementAndGet();
          afterQueueing(previousHead);
          return message;
        });
  }

  /** {@code now + delayNanos}, or the end of time when that does not fit in a long. */
  private static long dueAt(long now, long delayNanos) {
    return delayNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayNanos;
  }

  /** Lets the policy act, then wakes a dispatcher when the head of the queue changed. */
  private void afterQueueing(DeliveryQueue.Pending previousHead) {
    pending = queue.size();
    policy.queued(this);
    if (queue.peek() != previousHead) {
      queueChanged.signalAll();
    }
  }

  /** Hands every due message to its endpoint, unless a partition stops it. */
  public void deliverDue() {
    together(
        () -> {
          DeliveryQueue.Pending next;
          while ((next = queue.pollDue(clock.getAsLong())) != null) {
            deliver(next.message());
          }
          pending = queue.size();
        });
  }

  /**
   * For a real-time dispatcher thread: blocks until the head of the queue is due. Returns false
   * once the network is closed.
   */
  public boolean awaitDue() throws InterruptedException {
    lock.lock();
    DeferredWrites.enter();
    try {
      while (!closed) {
        DeliveryQueue.Pending head = queue.peek();
        if (head == null) {
          queueChanged.await();
        } else {
          long wait = head.dueNanos() - clock.getAsLong();
          if (wait <= 0) {
            return true;
          }
          queueChanged.awaitNanos(wait);
        }
      }
      return false;
    } finally {
      lock.unlock();
      DeferredWrites.leave();
    }
  }

  /** Hands one message to its endpoint, unless a partition stops it; true when handed over. */
  private boolean deliver(Message message) {
    String partitioned =
        names.containsKey(message.from())
            ? partitions.blocking(message.from(), message.to())
            : null;
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
   * One step of a stepped run: among the messages due now, hands out the one {@code choice} picks
   * (the others keep their place); when none is due, first moves the clock ({@code clockTo} moves
   * it to at least its argument and returns the time now) to the earliest due time, unless that is
   * after {@code limitNanos}. A message stopped by a partition or refused gets its fate. Messages
   * to held (paused) targets stay queued and are skipped: they could not be acknowledged. The step
   * is number {@code stepNumber} of the run, for the schedule.
   */
  public StepResult step(
      SeededRandom choice, LongUnaryOperator clockTo, long limitNanos, long stepNumber) {
    return locked(
        () -> {
          if (closed) {
            return new StepResult(StepResult.Outcome.NOTHING, Optional.empty(), changes.get());
          }
          List<DeliveryQueue.Pending> held = new ArrayList<>();
          DeliveryQueue.Pending head;
          while ((head = queue.peek()) != null && endpoints.get(head.message().to()).isHeld()) {
            held.add(queue.pollDue(Long.MAX_VALUE));
          }
          // A message due at the end of time (a timer too far away to count) never comes.
          if (head == null || head.dueNanos() == Long.MAX_VALUE || head.dueNanos() > limitNanos) {
            held.forEach(queue::putBack);
            return new StepResult(
                head == null || head.dueNanos() == Long.MAX_VALUE
                    ? StepResult.Outcome.NOTHING
                    : StepResult.Outcome.LATER,
                Optional.empty(),
                changes.get());
          }
          long now = clockTo.applyAsLong(head.dueNanos());
          List<DeliveryQueue.Pending> due = new ArrayList<>();
          for (DeliveryQueue.Pending pending : queue.pollAllDue(now)) {
            (endpoints.get(pending.message().to()).isHeld() ? held : due).add(pending);
          }
          if (due.isEmpty()) {
            // Its target was paused since the look above: nothing can go now; a resume says so.
            held.forEach(queue::putBack);
            return new StepResult(StepResult.Outcome.NOTHING, Optional.empty(), changes.get());
          }
          DeliveryQueue.Pending chosen = due.remove(decisions.choose(due, stepNumber, choice));
          decisions.chosen(stepNumber, chosen.message().id());
          due.forEach(queue::putBack);
          held.forEach(queue::putBack);
          pending = queue.size();
          Message message = chosen.message();
          return deliver(message)
              ? new StepResult(StepResult.Outcome.DELIVERED, Optional.of(message), changes.get())
              : new StepResult(StepResult.Outcome.STOPPED, Optional.empty(), changes.get());
        });
  }

  /**
   * The stepper is about to take step {@code stepNumber}: what the nemesis does now comes before
   * it.
   */
  public void beforeStep(long stepNumber) {
    ScheduleRecorder recorder = decisions.recorder();
    if (recorder != null) {
      recorder.beforeStep(stepNumber);
    }
  }

  /** Where the fault decisions come from, and where a stepped run writes them down. */
  public Decisions decisions() {
    return decisions;
  }

  /**
   * Notes a change that can make held messages deliverable (a resume, a restart): a stepped run
   * that was quiet has work again. The policy hears of it as of a message queued.
   */
  public void markChanged() {
    together(
        () -> {
          changes.incrementAndGet();
          policy.queued(this);
          queueChanged.signalAll();
        });
  }

  /**
   * How many messages were ever queued, plus changes noted by {@link #markChanged()}. Takes no
   * lock.
   */
  public long changes() {
    return changes.get();
  }

  /** How many messages wait in the queue. Takes no lock. */
  public int pending() {
    return pending;
  }

  /** Replaces the fault model for messages sent from now on, and logs the change. */
  public void setNetwork(Network newNetwork) {
    together(
        () -> {
          network = newNetwork;
          log.recordFault("network", newNetwork.toString());
        });
  }

  /** The current fault model. */
  public Network network() {
    return locked(() -> network);
  }

  /** Applies a partition (replacing the previous one) and logs it. */
  public void partition(Partitions.Plan plan) {
    together(
        () -> {
          partitions.partition(plan.blocked());
          log.recordFault("partition", plan.description());
        });
  }

  /** Takes down one direction between two components, and logs it. */
  public void cut(Link link) {
    together(
        () -> {
          partitions.cut(link);
          log.recordFault("cut", link.toString());
        });
  }

  /** Brings every link back up, and logs it. */
  public void heal() {
    together(
        () -> {
          partitions.heal();
          log.recordFault("heal", "every link is up");
        });
  }

  /**
   * Stops routing: messages still queued become undeliverable, later sends are refused, and a
   * dispatcher waiting in {@link #awaitDue()} returns.
   */
  public void close() {
    together(
        () -> {
          if (closed) {
            return;
          }
          closed = true;
          for (DeliveryQueue.Pending waiting : queue.drain()) {
            log.recordUndeliverable(
                waiting.message().id(), "the simulator closed before the message was due");
          }
          pending = 0;
          queueChanged.signalAll();
        });
  }
}
