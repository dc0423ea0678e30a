package dev.procsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {
  @Test
  void operationsAreRecordedInInvocationOrderWithTheirTimes() {
    AtomicLong clock = new AtomicLong();
    HistoryRecorder recorder = new HistoryRecorder(clock::incrementAndGet);
    recorder.invoke(0, "write", 3L); // 1
    recorder.invoke(1, "read", null); // 2
    recorder.complete(1, Outcome.OK, 3L); // 3
    recorder.complete(0, Outcome.OK, null); // 4
    recorder.invoke(2, "write", 4L); // 5, still pending
    assertThat(recorder.history().operations())
        .containsExactly(
            Operation.ok(0, "write", 3L, null, 1, 4),
            Operation.ok(1, "read", null, 3L, 2, 3),
            Operation.info(2, "write", 4L, 5));
  }

  @Test
  void aProcessHasAtMostOnePendingOperationAndCompletesOnlyWhatItInvoked() {
    HistoryRecorder recorder = new HistoryRecorder(() -> 7);
    recorder.invoke(0, "write", 3L);
    assertThatThrownBy(() -> recorder.invoke(0, "read", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("process 0 invokes read while its write invoked at 7 is still pending");
    assertThatThrownBy(() -> recorder.complete(1, Outcome.OK, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("process 1 completes an operation (OK) it never invoked");
  }

  @Test
  void clientsOnManyThreadsRecordALinearizableHistoryOfARealRegister() throws Exception {
    HistoryRecorder recorder = new HistoryRecorder();
    Object register = new Object();
    long[] value = {0};
    List<Thread> clients = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int process = p;
      clients.add(
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  if (i % 2 == 0) {
                    recorder.invoke(process, "write", (long) (process * 1000 + i + 1));
                    synchronized (register) {
                      value[0] = process * 1000 + i + 1; // never 0: 0 is "empty"
                    }
                    recorder.complete(process, Outcome.OK, null);
                  } else {
                    recorder.invoke(process, "read", null);
                    long seen;
                    synchronized (register) {
                      seen = value[0];
                    }
                    recorder.complete(process, Outcome.OK, seen == 0 ? null : seen);
                  }
                }
              }));
    }
    clients.forEach(Thread::start);
    for (Thread client : clients) {
      client.join();
    }
    History history = recorder.history();
    assertThat(history.size()).isEqualTo(800);
    assertThat(Linearizability.check(Models.register(), history, Duration.ofSeconds(60)).verdict())
        .isEqualTo(Verdict.VALID);
  }
}
