package org.finpatrol.app.patrol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.finpatrol.app.AppPaths;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

/**
 * Takes the index shards the workers wrote for a run into the index ({@link PageIndex#absorb}),
 * then removes the run's partition directories. Taking a shard in twice changes nothing, so a merge
 * interrupted between the index's commit and the removal is simply run again.
 */
final class MergeShardsTasklet implements Tasklet {

  private final PageIndex index;
  private final AppPaths paths;
  private final Progress progress;

  MergeShardsTasklet(PageIndex index, AppPaths paths, Progress progress) {
    this.index = index;
    this.paths = paths;
    this.progress = progress;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long runId = RunIds.of(chunk);
    List<Path> partitions = partitionsOf(runId);
    int pages = 0;
    for (Path partition : partitions) {
      Path shard = partition.resolve("index");
      if (Files.isDirectory(shard)) {
        pages += index.absorb(shard);
      }
    }
    for (Path partition : partitions) {
      FileSystemUtils.deleteRecursively(partition);
    }
    contribution.incrementWriteCount(pages);
    progress.line("merge: " + pages + " page(s) from " + partitions.size() + " shard(s)");
    return RepeatStatus.FINISHED;
  }

  private List<Path> partitionsOf(long runId) throws java.io.IOException {
    if (!Files.isDirectory(paths.partitions())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(paths.partitions())) {
      return dirs.filter(d -> paths.isPartitionOf(d, runId)).sorted().toList();
    }
  }
}
