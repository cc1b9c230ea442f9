package org.finpatrol.app.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.classifier.model.Sample;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reviewers' decisions as training samples for the statistical model: the pages a decided site case
 * cites, with what the decision says about them. A confirmed case (and every state after
 * confirmation) says its pages solicit, and promise guaranteed returns when that was among its
 * categories; a dismissed one says no guarantee is promised there, and nothing about solicitation
 * (a licensed bank's page and a misread news item are both dismissed).
 */
public final class ReviewerDecisions {

  /** What one decision taught: how many samples of each kind. */
  public record Loaded(List<Sample> samples, int confirmed, int dismissed) {}

  private final JdbcClient jdbc;

  public ReviewerDecisions(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Loaded load() {
    Map<String, Sample> byText = new LinkedHashMap<>();
    int[] counts = new int[2];
    jdbc.sql(
            "SELECT c.status, (SELECT COUNT(*) FROM finding f WHERE f.page_id = p.id"
                + " AND f.ad_id IS NULL AND f.category = 'GUARANTEED_RETURN'), p.title, p.body_text"
                + " FROM review_case c"
                + " JOIN case_evidence e ON e.case_id = c.id"
                + " JOIN page p ON p.record_id = e.record_id"
                + " WHERE c.kind = 'site' AND c.status IN ('CONFIRMED', 'NOTICE_ISSUED', 'RECHECK',"
                + " 'CLOSED_RECTIFIED', 'REFERRED', 'DISMISSED') ORDER BY c.id, e.id")
        .query(
            (RowCallbackHandler)
                rs -> {
                  String text = rs.getString(3) + "\n" + rs.getString(4);
                  if (text.isBlank() || byText.containsKey(text)) {
                    return;
                  }
                  boolean dismissed = rs.getString(1).equals("DISMISSED");
                  boolean claimFound = rs.getInt(2) > 0;
                  Sample sample =
                      dismissed
                          ? new Sample(text, Boolean.FALSE, null)
                          : new Sample(text, claimFound ? Boolean.TRUE : null, Boolean.TRUE);
                  byText.put(text, sample);
                  counts[dismissed ? 1 : 0]++;
                });
    return new Loaded(new ArrayList<>(byText.values()), counts[0], counts[1]);
  }
}
