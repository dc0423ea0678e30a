package dev.procsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import dev.procsim.core.Node;
import dev.procsim.core.NodeContext;
import dev.procsim.core.Simulator;
import dev.procsim.core.WireProtocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @Component(node = ...)} and {@code @Component(protocol = ...)}. */
class JavaComponentsExtensionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A private class with a private constructor: the extension may still build it. */
  private static final class Greeter implements Node {
    private Greeter() {}

    @Override
    public void receive(String from, String body, NodeContext ctx) {
      ctx.send(from, "hello " + body);
    }
  }

  /** Lines are {@code <target>:<body>}; a delivery is {@code <sender>:<body>}. */
  public static final class ColonProtocol implements WireProtocol {
    @Override
    public Decoded decode(String line) {
      int colon = line.indexOf(':');
      return colon < 0
          ? Decoded.output(line)
          : Decoded.send(line.substring(0, colon), line.substring(colon + 1));
    }

    @Override
    public String encode(Message message) {
      return message.from() + ":" + message.body();
    }
  }

  @SimulationTest(echo = false)
  @Component(name = "greeter", node = Greeter.class)
  @Component(
      name = "client",
      command = {
        "python3",
        "-c",
        "import sys\nprint('greeter:world')\nprint(sys.stdin.readline().strip().replace(':', ' says '))"
      },
      protocol = ColonProtocol.class)
  void aJavaNodeAndAProcessWithItsOwnProtocolTalk(Simulator sim) {
    assertThat(sim.component("greeter").pid()).isEqualTo(-1);
    Message answer =
        sim.log().awaitMessage(m -> m.from().equals("greeter") && m.fate() == Fate.DELIVERED, WAIT);
    assertThat(answer.body()).isEqualTo("hello world");
    assertThat(sim.component("client").awaitExit(WAIT)).isZero();
    assertThat(sim.component("client").output()).containsExactly("greeter says hello world");
  }

  /** Prints what it receives. */
  static final class Recorder implements Node {
    @Override
    public void receive(String from, String body, NodeContext ctx) {
      ctx.output(from + " said " + body);
    }
  }

  @SimulationTest(stepped = true, checkDeterminism = true, echo = false, seed = 5)
  @Component(name = "greeter", node = Greeter.class)
  @Component(name = "asker", node = Recorder.class)
  void aSteppedJavaNodeIsDeterministic(Simulator sim) {
    sim.send("asker", "greeter", "a");
    sim.send("asker", "greeter", "b");
    sim.awaitQuiescence(WAIT);
    assertThat(sim.log().messages()).hasSize(4);
    assertThat(sim.component("asker").output())
        .containsExactlyInAnyOrder("greeter said hello a", "greeter said hello b");
  }

  /** What the inner node below saw: it lives in this test instance. */
  private final java.util.List<String> seenByTheInnerNode = new java.util.ArrayList<>();

  /** An inner class of the test class: built with the running test instance. */
  class Witness implements Node {
    @Override
    public void receive(String from, String body, NodeContext ctx) {
      seenByTheInnerNode.add(body);
    }
  }

  @SimulationTest(stepped = true, echo = false)
  @Component(name = "witness", node = Witness.class)
  void anInnerNodeClassOfTheTestIsBuiltWithTheTestInstance(Simulator sim) {
    sim.send("test", "witness", "seen");
    sim.awaitQuiescence(WAIT);
    assertThat(seenByTheInnerNode).containsExactly("seen");
  }

  abstract static class AbstractNode implements Node {}

  class InnerNode implements Node {
    @Override
    public void receive(String from, String body, NodeContext ctx) {}
  }

  static class Misdeclared {
    @SimulationTest
    @Component(name = "a", node = AbstractNode.class)
    void abstractNode(Simulator sim) {}

    @SimulationTest
    @Component(name = "a", node = InnerNode.class)
    void innerNode(Simulator sim) {}

    @SimulationTest
    @Component(name = "a", node = Greeter.class, env = "A=1")
    void nodeWithEnv(Simulator sim) {}

    @SimulationTest
    @Component(name = "a", node = Greeter.class, command = "cat")
    void nodeAndCommand(Simulator sim) {}
  }

  @Test
  void misdeclaredJavaComponentsAreConfigurationErrorsThatSayWhy() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Misdeclared.class)).execute();
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, error("abstractNode", "AbstractNode is abstract; name a concrete class"))
        .haveExactly(
            1,
            error(
                "innerNode",
                "InnerNode is an inner class of dev.procsim.junit.JavaComponentsExtensionTest, which"
                    + " is not the test class; make it static"))
        .haveExactly(
            1,
            error(
                "nodeWithEnv",
                "declares a Java node: env, workingDirectory, acks, senderNames and protocol are"
                    + " for process components only"))
        .haveExactly(1, error("nodeAndCommand", "gives more than one of command, main and node"));
  }

  private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> error(
      String testName, String text) {
    return event(
        test(testName),
        finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(text))));
  }
}
