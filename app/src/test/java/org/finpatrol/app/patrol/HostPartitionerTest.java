package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The manager's split of a run by seed host, on the patrol schema in an in-memory H2 database. */
class HostPartitionerTest {

  private static final List<String> SEEDS =
      List.of("http://127.0.0.1/", "http://127.0.0.2/", "http://127.0.0.3/", "http://鑫盛.test/");

  private PatrolStore store;

  @BeforeEach
  void run() {
    JdbcDataSource db = PatrolFixtures.database("partitioner");
    JdbcClient jdbc = JdbcClient.create(db);
    PatrolFixtures.run(jdbc, 1);
    jdbc.sql("UPDATE patrol_run SET seeds = ?, partitions = 3 WHERE id = 1")
        .param(String.join("\n", SEEDS))
        .update();
    store = new PatrolStore(db, Clock.systemUTC());
  }

  @Test
  void eachSeedHostGoesToTheOnePartitionThatOwnsItAndEmptyOnesAreNotSent() {
    List<String> lines = new ArrayList<>();
    Map<String, ExecutionContext> partitions =
        new HostPartitioner(store, 1, lines::add, false).partition(1);

    List<String> owned = new ArrayList<>();
    for (ExecutionContext context : partitions.values()) {
      assertThat(context.getInt(PartitionTasklet.PARTITIONS)).isEqualTo(3);
      HostPartition partition = new HostPartition(context.getInt(PartitionTasklet.PARTITION), 3);
      SEEDS.stream().map(s -> s.replaceAll("http://|/", "")).filter(partition).forEach(owned::add);
    }
    assertThat(owned).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2", "127.0.0.3", "鑫盛.test");
    long nonEmpty =
        SEEDS.stream()
            .map(s -> HostPartition.of(s.replaceAll("http://|/", ""), 3))
            .distinct()
            .count();
    assertThat(partitions).hasSize((int) nonEmpty);
    assertThat(lines).singleElement().asString().contains(nonEmpty + " of 3 hold seed hosts");
  }

  @Test
  void workersAreToldTheLayoutOfTheIndexTheirShardsGoInto() {
    for (boolean offsets : new boolean[] {false, true}) {
      assertThat(new HostPartitioner(store, 1, Progress.NONE, offsets).partition(1).values())
          .isNotEmpty()
          .allSatisfy(
              context ->
                  assertThat(context.get(PartitionTasklet.SHARD_OFFSETS)).isEqualTo(offsets));
    }
  }
}
