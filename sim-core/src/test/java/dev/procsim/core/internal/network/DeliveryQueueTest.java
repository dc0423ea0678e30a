package dev.procsim.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procsim.core.Fate;
import dev.procsim.core.Message;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {

  private static Message message(long id) {
    return new Message(id, "a", "b", "m" + id, Fate.IN_FLIGHT, "", 0, 0);
  }

  @Test
  void ordersByDueTimeThenByArrival() {
    DeliveryQueue queue = new DeliveryQueue();
    queue.add(30, message(1));
    queue.add(10, message(2));
    queue.add(10, message(3));
    queue.add(20, message(4));
    assertThat(queue.drain()).extracting(p -> p.message().id()).containsExactly(2L, 3L, 4L, 1L);
  }

  @Test
  void pollDueReleasesOnlyWhatIsDue() {
    DeliveryQueue queue = new DeliveryQueue();
    queue.add(5, message(1));
    queue.add(15, message(2));
    assertThat(queue.pollDue(4)).isNull();
    assertThat(queue.pollDue(5).message().id()).isEqualTo(1L);
    assertThat(queue.pollDue(14)).isNull();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.pollDue(100).message().id()).isEqualTo(2L);
    assertThat(queue.isEmpty()).isTrue();
  }
}
