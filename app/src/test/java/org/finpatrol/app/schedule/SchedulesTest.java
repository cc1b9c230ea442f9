package org.finpatrol.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulesTest {

  @TempDir Path config;
  private Path seeds;
  private Path file;

  @BeforeEach
  void seedFiles() throws IOException {
    seeds = Files.createDirectories(config.resolve("seeds"));
    Files.writeString(seeds.resolve("platforms.txt"), "https://xinsheng.example.cn/\n");
    file = config.resolve("schedules.yml");
  }

  private List<PatrolSchedule> load(String yaml) throws IOException {
    Files.writeString(file, yaml);
    return Schedules.load(file, seeds);
  }

  private List<String> problems(String yaml) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
    assertThat(t).isInstanceOf(Schedules.InvalidSchedulesException.class);
    return ((Schedules.InvalidSchedulesException) t).problems();
  }

  @Test
  void readsSchedulesWithDefaults() throws IOException {
    List<PatrolSchedule> s =
        load(
            """
            # 巡查计划
            schedules:
              - group: platforms
                cron: "0 0 2 * * *"
                max_pages: 500
                politeness_ms: 200
                threads: 8
                threads_per_host: 3
              - group: recheck
                cron: "0 0 * * * *"
                recheck: true
            """);
    assertThat(s)
        .containsExactly(
            new PatrolSchedule("platforms", "0 0 2 * * *", 500, 2, 200, 8, 3, false),
            new PatrolSchedule("recheck", "0 0 * * * *", 200, 2, 1000, 4, 2, true));
  }

  @Test
  void fetchThreadsAreCheckedAndOneHostNeverGetsMoreThanThePatrol() throws IOException {
    assertThat(
            problems(
                """
                schedules:
                  - group: platforms
                    cron: "0 0 2 * * *"
                    threads: 0
                    threads_per_host: 兩个
                """))
        .satisfiesExactly(
            p -> assertThat(p).startsWith(file + ":4: ").contains("threads"),
            p -> assertThat(p).startsWith(file + ":5: ").contains("threads_per_host"));
    assertThat(
            load(
                """
                schedules:
                  - group: platforms
                    cron: "0 0 2 * * *"
                    threads: 2
                    threads_per_host: 6
                """))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.threads()).isEqualTo(2);
              assertThat(s.threadsPerHost()).isEqualTo(2);
            });
  }

  @Test
  void noFileIsNoSchedules() throws IOException {
    assertThat(Schedules.load(config.resolve("none.yml"), seeds)).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    List<String> problems =
        problems(
            """
            schedules:
              - group: platforms
                cron: "0 0 25 * * *"
              - group: wider
                cron: "0 0 3 * * SUN"
              - group: platforms
                cron: "0 0 4 * * *"
                max_depth: 99
                colour: red
            """);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith(file + ":3: ").contains("cron '0 0 25 * * *'"))
        .anySatisfy(p -> assertThat(p).startsWith(file + ":4: ").contains("no seed file"))
        .anySatisfy(p -> assertThat(p).startsWith(file + ":8: ").contains("max_depth must be"))
        .anySatisfy(p -> assertThat(p).startsWith(file + ":9: ").contains("unknown key 'colour'"))
        .hasSize(4);
  }

  @Test
  void aGroupTwiceAndAMissingCronAreNamed() {
    assertThat(
            problems(
                """
                schedules:
                  - group: platforms
                    cron: "0 0 2 * * *"
                  - group: platforms
                    cron: "0 0 3 * * *"
                  - group: recheck
                    recheck: yes-please
                """))
        .anySatisfy(p -> assertThat(p).startsWith(file + ":4: ").contains("has a schedule already"))
        .anySatisfy(
            p -> assertThat(p).startsWith(file + ":7: ").contains("recheck must be true or false"));
  }

  @Test
  void brokenYamlIsNamedWithItsLine() {
    assertThatThrownBy(() -> load("schedules:\n  - group: [platforms\n"))
        .isInstanceOf(Schedules.InvalidSchedulesException.class)
        .hasMessageStartingWith(file + ":");
  }
}
