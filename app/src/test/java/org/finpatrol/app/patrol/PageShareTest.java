package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageShareTest {

  private final AtomicInteger left = new AtomicInteger();
  private final List<Integer> asked = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(5_000);
  private final PageShare share =
      new PageShare(
          want -> {
            asked.add(want);
            int got = Math.min(want, left.get());
            left.addAndGet(-got);
            return got;
          },
          now::get);

  @Test
  void takesABlockAtATimeAndGivesBackWhatItDidNotUse() {
    left.set(40);
    for (int i = 0; i < 20; i++) {
      assertThat(share.take()).isTrue();
    }
    assertThat(asked).as("two blocks for 20 pages").containsExactly(16, 16);
    assertThat(left.get()).isEqualTo(8);
    assertThat(share.release()).isEqualTo(12);
    assertThat(share.release()).as("nothing held any more").isZero();
  }

  @Test
  void aSpentBudgetIsAskedAgainOnlyAfterAWhile() {
    left.set(3);
    assertThat(share.take()).isTrue();
    assertThat(share.take()).isTrue();
    assertThat(share.take()).isTrue();
    assertThat(share.take()).isFalse();
    assertThat(share.take()).isFalse();
    assertThat(asked).containsExactly(16, 16);

    left.set(2); // another partition's crawl ended and gave two pages back
    now.addAndGet(PageShare.ASK_AGAIN_MS - 1);
    assertThat(share.take()).isFalse();
    now.addAndGet(1);
    assertThat(share.take()).isTrue();
    assertThat(share.take()).isTrue();
    assertThat(asked).containsExactly(16, 16, 16);
  }
}
