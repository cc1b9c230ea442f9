package org.finpatrol.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.classifier.Labels;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchResult.FacetCount;
import org.finpatrol.review.CaseEvent;
import org.finpatrol.review.Evidence;
import org.finpatrol.review.ReviewCase;

/**
 * The JSON shapes of the command-line contract (DESIGN.md), shared by the CLI's {@code --json}
 * output and the REST API so both say the same thing with the same field names.
 */
public final class JsonViews {

  private JsonViews() {}

  /** {@code id, host, url, kind, categories, signals, units, county, status, risk, evidence}. */
  public static Map<String, Object> reviewCase(ReviewCase c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", c.id());
    o.put("host", c.host());
    o.put("url", c.url());
    o.put("kind", c.kind().id());
    o.put("categories", c.categories());
    o.put("signals", c.signals());
    o.put("units", c.units());
    o.put("county", c.county());
    o.put("status", c.status().name());
    o.put("risk", c.risk());
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (Evidence e : c.evidence()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("warc", e.warc());
      m.put("record_id", e.recordId());
      m.put("sha256", e.sha256());
      m.put("fetched_at", e.fetchedAt().toString());
      evidence.add(m);
    }
    o.put("evidence", evidence);
    // Beyond the contract's fields: why the case was escalated for immediate report, or null.
    o.put("escalation", c.escalation());
    return o;
  }

  /** {@code id, at, actor, from, to, comment, deadline, reason}: one line of a case's trail. */
  public static Map<String, Object> caseEvent(CaseEvent e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", e.id());
    o.put("at", e.at().toString());
    o.put("actor", e.actor());
    o.put("from", e.from() == null ? null : e.from().name());
    o.put("to", e.to().name());
    o.put("comment", e.comment());
    o.put("deadline", e.deadline() == null ? null : e.deadline().toString());
    o.put("reason", e.reason());
    return o;
  }

  /** {@code url, title, host, score, snippet, categories}; the snippet marks matches with em. */
  public static Map<String, Object> searchHit(SearchHit hit) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("url", hit.url());
    o.put("title", hit.title());
    o.put("host", hit.host());
    o.put("score", hit.score());
    o.put("snippet", hit.snippet().marked("<em>", "</em>"));
    o.put("categories", hit.labels().stream().filter(Labels.CATEGORIES::contains).toList());
    return o;
  }

  /** {@code {facet: [{value, count}, ...]}}, in the order given. */
  public static Map<String, Object> facets(Map<String, List<FacetCount>> facets) {
    Map<String, Object> o = new LinkedHashMap<>();
    facets.forEach(
        (name, counts) ->
            o.put(
                name,
                counts.stream()
                    .map(f -> Map.<String, Object>of("value", f.value(), "count", f.count()))
                    .toList()));
    return o;
  }

  /**
   * A search hit with everything the index has on it: the CLI's fields plus {@code signals, risk,
   * operator, county, fetched_at, evidence {warc, record_id, sha256}}.
   */
  public static Map<String, Object> searchHitDetail(SearchHit hit) {
    Map<String, Object> o = searchHit(hit);
    o.put("signals", hit.labels().stream().filter(Labels.SIGNALS::contains).toList());
    o.put("risk", hit.risk());
    o.put("operator", hit.operator());
    o.put("county", hit.county());
    o.put("fetched_at", hit.fetchedAt().toString());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("warc", hit.warcFile());
    evidence.put("record_id", hit.warcRecordId());
    evidence.put("sha256", hit.sha256());
    o.put("evidence", evidence);
    return o;
  }
}
