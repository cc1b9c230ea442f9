/**
 * Scheduled patrols: {@code config/schedules.yml} (one cron schedule per seed group), validated
 * with file and line, and the scheduler that {@code finpatrol serve} runs. A run missed while the
 * server was down runs once when it is back, not once per missed time.
 */
package org.finpatrol.app.schedule;
