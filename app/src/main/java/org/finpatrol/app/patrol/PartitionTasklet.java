package org.finpatrol.app.patrol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Labels;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.text.Segmenter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

/**
 * A worker's share of a patrol spread over several ({@code finpatrol worker}): crawl, index and
 * classify the hosts of one partition. The index goes to the partition's own shard, which the
 * manager merges into the index once every partition is done; pages and findings go to the shared
 * database as in a patrol of one process.
 *
 * <p>Three phases, each committed with the step's execution context before the next starts, so a
 * partition resumed after a crash (the manager sends it again) goes on from the phase it was in: a
 * crawl starts over (after clearing the partition's pages), indexing and classifying a page twice
 * replaces the first result.
 */
final class PartitionTasklet implements Tasklet {

  static final String PARTITION = "partition";
  static final String PARTITIONS = "partitions";
  // Whether the index the shard goes into stores offsets in its postings (an older layout); a
  // partition sent by an earlier version has no such entry and its index is then of that layout.
  static final String SHARD_OFFSETS = "shardOffsets";
  static final String PHASE = "phase";

  /** The step execution that ran the index phase: a classify phase in another one is resumed. */
  static final String INDEXED_BY = "indexedBy";

  private final CrawlTasklet crawl;
  private final PatrolStore store;
  private final AppPaths paths;
  private final DataSource dataSource;
  private final Classifier classifier;
  private final java.util.function.Supplier<Segmenter> segmenters;
  private final PatrolResources.Workers workers;
  private final Progress progress;

  PartitionTasklet(
      CrawlTasklet crawl,
      PatrolStore store,
      AppPaths paths,
      DataSource dataSource,
      Classifier classifier,
      java.util.function.Supplier<Segmenter> segmenters,
      PatrolResources.Workers workers,
      Progress progress) {
    this.crawl = crawl;
    this.store = store;
    this.paths = paths;
    this.dataSource = dataSource;
    this.classifier = classifier;
    this.segmenters = segmenters;
    this.workers = workers;
    this.progress = progress;
  }

  /** The shard of a partition's pages, under its working directory. */
  static Path shard(AppPaths paths, long runId, int partition) {
    return paths.partition(runId, partition).resolve("index");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long runId = RunIds.of(chunk);
    ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
    HostPartition partition =
        new HostPartition(context.getInt(PARTITION), context.getInt(PARTITIONS));
    String phase = context.getString(PHASE, "crawl");
    String run = "patrol #" + runId + " " + partition;
    // The manager, should it be restarted meanwhile, must not send this partition again; once
    // the partition is done or has failed, it may. (Between phases the last beat stays fresh.)
    RepeatStatus status;
    try (Heartbeat beat =
        new Heartbeat(
            () -> store.beats().partitionBeat(runId, partition.index()), PatrolService.HEARTBEAT)) {
      status = phase(phase, runId, partition, run, contribution, context);
    } catch (Exception | Error e) {
      ended(runId, partition);
      throw e;
    }
    if (status == RepeatStatus.FINISHED) {
      ended(runId, partition);
    }
    return status;
  }

  private void ended(long runId, HostPartition partition) {
    try {
      store.beats().partitionEnded(runId, partition.index());
    } catch (RuntimeException e) {
      // The database is away (maybe why the phase failed): the beat goes stale instead.
    }
  }

