package dev.procsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules as text and back, in words, and with faults left out. */
class ScheduleTest {
  private static final Schedule.MessageFault DROP =
      new Schedule.MessageFault("n1", "n2", 12, List.of(new Schedule.Copy(true, 0)));
  private static final Schedule.MessageFault DUPLICATE =
      new Schedule.MessageFault(
          "n1",
          "n2",
          13,
          List.of(new Schedule.Copy(false, 0), new Schedule.Copy(false, 5_000_000)));
  private static final Schedule.MessageFault DELAY =
      new Schedule.MessageFault("n2", "n1", 4, List.of(new Schedule.Copy(false, 25_000_000)));
  private static final Schedule.NemesisFault PARTITION =
      new Schedule.NemesisFault(40, 77, "partition", "ISOLATE_ONE n3,n1,n2");
  private static final Schedule.NemesisFault CRASH =
      new Schedule.NemesisFault(90, -1, "crash", "n3");

  private static final Schedule SCHEDULE =
      new Schedule(
          42,
          List.of(DROP, DUPLICATE, DELAY),
          List.of(PARTITION, CRASH),
          List.of(new Schedule.Delivery(1, 5), new Schedule.Delivery(2, 7)));

  @TempDir Path dir;

  @Test
  void aScheduleIsWrittenAndReadBackAsItWas() {
    Path file = dir.resolve("run.schedule");

    SCHEDULE.write(file, "what it is\nover two lines");

    Schedule read = Schedule.read(file);
    assertThat(read).isEqualTo(SCHEDULE);
    assertThat(read.text())
        .contains("seed 42\n")
        .contains("message n1 n2 12 lost\n")
        .contains("message n1 n2 13 0 5000000\n")
        .contains("nemesis 40 77 partition ISOLATE_ONE n3,n1,n2\n")
        .contains("nemesis 90 - crash n3\n")
        .contains("deliver 2 7\n");
  }

  @Test
  void itsFaultsAreLostAndDuplicatedMessagesAndTheNemesissNotDelays() {
    assertThat(SCHEDULE.faults()).containsExactly(DROP, DUPLICATE, PARTITION, CRASH);
    assertThat(SCHEDULE.delays()).isEqualTo(1);
    assertThat(SCHEDULE.describe())
        .isEqualTo(
            "drop n1 -> n2 #12; duplicate n1 -> n2 #13; partition ISOLATE_ONE n3,n1,n2 from step"
                + " 40 to step 77; crash n3 at step 90, never restarted (and 1 delayed messages)");
  }

  @Test
  void keepingSomeFaultsLeavesTheOthersOutAndKeepsDelaysAndDeliveries() {
    Schedule kept = SCHEDULE.keeping(List.of(CRASH));

    assertThat(kept.faults()).containsExactly(CRASH);
    // The duplicate's first copy had no delay, so nothing of it remains; the delay stays.
    assertThat(kept.messages()).containsExactly(DELAY);
    assertThat(kept.deliveries()).isEqualTo(SCHEDULE.deliveries());
    assertThat(kept.seed()).isEqualTo(42);
  }

  @Test
  void withoutDelaysKeepsEveryFaultAndDropsEveryDelay() {
    Schedule undelayed = SCHEDULE.withoutDelays();

    assertThat(undelayed.delays()).isZero();
    assertThat(undelayed.faults()).hasSize(4);
    assertThat(undelayed.text()).contains("message n1 n2 13 0 0\n");
  }

  @Test
  void aLineItCannotReadIsNamedWithItsFileAndNumber() {
    assertThatThrownBy(() -> Schedule.parse("seed 1\nmessage n1 n2 x lost\n", "my.schedule"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("my.schedule line 2: ")
        .hasMessageContaining("message n1 n2 x lost");
    assertThatThrownBy(() -> Schedule.parse("seed 1\nreorder n1\n", "s"))
        .hasMessageContaining("line 2: \"reorder\" is not a schedule line");
    assertThatThrownBy(() -> Schedule.parse("# nothing\n", "s"))
        .hasMessageContaining("no \"seed\" line");
    assertThatThrownBy(() -> Schedule.parse("seed 1\nnemesis 1 2 earthquake n1\n", "s"))
        .hasMessageContaining("line 2: a nemesis fault is a partition, a crash or a pause");
  }

  @Test
  void aDelayIsDescribedWithItsUnit() {
    assertThat(DELAY.describe()).isEqualTo("delay n2 -> n1 #4 by 25 ms");
    assertThat(Durations.format(Duration.ofMillis(25))).isEqualTo("25 ms");
  }
}
