package dev.procsim.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every decision procsim made in a stepped run: the seed, each message the network lost, duplicated
 * or delayed (by its link and its number on that link), each fault the nemesis injected (with the
 * step it came at and the step it was lifted at), and which message each step delivered. A stepped
 * simulator built with {@link Simulator.Builder#replay(Schedule)} makes these decisions again
 * instead of drawing them, so the run repeats exactly; a schedule with some faults left out ({@link
 * #keeping}) is how a failing run is shrunk to the faults it needs. Faults a test injects itself
 * are the test's, not the schedule's: they happen again when it runs again.
 *
 * <p>A schedule is written as text, a line each, and read back from it:
 *
 * <pre>
 * seed 42
 * message n1 n2 12 lost              (the 12th message on n1 -&gt; n2 was lost)
 * message n1 n2 13 0 0               (duplicated: two copies, neither delayed)
 * message n1 n2 14 25000000          (delayed 25 ms)
 * nemesis 40 77 partition ISOLATE_ONE n3,n1,n2   (from step 40, lifted at step 77)
 * nemesis 90 - crash n3              (never restarted)
 * deliver 1 5                        (step 1 delivered message #5)
 * </pre>
 *
 * <pre>{@code
 * Schedule schedule = sim.schedule();            // after a stepped run
 * schedule.write(Path.of("target/failing.schedule"));
 * Simulator again = Simulator.builder().replay(Schedule.read(path))...build();
 * }</pre>
 */
public final class Schedule {
  private static final String HEADER = "# procsim schedule 1";

  private final long seed;
  private final List<MessageFault> messages;
  private final List<NemesisFault> nemesis;
  private final List<Delivery> deliveries;

  /**
   * A schedule of these decisions.
   *
   * @param seed the run's seed
   * @param messages what the network did to messages (only those it did something to)
   * @param nemesis the nemesis's faults, in the order they came
   * @param deliveries which message each step delivered, in step order
   */
  public Schedule(
      long seed,
      List<MessageFault> messages,
      List<NemesisFault> nemesis,
      List<Delivery> deliveries) {
    this.seed = seed;
    this.messages = List.copyOf(messages);
    this.nemesis = List.copyOf(nemesis);
    this.deliveries = List.copyOf(deliveries);
  }

  /** What a fault the schedule can do without is: a message fault or a nemesis fault. */
  public sealed interface Fault permits MessageFault, NemesisFault {
    /** The fault in words, e.g. {@code drop n1 -> n2 #12}. */
    String describe();
  }

  /**
   * What the network did to one copy of a message.
   *
   * @param lost whether it was lost
   * @param delayNanos how long it was held before delivery
   */
  public record Copy(boolean lost, long delayNanos) {
    /** Checks the delay. */
    public Copy {
      if (delayNanos < 0) {
        throw new IllegalArgumentException("a delay cannot be negative: " + delayNanos);
      }
    }
  }

  /**
   * What the network did to message number {@code number} (from 1) on the link {@code from -> to}.
   *
   * @param from the sender
   * @param to the target
   * @param number the message's number on that link
   * @param copies one copy, or two when duplicated
   */
  public record MessageFault(String from, String to, long number, List<Copy> copies)
      implements Fault {
    /** Copies the list and checks it. */
    public MessageFault {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      copies = List.copyOf(copies);
      if (copies.isEmpty() || copies.size() > 2) {
        throw new IllegalArgumentException("a message has one or two copies, not " + copies.size());
      }
    }

    /** Whether the network only delayed it: one copy, not lost. */
    public boolean isDelayOnly() {
      return copies.size() == 1 && !copies.get(0).lost();
    }

    /** The same message, with nothing lost or duplicated: its first delay that arrived, kept. */
    MessageFault delayOnly() {
      long delay =
          copies.stream().filter(c -> !c.lost()).mapToLong(Copy::delayNanos).findFirst().orElse(0);
      return new MessageFault(from, to, number, List.of(new Copy(false, delay)));
    }

    @Override
    public String describe() {
      String link = from + " -> " + to + " #" + number;
      if (copies.size() == 2) {
        long lost = copies.stream().filter(Copy::lost).count();
        return "duplicate " + link + (lost == 0 ? "" : " (" + lost + " of the copies lost)");
      }
      Copy only = copies.get(0);
      return only.lost()
          ? "drop " + link
          : "delay "
              + link
              + " by "
              + Durations.format(java.time.Duration.ofNanos(only.delayNanos()));
    }
  }

  /**
   * A fault the nemesis injected.
   *
   * @param fromStep the step before which it came (0: before the first)
   * @param toStep the step before which it was lifted, or -1 when it never was
   * @param kind partition, crash or pause
   * @param target for a partition, its shape and the order of the components it was drawn in
   *     ({@code ISOLATE_ONE n3,n1,n2}); else the component
   */
  public record NemesisFault(long fromStep, long toStep, String kind, String target)
      implements Fault {
    /** Checks the kind. */
    public NemesisFault {
      if (!Set.of("partition", "crash", "pause").contains(kind)) {
        throw new IllegalArgumentException(
            "a nemesis fault is a partition, a crash or a pause, not \"" + kind + "\"");
      }
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String describe() {
      String until = toStep < 0 ? ", never lifted" : " to step " + toStep;
      return switch (kind) {
        case "partition" -> "partition " + target + " from step " + fromStep + until;
        case "crash" ->
            "crash "
                + target
                + " at step "
                + fromStep
                + (toStep < 0 ? ", never restarted" : ", restarted at step " + toStep);
        default ->
            "pause "
                + target
                + " at step "
                + fromStep
                + (toStep < 0 ? ", never resumed" : ", resumed at step " + toStep);
      };
    }
  }

  /**
   * Which message a step delivered.
   *
   * @param step the step, from 1
   * @param messageId the message's id in the log
   */
  public record Delivery(long step, long messageId) {}

  /** The seed of the run. */
  public long seed() {
    return seed;
  }

  /** What the network did to messages, in the order they were sent. */
  public List<MessageFault> messages() {
    return messages;
  }

  /** The nemesis's faults, in the order they came. */
  public List<NemesisFault> nemesis() {
    return nemesis;
  }

  /** Which message each step delivered. */
  public List<Delivery> deliveries() {
    return deliveries;
  }

  /**
   * The faults a shrink may leave out: every message lost or duplicated, and every nemesis fault
   * (delays are not faults: see {@link #withoutDelays()}).
   */
  public List<Fault> faults() {
    List<Fault> faults = new ArrayList<>();
    messages.stream().filter(m -> !m.isDelayOnly()).forEach(faults::add);
    faults.addAll(nemesis);
    return faults;
  }

  /** How many messages were only delayed. */
  public long delays() {
    return messages.stream().filter(MessageFault::isDelayOnly).count();
  }

  /**
   * This schedule with only the faults in {@code kept}: a message fault left out becomes its delay
   * alone; a nemesis fault left out does not happen. Delays and deliveries stay.
   */
  public Schedule keeping(Collection<? extends Fault> kept) {
    Set<Fault> keep = new HashSet<>(kept);
    List<MessageFault> newMessages = new ArrayList<>();
    for (MessageFault message : messages) {
      if (message.isDelayOnly() || keep.contains(message)) {
        newMessages.add(message);
      } else {
        MessageFault delayed = message.delayOnly();
        if (delayed.copies().get(0).delayNanos() > 0) {
          newMessages.add(delayed);
        }
      }
    }
    List<NemesisFault> newNemesis = nemesis.stream().filter(keep::contains).toList();
    return new Schedule(seed, newMessages, newNemesis, deliveries);
  }

  /** This schedule with every delay set to nothing (lost and duplicated messages stay). */
  public Schedule withoutDelays() {
    List<MessageFault> newMessages = new ArrayList<>();
    for (MessageFault message : messages) {
      if (message.isDelayOnly()) {
        continue;
      }
      newMessages.add(
          new MessageFault(
              message.from(),
              message.to(),
              message.number(),
              message.copies().stream().map(c -> new Copy(c.lost(), 0)).toList()));
    }
    return new Schedule(seed, newMessages, nemesis, deliveries);
  }

  /** The faults in words, {@code ; } apart; "no faults" when there are none. */
  public String describe() {
    List<String> parts = faults().stream().map(Fault::describe).toList();
    String faults = parts.isEmpty() ? "no faults" : String.join("; ", parts);
    long delays = delays();
    return delays == 0 ? faults : faults + " (and " + delays + " delayed messages)";
  }

  /** The schedule as text, as {@link #parse} reads it. */
  public String text() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("seed ").append(seed).append('\n');
    for (MessageFault m : messages) {
      text.append("message ")
          .append(m.from())
          .append(' ')
          .append(m.to())
          .append(' ')
          .append(m.number());
      for (Copy copy : m.copies()) {
        text.append(' ').append(copy.lost() ? "lost" : Long.toString(copy.delayNanos()));
      }
      text.append('\n');
    }
    for (NemesisFault n : nemesis) {
      text.append("nemesis ")
          .append(n.fromStep())
          .append(' ')
          .append(n.toStep() < 0 ? "-" : Long.toString(n.toStep()))
          .append(' ')
          .append(n.kind())
          .append(' ')
          .append(n.target())
          .append('\n');
    }
    for (Delivery d : deliveries) {
      text.append("deliver ").append(d.step()).append(' ').append(d.messageId()).append('\n');
    }
    return text.toString();
  }

  /** Writes {@code text()} to {@code file}, after {@code comments} (each a line, as "# ..."). */
  public void write(Path file, String... comments) {
    StringBuilder text = new StringBuilder();
    for (String comment : comments) {
      for (String line : comment.split("\n")) {
        text.append("# ").append(line).append('\n');
      }
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text + text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the schedule to " + file, e);
    }
  }

  /**
   * Reads a schedule file.
   *
   * @throws IllegalArgumentException naming the file and line of anything it cannot read
   */
  public static Schedule read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schedule " + file, e);
    }
  }

  /**
   * Reads a schedule from its text; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source and line of anything it cannot read
   */
  public static Schedule parse(String text, String source) {
    Long seed = null;
    List<MessageFault> messages = new ArrayList<>();
    List<NemesisFault> nemesis = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      try {
        switch (words[0]) {
          case "seed" -> seed = Long.parseLong(only(words, 2)[1]);
          case "message" -> {
            if (words.length < 5 || words.length > 6) {
              throw new IllegalArgumentException(
                  "a message line is: message <from> <to> <number> <copy> [<copy>]");
            }
            List<Copy> copies = new ArrayList<>();
            for (int w = 4; w < words.length; w++) {
              copies.add(
                  words[w].equals("lost")
                      ? new Copy(true, 0)
                      : new Copy(false, Long.parseLong(words[w])));
            }
            messages.add(new MessageFault(words[1], words[2], Long.parseLong(words[3]), copies));
          }
          case "nemesis" -> {
            if (words.length < 5) {
              throw new IllegalArgumentException(
                  "a nemesis line is: nemesis <from step> <to step or -> <kind> <target>");
            }
            String target = String.join(" ", List.of(words).subList(4, words.length));
            nemesis.add(
                new NemesisFault(
                    Long.parseLong(words[1]),
                    words[2].equals("-") ? -1 : Long.parseLong(words[2]),
                    words[3],
                    target));
          }
          case "deliver" -> {
            only(words, 3);
            deliveries.add(new Delivery(Long.parseLong(words[1]), Long.parseLong(words[2])));
          }
          default ->
              throw new IllegalArgumentException(
                  "\"" + words[0] + "\" is not a schedule line: seed, message, nemesis or deliver");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + " line " + (i + 1) + ": " + e.getMessage() + ": " + Texts.clip(line), e);
      }
    }
    if (seed == null) {
      throw new IllegalArgumentException(source + ": no \"seed\" line: not a procsim schedule");
    }
    return new Schedule(seed, messages, nemesis, deliveries);
  }

  private static String[] only(String[] words, int count) {
    if (words.length != count) {
      throw new IllegalArgumentException(
          "\"" + words[0] + "\" takes " + (count - 1) + " value(s), not " + (words.length - 1));
    }
    return words;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule s && s.text().equals(text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return "Schedule(seed " + seed + ": " + describe() + ")";
  }
}
