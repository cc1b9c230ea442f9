package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostPartitionTest {

  private static final List<String> HOSTS =
      List.of("xinsheng.test", "huitong.test", "www.jinrong.example.cn", "127.0.0.1", "127.0.0.2");

  @Test
  void everyHostBelongsToExactlyOnePartition() {
    for (int count = 1; count <= 5; count++) {
      int n = count;
      for (String host : HOSTS) {
        assertThat(IntStream.range(0, n).filter(i -> new HostPartition(i, n).test(host)).count())
            .as(host + " among " + n)
            .isEqualTo(1);
      }
    }
  }

  @Test
  void thePartitionOfAHostIgnoresCaseAndIsFixedByTheName() {
    assertThat(HostPartition.of("XinSheng.TEST", 7))
        .isEqualTo(HostPartition.of("xinsheng.test", 7));
    // String.hashCode is specified by the language: every JVM agrees.
    assertThat(HostPartition.of("127.0.0.1", 2))
        .isEqualTo(Math.floorMod("127.0.0.1".hashCode(), 2));
    assertThat(HostPartition.of("127.0.0.1", 2)).isNotEqualTo(HostPartition.of("127.0.0.2", 2));
    assertThat(new HostPartition(1, 3)).hasToString("p1/3");
    assertThat(new HostPartition(0, 2).test(null)).isFalse();
  }

  @Test
  void aPartitionOutsideTheCountIsRefused() {
    assertThatThrownBy(() -> new HostPartition(2, 2)).hasMessageContaining("no partition 2 of 2");
    assertThatThrownBy(() -> new HostPartition(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
