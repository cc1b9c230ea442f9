package org.finpatrol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingSegmenterTest {

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(1_000_000);

  private static List<String> words(Segmenter segmenter, String text) {
    return segmenter.segment(Normalizer.normalize(text)).stream().map(Token::text).toList();
  }

  private void write(String content, long mtime) throws IOException {
    Path file = dir.resolve("finance.txt");
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
  }

  @Test
  void anEditedDictionaryIsUsedAfterTheCheckIntervalWithoutRestart() throws IOException {
    write("保本保息\n", 1000);
    ReloadingSegmenter segmenters = new ReloadingSegmenter(dir, now::get);
    Segmenter first = segmenters.get();
    assertThat(words(first, "月月分红，保本保息")).doesNotContain("月月分红");

    write("保本保息\n月月分红\n", 2000);
    // Within the interval the files are not even looked at.
    assertThat(segmenters.get()).isSameAs(first);

    now.addAndGet(ReloadingSegmenter.CHECK_INTERVAL_MS);
    Segmenter reloaded = segmenters.get();
    assertThat(reloaded).isNotSameAs(first);
    assertThat(words(reloaded, "月月分红，保本保息")).contains("月月分红", "保本保息");

    // Unchanged files: the same segmenter, not a rebuild on every check.
    now.addAndGet(ReloadingSegmenter.CHECK_INTERVAL_MS);
    assertThat(segmenters.get()).isSameAs(reloaded);
  }

  @Test
  void aBrokenEditKeepsThePreviousDictionary() throws IOException {
    write("保本保息\n", 1000);
    ReloadingSegmenter segmenters = new ReloadingSegmenter(dir, now::get);
    Segmenter first = segmenters.get();

    write("保本保息\n月月分红 nz 不是数字\n", 2000);
    now.addAndGet(ReloadingSegmenter.CHECK_INTERVAL_MS);

    assertThat(segmenters.get()).isSameAs(first);
  }

  @Test
  void aBadDictionaryAtStartIsAnErrorNamingTheLine() throws IOException {
    write("保本保息 nz 0\n", 1000);
    assertThatThrownBy(() -> new ReloadingSegmenter(dir, now::get))
        .hasMessageContaining("finance.txt:1");
  }
}
