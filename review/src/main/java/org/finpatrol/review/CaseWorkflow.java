package org.finpatrol.review;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves cases through the review workflow ({@link CaseStatus#next()}) and keeps their audit trail.
 * Each transition locks the case row, checks the move against the state it finds, updates the case
 * and appends one {@link CaseEvent}, in one transaction: two reviewers acting at once cannot both
 * move the same case from the same state. The trail is append-only; nothing here updates or deletes
 * an event. Dates (deadlines, "overdue") are in China time. Thread-safe.
 */
public final class CaseWorkflow {

  /** The zone deadlines are set and judged in. */
  public static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Shanghai");

  static final int MAX_ACTOR = 64;
  static final int MAX_COMMENT = 1000;
  static final int MAX_REASON = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final CaseService cases;
  private final Clock clock;

  public CaseWorkflow(DataSource dataSource, CaseService cases, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.cases = cases;
    this.clock = clock;
  }

  /**
   * Applies a transition and returns the case as it now is.
   *
   * @throws NoSuchElementException no such case
   * @throws InvalidTransitionException the move is not allowed from the case's state
   * @throws IllegalArgumentException the request itself is incomplete (names what is missing)
   */
  public ReviewCase transition(long caseId, Transition t) {
    check(t);
    transactions.executeWithoutResult(
        status -> {
          CaseStatus from =
              jdbc.sql("SELECT status FROM review_case WHERE id = ? FOR UPDATE")
                  .param(caseId)
                  .query((rs, n) -> CaseStatus.valueOf(rs.getString(1)))
                  .optional()
                  .orElseThrow(() -> new NoSuchElementException("no case #" + caseId));
          if (!from.next().contains(t.to())) {
            throw new InvalidTransitionException(refusal(caseId, from, t.to()));
          }
          Instant now = clock.instant();
          if (t.to() == CaseStatus.NOTICE_ISSUED) {
            jdbc.sql(
                    "UPDATE review_case SET status = ?, notice_deadline = ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(t.to().name(), Date.valueOf(t.deadline()), Timestamp.from(now), caseId)
                .update();
          } else {
            jdbc.sql("UPDATE review_case SET status = ?, updated_at = ? WHERE id = ?")
                .params(t.to().name(), Timestamp.from(now), caseId)
                .update();
          }
          append(
              jdbc,
              caseId,
              now,
              t.actor().strip(),
              from,
              t.to(),
              t.comment(),
              t.deadline(),
              t.reason());
        });
    return cases.find(caseId).orElseThrow();
  }

  private void check(Transition t) {
    if (t.to() == null) {
      throw new IllegalArgumentException("say which state the case goes to");
    }
    if (t.actor() == null || t.actor().isBlank()) {
      throw new IllegalArgumentException("say who acts (actor)");
    }
    if (t.actor().strip().length() > MAX_ACTOR) {
      throw new IllegalArgumentException("actor is longer than " + MAX_ACTOR + " characters");
    }
    if (t.comment() != null && t.comment().length() > MAX_COMMENT) {
      throw new IllegalArgumentException("comment is longer than " + MAX_COMMENT + " characters");
    }
    if (t.to() == CaseStatus.NOTICE_ISSUED) {
      LocalDate today = LocalDate.now(clock.withZone(LOCAL_ZONE));
      if (t.deadline() == null) {
        throw new IllegalArgumentException("a rectification notice needs a deadline");
      }
      if (!t.deadline().isAfter(today)) {
        throw new IllegalArgumentException(
            "the deadline " + t.deadline() + " must be after today (" + today + ")");
      }
    } else if (t.deadline() != null) {
      throw new IllegalArgumentException("only a rectification notice takes a deadline");
    }
    if (t.to() == CaseStatus.DISMISSED) {
      if (t.reason() == null || t.reason().isBlank()) {
        throw new IllegalArgumentException("a dismissal needs a reason (why it is no violation)");
      }
      if (t.reason().length() > MAX_REASON) {
        throw new IllegalArgumentException("reason is longer than " + MAX_REASON + " characters");
      }
    } else if (t.reason() != null) {
      throw new IllegalArgumentException("only a dismissal takes a reason");
    }
  }

  private static String refusal(long caseId, CaseStatus from, CaseStatus to) {
    if (from.isClosed()) {
      return "case #" + caseId + " is " + from + ", which is final; it cannot go to " + to;
    }
    return "case #"
        + caseId
        + " is "
        + from
        + "; it can go to "
        + from.next().stream().map(Enum::name).collect(Collectors.joining(" or "))
        + ", not "
        + to;
  }

  /** Appends one event; the only write the trail ever gets. */
  static void append(
      JdbcClient jdbc,
      long caseId,
      Instant at,
      String actor,
      CaseStatus from,
      CaseStatus to,
      String comment,
      LocalDate deadline,
      String reason) {
    jdbc.sql(
            "INSERT INTO case_event (case_id, happened_at, actor, from_status, to_status, comment,"
                + " deadline, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            caseId,
            Timestamp.from(at),
            actor,
            from == null ? null : from.name(),
            to.name(),
            comment,
            deadline == null ? null : Date.valueOf(deadline),
            reason)
        .update();
  }

  /** The case's audit trail, oldest first. */
  public List<CaseEvent> timeline(long caseId) {
    return jdbc.sql(
            "SELECT id, case_id, happened_at, actor, from_status, to_status, comment, deadline,"
                + " reason FROM case_event WHERE case_id = ? ORDER BY id")
        .param(caseId)
        .query(
            (rs, n) ->
                new CaseEvent(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5) == null ? null : CaseStatus.valueOf(rs.getString(5)),
                    CaseStatus.valueOf(rs.getString(6)),
                    rs.getString(7),
                    rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
                    rs.getString(9)))
        .list();
  }

  /** Cases whose rectification deadline has passed (China time) with no re-check yet. */
  public List<ReviewCase> overdue() {
    LocalDate today = LocalDate.now(clock.withZone(LOCAL_ZONE));
    return cases.list(new CaseQuery(null, CaseStatus.NOTICE_ISSUED)).stream()
        .filter(c -> c.noticeDeadline() != null && c.noticeDeadline().isBefore(today))
        .toList();
  }
}
