package org.finpatrol.app.schedule;

import org.springframework.scheduling.support.CronExpression;

/**
 * One scheduled patrol: the seed group ({@code config/seeds/<group>.txt}), when (a Spring cron
 * expression, second minute hour day month weekday, in China time), its limits and its pause
 * between requests to one host, its fetch threads and how many of them one host may occupy at once.
 * A {@code recheck} schedule patrols only the pages cited by cases awaiting re-check (its group
 * names no seed file).
 */
public record PatrolSchedule(
    String group,
    String cron,
    int maxPages,
    int maxDepth,
    int politenessMs,
    int threads,
    int threadsPerHost,
    boolean recheck) {

  public CronExpression expression() {
    return CronExpression.parse(cron);
  }
}
