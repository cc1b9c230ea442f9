package org.finpatrol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineCacheTest {

  @Test
  void aLineIsRememberedOnItsSecondSightingOnly() {
    LineCache cache = new LineCache();
    String footer = "鑫盛投资管理有限公司 版权所有 地址:河南省鹤壁市淇滨区华山路88号";
    int[] ends = {10, 11, 15};

    cache.offer(footer, ends);
    assertThat(cache.get(footer)).isNull();
    cache.offer(footer, ends);
    assertThat(cache.get(footer)).containsExactly(10, 11, 15);
  }

  @Test
  void aLineLongerThanTheLimitIsNeverRemembered() {
    LineCache cache = new LineCache();
    String longest = "风险提示".repeat(LineCache.MAX_LINE / 4);
    String tooLong = longest + "。";
    for (int i = 0; i < 2; i++) {
      cache.offer(longest, new int[] {longest.length()});
      cache.offer(tooLong, new int[] {tooLong.length()});
    }
    assertThat(cache.get(longest)).containsExactly(LineCache.MAX_LINE);
    assertThat(cache.get(tooLong)).isNull();
  }

  @Test
  void aLineWhoseHashIsZeroIsRememberedToo() {
    LineCache cache = new LineCache();
    String zero = "\0";
    assertThat(zero.hashCode()).isZero();

    cache.offer(zero, new int[] {1});
    assertThat(cache.get(zero)).isNull();
    cache.offer(zero, new int[] {1});
    assertThat(cache.get(zero)).containsExactly(1);
  }

  @Test
  void aLineOnlyEverGetsItsOwnWordsWhateverElseFillsTheTable() {
    LineCache cache = new LineCache();
    Random random = new Random(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LineCache.SLOTS * 4; i++) {
      lines.add("第" + random.nextInt(LineCache.SLOTS * 2) + "期理财产品");
    }
    // The "ends" of each line encode the line itself, so a wrong hit shows.
    for (String line : lines) {
      cache.offer(line, new int[] {line.hashCode()});
    }
    int hits = 0;
    for (String line : lines) {
      int[] ends = cache.get(line);
      if (ends != null) {
        assertThat(ends).containsExactly(line.hashCode());
        hits++;
      }
    }
    // Lines offered twice are in the table unless a later line took their slot.
    assertThat(hits).isGreaterThan(0).isLessThan(lines.size());
  }
}
