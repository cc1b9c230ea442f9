package org.finpatrol.app.patrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.finpatrol.crawler.Urls;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's seeds by host into the partitions the run asked for ({@link HostPartition}); a
 * partition that owns no seed host is not sent (it would have nothing to crawl).
 */
final class HostPartitioner implements Partitioner {

  private final PatrolStore store;
  private final long runId;
  private final Progress progress;
  private final boolean offsets;

  /**
   * @param offsets whether the index the shards go into stores offsets in its postings ({@link
   *     org.finpatrol.indexer.PageIndex#storesOffsets}): the workers make their shards alike
   */
  HostPartitioner(PatrolStore store, long runId, Progress progress, boolean offsets) {
    this.store = store;
    this.runId = runId;
    this.progress = progress;
    this.offsets = offsets;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    int count = store.partitions(runId);
    List<String> seeds = store.loadRun(runId).seeds();
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    StringBuilder plan = new StringBuilder();
    for (int i = 0; i < count; i++) {
      HostPartition partition = new HostPartition(i, count);
      TreeSet<String> hosts = new TreeSet<>();
      for (String seed : seeds) {
        String host = Urls.host(seed);
        if (partition.test(host)) {
          hosts.add(host);
        }
      }
      if (hosts.isEmpty()) {
        continue;
      }
      ExecutionContext context = new ExecutionContext();
      context.putInt(PartitionTasklet.PARTITION, i);
      context.putInt(PartitionTasklet.PARTITIONS, count);
      context.put(PartitionTasklet.SHARD_OFFSETS, offsets);
      out.put("p" + i, context);
      plan.append(plan.isEmpty() ? "" : "; ").append(partition).append(' ').append(hosts.size());
      plan.append(hosts.size() == 1 ? " host" : " hosts");
    }
    progress.line(
        "partitions: "
            + out.size()
            + " of "
            + count
            + " hold seed hosts ("
            + plan
            + "); sent to the workers, waiting for them (`finpatrol worker` on each machine)");
    return out;
  }
}
