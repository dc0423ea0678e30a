package dev.procsim.maelstrom.internal.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procsim.check.Outcome;
import dev.procsim.core.ComponentSpec;
import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import dev.procsim.maelstrom.ErrorCode;
import dev.procsim.maelstrom.internal.protocol.Envelope;
import dev.procsim.maelstrom.internal.workload.Generator;
import dev.procsim.maelstrom.internal.workload.Request;
import dev.procsim.maelstrom.internal.workload.Workload;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * One of Maelstrom's clients, as a Java component: once told to go, it sends its workload's
 * requests to its node, one at a time, a random pause apart (up to twice the mean that gives the
 * run its rate, as Jepsen's stagger does), and records each in the history with Maelstrom's rules:
 * a reply of {@code <type>_ok} is {@code ok}; an error with a definite code is {@code fail}; an
 * indefinite error or no reply within the time-out is {@code info}, except for an idempotent
 * operation (a read), which is then {@code fail}: it changed nothing. After an {@code info} the
 * client goes on as a new process, as Jepsen's do, since the old operation may still take effect.
 * It stops at the time limit; told to finish, it performs its final operations and reports them
 * done.
 *
 * <p>Everything it decides comes from its seed and simulation time (timers), so a stepped run
 * repeats it exactly.
 *
 * <pre>{@code
 * Simulator.builder().node("c0", () -> new ClientNode(0, "n0", workload, plan, board)) ...
 * }</pre>
 */
public final class ClientNode implements Node {
  /** What the controller sends to start and to finish a client. */
  public static final String GO = "procsim_go";

  /** See {@link #GO}. */
  public static final String FINISH = "procsim_finish";

  private final int index;
  private final String server;
  private final Workload workload;
  private final ClientPlan plan;
  private final RunBoard board;

  private Generator generator;
  private Random random;
  private int process;
  private long nextMsgId = 1;
  private Request outstanding;
  private long outstandingId = -1;
  private boolean running;
  private Duration stopAt;
  private Duration goAt;
  private Deque<ClientOperation> script;
  private Deque<Request> finals;

  /** Client {@code index}, bound to node {@code server}. */
  public ClientNode(int index, String server, Workload workload, ClientPlan plan, RunBoard board) {
    this.index = index;
    this.server = server;
    this.workload = workload;
    this.plan = plan;
    this.board = board;
    this.process = index;
  }

  @Override
  public void start(NodeContext ctx) {
    random = new Random(ctx.seed());
    generator = workload.generator(index, random);
    if (plan.script() != null) {
      script = new ArrayDeque<>(plan.script().getOrDefault(index, List.of()));
    }
  }

  @Override
  public void receive(String from, String body, NodeContext ctx) {
    if (from.equals(ComponentSpec.SIMULATOR_NAME)) {
      timer(body, ctx);
      return;
    }
    Envelope message;
    try {
      message = Envelope.parse(body);
    } catch (IllegalArgumentException e) {
      board.badReply(ctx.name() + " got from " + from + ": " + e.getMessage());
      return;
    }
    switch (message.type()) {
      case GO -> {
        running = true;
        // The time limit counts from here, as Maelstrom's excludes setting the nodes up.
        goAt = ctx.now();
        stopAt = goAt.plus(plan.timeLimit());
        scheduleNext(ctx);
      }
      case FINISH -> {
        running = false;
        // The final phase is a new session, as Jepsen's clients are reopened for it (a Kafka
        // consumer then reads from the start again, which is no going back).
        process += plan.concurrency();
        finals = new ArrayDeque<>(generator.finals());
        if (outstanding == null) {
          nextFinal(ctx);
        }
      }
      default -> reply(from, message, ctx);
    }
  }

  private void timer(String payload, NodeContext ctx) {
    if (payload.equals("next")) {
      if (running && outstanding == null && script != null) {
        // A replay that stops the clients earlier sends nothing after its time limit either.
        if (!script.isEmpty() && ctx.now().compareTo(stopAt) < 0) {
          send(script.poll().request(), ctx);
        }
      } else if (running && outstanding == null && ctx.now().compareTo(stopAt) < 0) {
        send(generator.next(), ctx);
      }
    } else if (payload.startsWith("timeout ")) {
      long id = Long.parseLong(payload.substring("timeout ".length()));
      if (id == outstandingId) {
        complete(
            workload.idempotent(outstanding.function()) ? Outcome.FAIL : Outcome.INFO, null, ctx);
      }
    }
  }

  private void reply(String from, Envelope message, NodeContext ctx) {
    if (outstanding == null || message.inReplyTo() != outstandingId) {
      board.lateReply();
      return;
    }
    String expected = outstanding.type() + "_ok";
    if (message.type().equals("error")) {
      int code = message.body().path("code").asInt(-1);
      boolean failed = ErrorCode.isDefinite(code) || workload.idempotent(outstanding.function());
      complete(failed ? Outcome.FAIL : Outcome.INFO, null, ctx);
    } else if (message.type().equals(expected)) {
      Object output;
      try {
        output = generator.output(outstanding, message.body());
      } catch (IllegalArgumentException e) {
        board.badReply(from + " answered " + ctx.name() + " with " + e.getMessage());
        complete(Outcome.INFO, null, ctx);
        return;
      }
      complete(Outcome.OK, output, ctx);
    } else {
      board.badReply(
          from
              + " answered "
              + ctx.name()
              + "'s "
              + outstanding.type()
              + " with "
              + message.type()
              + ", not "
              + expected
              + " or error: "
              + message.line());
      complete(Outcome.INFO, null, ctx);
    }
  }

  private void send(Request request, NodeContext ctx) {
    if (finals == null) {
      board.operation(
          new ClientOperation(
              index,
              ctx.now().minus(goAt).toNanos(),
              request.function(),
              request.input(),
              request.body()));
    }
    outstanding = request;
    outstandingId = nextMsgId++;
    board.recorder().invoke(process, request.function(), request.input());
    board.opened();
    ObjectNode body = request.body().deepCopy().put("msg_id", outstandingId);
    ctx.send(server, new Envelope(ctx.name(), server, body).line());
    ctx.timer(plan.rpcTimeout(), "timeout " + outstandingId);
  }

  private void complete(Outcome outcome, Object output, NodeContext ctx) {
    board.recorder().complete(process, outcome, output);
    board.closed();
    if (outcome == Outcome.INFO) {
      process += plan.concurrency();
    }
    outstanding = null;
    outstandingId = -1;
    if (finals != null) {
      nextFinal(ctx);
    } else {
      scheduleNext(ctx);
    }
  }

  private void nextFinal(NodeContext ctx) {
    if (finals.isEmpty()) {
      finals = null;
      board.finalsDone();
      return;
    }
    send(finals.poll(), ctx);
  }

  private void scheduleNext(NodeContext ctx) {
    if (running && script != null) {
      // A replay: the next operation when its time comes, or at once when it is late.
      if (!script.isEmpty() && goAt.plusNanos(script.peek().atNanos()).compareTo(stopAt) < 0) {
        Duration due = goAt.plusNanos(script.peek().atNanos());
        Duration wait = due.minus(ctx.now());
        ctx.timer(wait.isNegative() ? Duration.ZERO : wait, "next");
      }
    } else if (running && plan.meanInterval() != null) {
      // Jepsen's stagger: a pause uniform between 0 and twice the mean.
      long pause = (long) (random.nextDouble() * 2 * plan.meanInterval().toNanos());
      // No timer that would find the time up: a replay, which knows no pauses, sets none either,
      // and a stepped replay must see the same timers to take the same steps.
      if (ctx.now().plusNanos(pause).compareTo(stopAt) < 0) {
        ctx.timer(Duration.ofNanos(pause), "next");
      }
    }
  }
}