  private RepeatStatus phase(
      String phase,
      long runId,
      HostPartition partition,
      String run,
      StepContribution contribution,
      ExecutionContext context)
      throws Exception {
    switch (phase) {
      case "crawl" -> {
        PatrolRequest request = store.loadRun(runId);
        crawl.crawl(
            runId, request, CrawlTasklet.Slice.partition(paths, runId, partition), contribution);
        // The frontier's work is done; its database can be large.
        FileSystemUtils.deleteRecursively(
            paths.partition(runId, partition.index()).resolve("frontier"));
        context.putString(PHASE, "index");
        return RepeatStatus.CONTINUABLE;
      }
      case "index" -> {
        try (PageIndex shard = openShard(runId, partition, context)) {
          IndexProcessor processor = new IndexProcessor(shard, store);
          eachChunk(
              runId,
              partition,
              processor::process,
              new IndexCommit(shard, workers)::write,
              new ChunkProgress<>("index " + run, progress, null));
        }
        context.putString(PHASE, "classify");
        context.putLong(INDEXED_BY, contribution.getStepExecution().getId());
        return RepeatStatus.CONTINUABLE;
      }
      case "classify" -> {
        try (PageIndex shard = openShard(runId, partition, context)) {
          ClassifyProcessor processor = new ClassifyProcessor(classifier, store);
          // Resumed here after the index phase ran in an earlier attempt: the earlier attempt may
          // have labelled pages of the shard already.
          boolean resumed =
              context.getLong(INDEXED_BY, -1) != contribution.getStepExecution().getId();
          ClassifyWriter writer = new ClassifyWriter(store, shard, resumed);
          eachChunk(
              runId,
              partition,
              processor::process,
              writer::write,
              new ChunkProgress<>("classify " + run, progress, ClassifiedPage::flagged));
        }
        context.putString(PHASE, "done");
        return RepeatStatus.FINISHED;
      }
      default -> {
        return RepeatStatus.FINISHED;
      }
    }
  }

  private PageIndex openShard(long runId, HostPartition partition, ExecutionContext context)
      throws IOException {
    Path dir = shard(paths, runId, partition.index());
    Files.createDirectories(dir);
    boolean offsets = !context.containsKey(SHARD_OFFSETS) || (Boolean) context.get(SHARD_OFFSETS);
    return PageIndex.openForWriting(dir, segmenters, Labels.all(), offsets);
  }

  /** What a chunk's pages go through, one page at a time (on any of the worker's threads). */
  @FunctionalInterface
  interface PageStep<T> {
    T process(StoredPage page) throws Exception;
  }

  /** What is done with a processed chunk, on this thread. */
  @FunctionalInterface
  interface ChunkEnd<T> {
    void write(Chunk<T> chunk) throws Exception;
  }

  /**
   * Runs the partition's stored pages through {@code step}, a chunk at a time with the chunk's
   * pages on every core, then through {@code end}, telling {@code lines} as it goes.
   */
  private <T> void eachChunk(
      long runId,
      HostPartition partition,
      PageStep<T> step,
      ChunkEnd<T> end,
      ChunkProgress<T> lines)
      throws Exception {
    Set<String> hosts =
        store.hostsOf(runId).stream()
            .filter(partition)
            .collect(java.util.stream.Collectors.toSet());
    lines.start(hosts.isEmpty() ? 0 : store.pagesWithContent(runId, hosts));
    if (hosts.isEmpty()) {
      lines.finish();
      return;
    }
    FetchedPages reader = new FetchedPages(dataSource, runId, hosts, PatrolJobConfiguration.CHUNK);
    reader.open(new ExecutionContext());
    try {
      List<StoredPage> batch = new ArrayList<>();
      StoredPage page;
      do {
        page = reader.read();
        if (page != null) {
          batch.add(page);
        }
        if (batch.size() == PatrolJobConfiguration.CHUNK || page == null && !batch.isEmpty()) {
          List<CompletableFuture<T>> results = new ArrayList<>();
          for (StoredPage p : batch) {
            results.add(
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return step.process(p);
                      } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                      }
                    },
                    workers.executor()));
          }
          Chunk<T> processed = new Chunk<>();
          for (CompletableFuture<T> r : results) {
            processed.add(join(r));
          }
          end.write(processed);
          lines.afterWrite(processed);
          batch.clear();
        }
      } while (page != null);
    } finally {
      reader.close();
    }
    lines.finish();
  }

  private static <T> T join(CompletableFuture<T> result) throws Exception {
    try {
      return result.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
