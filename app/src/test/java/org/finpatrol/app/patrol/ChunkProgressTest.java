package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

class ChunkProgressTest {

  private final List<String> lines = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<Long> runsAsked = new ArrayList<>();

  private final ChunkProgress<String> classify =
      new ChunkProgress<>(
          "classify",
          lines::add,
          run -> {
            runsAsked.add(run);
            return 1000;
          },
          page -> page.contains("保本"),
          now::get);

  private final StepExecution step =
      new StepExecution(
          3L,
          "classify",
          new JobExecution(
              7L,
              new JobInstance(1L, PatrolJobConfiguration.JOB_NAME),
              new JobParametersBuilder()
                  .addLong(PatrolJobConfiguration.RUN_ID, 42L)
                  .toJobParameters()));

  @Test
  void linesComeAtMostEveryTwoSecondsWithTheFlaggedPagesAndTheTimeLeft() {
    classify.beforeStep(step);
    assertThat(runsAsked).containsExactly(42L);

    classify.afterWrite(new Chunk<>("承诺保本保息", "银行公告", "理财知识"));
    now.addAndGet(1000);
    classify.afterWrite(new Chunk<>("稳赚不赔", "保本理财"));
    assertThat(lines).as("nothing before two seconds").isEmpty();

    now.addAndGet(1500); // 500 pages in 2.5 s: 200 pages/s, 500 left
    classify.afterWrite(chunkOf(495, "新闻"));
    assertThat(lines)
        .containsExactly("classify: 500 of 1000 page(s), 2 flagged, 200.0 pages/s, about 3 s left");

    now.addAndGet(500);
    classify.afterWrite(chunkOf(500, "保本"));
    assertThat(lines).hasSize(1);

    classify.afterStep(step);
    assertThat(lines).last().isEqualTo("classify: done in 3.0 s, 1000 page(s), 502 flagged");
  }

  @Test
  void aStepThatFlagsNothingSaysNothingOfFlags() {
    ChunkProgress<String> index =
        new ChunkProgress<>("index", lines::add, run -> 2, null, now::get);
    index.beforeStep(step);
    index.afterWrite(new Chunk<>("保本", "新闻"));
    now.addAndGet(1200);
    index.afterStep(step);
    assertThat(lines).containsExactly("index: done in 1.2 s, 2 page(s)");
  }

  @Test
  void aWorkersPartitionDrivesItByHand() {
    ChunkProgress<String> partition =
        new ChunkProgress<>(
            "classify patrol #5 partition 2/3", lines::add, null, page -> true, now::get);
    partition.start(40);
    partition.afterWrite(chunkOf(10, "保本"));
    now.addAndGet(2000);
    partition.afterWrite(chunkOf(10, "保本"));
    now.addAndGet(1000);
    partition.finish();
    assertThat(lines)
        .containsExactly(
            "classify patrol #5 partition 2/3: 20 of 40 page(s), 20 flagged, 10.0 pages/s,"
                + " about 2 s left",
            "classify patrol #5 partition 2/3: done in 3.0 s, 20 page(s), 20 flagged");
  }

  private static Chunk<String> chunkOf(int n, String text) {
    Chunk<String> chunk = new Chunk<>();
    for (int i = 0; i < n; i++) {
      chunk.add(text);
    }
    return chunk;
  }
}
