package org.finpatrol.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds case reports per unit, county and period, and writes them as CSV (UTF-8 with a byte order
 * mark, so spreadsheet programs read the Chinese right) or XLSX (three sheets: 汇总, 逾期, 已办结).
 * Thread-safe.
 */
public final class CaseReports {

  static final String[] SUMMARY_HEADER = header();

  private final CaseService cases;
  private final CaseWorkflow workflow;
  private final Clock clock;

  public CaseReports(CaseService cases, CaseWorkflow workflow, Clock clock) {
    this.cases = cases;
    this.workflow = workflow;
    this.clock = clock;
  }

  private static String[] header() {
    List<String> h = new ArrayList<>(List.of("类别"));
    for (CaseStatus s : CaseStatus.values()) {
      h.add(s.name());
    }
    h.add("合计");
    return h.toArray(String[]::new);
  }

  public CaseReport build(ReportQuery q) {
    Instant start = q.from().atStartOfDay(CaseWorkflow.LOCAL_ZONE).toInstant();
    Instant end = q.to().plusDays(1).atStartOfDay(CaseWorkflow.LOCAL_ZONE).toInstant();
    List<ReviewCase> scope =
        cases.list(new CaseQuery(q.unit(), null)).stream()
            .filter(c -> q.county() == null || q.county().equals(c.county()))
            .toList();
    Map<String, Map<CaseStatus, Integer>> counts = new TreeMap<>();
    List<CaseReport.Closed> closed = new ArrayList<>();
    int active = 0;
    for (ReviewCase c : scope) {
      List<CaseEvent> trail = workflow.timeline(c.id());
      boolean inPeriod =
          trail.stream().anyMatch(e -> !e.at().isBefore(start) && e.at().isBefore(end));
      if (!inPeriod) {
        continue;
      }
      active++;
      for (String category : c.categories()) {
        counts
            .computeIfAbsent(category, k -> new EnumMap<>(CaseStatus.class))
            .merge(c.status(), 1, Integer::sum);
      }
      for (CaseEvent e : trail) {
        if (e.to().isClosed()
            && e.from() != e.to()
            && !e.at().isBefore(start)
            && e.at().isBefore(end)) {
          closed.add(new CaseReport.Closed(c, e));
        }
      }
    }
    List<ReviewCase> overdue =
        workflow.overdue().stream()
            .filter(c -> scope.stream().anyMatch(s -> s.id() == c.id()))
            .toList();
    return new CaseReport(q, clock.instant(), counts, active, overdue, closed);
  }

  /** The report as CSV: a title line, then the three tables, separated by blank lines. */
  public static void writeCsv(CaseReport r, Writer out) throws IOException {
    out.write('\uFEFF');
    line(out, title(r));
    line(out, SUMMARY_HEADER);
    for (String[] row : summaryRows(r)) {
      line(out, row);
    }
    out.write("\r\n");
    line(out, "逾期案件");
    line(out, OVERDUE_HEADER);
    for (String[] row : overdueRows(r)) {
      line(out, row);
    }
    out.write("\r\n");
    line(out, "已办结案件");
    line(out, CLOSED_HEADER);
    for (String[] row : closedRows(r)) {
      line(out, row);
    }
    out.flush();
  }

  /** The report as an XLSX workbook with the sheets 汇总, 逾期 and 已办结. */
  public static void writeXlsx(CaseReport r, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet summary = book.createSheet("汇总");
      int n = 0;
      cells(summary.createRow(n++), new String[] {title(r)});
      cells(summary.createRow(n++), SUMMARY_HEADER);
      for (String[] row : summaryRows(r)) {
        cells(summary.createRow(n++), row);
      }
      fill(book.createSheet("逾期"), OVERDUE_HEADER, overdueRows(r));
      fill(book.createSheet("已办结"), CLOSED_HEADER, closedRows(r));
      book.write(out);
    }
  }

  static final String[] OVERDUE_HEADER = {"编号", "平台", "类型", "县区", "整改期限", "风险", "单位"};
  static final String[] CLOSED_HEADER = {"编号", "平台", "类型", "县区", "结果", "办结时间", "经办人", "说明"};

  private static String title(CaseReport r) {
    ReportQuery q = r.query();
    return "整治报告 单位="
        + (q.unit() == null ? "全部" : q.unit())
        + " 县区="
        + (q.county() == null ? "全部" : q.county())
        + " 期间="
        + q.from()
        + "至"
        + q.to()
        + " 案件="
        + r.activeCases()
        + " 生成="
        + ZonedDateTime.ofInstant(r.generatedAt(), CaseWorkflow.LOCAL_ZONE)
            .toLocalDateTime()
            .withNano(0);
  }

  static List<String[]> summaryRows(CaseReport r) {
    List<String[]> rows = new ArrayList<>();
    int[] columnTotals = new int[CaseStatus.values().length + 1];
    for (Map.Entry<String, Map<CaseStatus, Integer>> e : r.countsByCategory().entrySet()) {
      String[] row = new String[SUMMARY_HEADER.length];
      row[0] = e.getKey();
      int total = 0;
      for (CaseStatus s : CaseStatus.values()) {
        int n = e.getValue().getOrDefault(s, 0);
        row[s.ordinal() + 1] = Integer.toString(n);
        columnTotals[s.ordinal()] += n;
        total += n;
      }
      row[row.length - 1] = Integer.toString(total);
      columnTotals[columnTotals.length - 1] += total;
      rows.add(row);
    }
    String[] totals = new String[SUMMARY_HEADER.length];
    totals[0] = "合计";
    for (int i = 0; i < columnTotals.length; i++) {
      totals[i + 1] = Integer.toString(columnTotals[i]);
    }
    rows.add(totals);
    return rows;
  }

  static List<String[]> overdueRows(CaseReport r) {
    List<String[]> rows = new ArrayList<>();
    for (ReviewCase c : r.overdue()) {
      rows.add(
          new String[] {
            Long.toString(c.id()),
            c.platformKey(),
            c.kind().id(),
            nullToEmpty(c.county()),
            String.valueOf(c.noticeDeadline()),
            Integer.toString(c.risk()),
            String.join(" ", c.units())
          });
    }
    return rows;
  }

  static List<String[]> closedRows(CaseReport r) {
    List<String[]> rows = new ArrayList<>();
    for (CaseReport.Closed closed : r.closed()) {
      ReviewCase c = closed.reviewCase();
      CaseEvent e = closed.closing();
      rows.add(
          new String[] {
            Long.toString(c.id()),
            c.platformKey(),
            c.kind().id(),
            nullToEmpty(c.county()),
            e.to().name(),
            ZonedDateTime.ofInstant(e.at(), CaseWorkflow.LOCAL_ZONE).toLocalDate().toString(),
            e.actor(),
            nullToEmpty(e.reason() != null ? e.reason() : e.comment())
          });
    }
    return rows;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void fill(Sheet sheet, String[] header, List<String[]> rows) {
    int n = 0;
    cells(sheet.createRow(n++), header);
    for (String[] row : rows) {
      cells(sheet.createRow(n++), row);
    }
  }

  private static void cells(Row row, String[] values) {
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      // Counts as numbers, so a spreadsheet can sum them; everything else as text.
      if (v != null && v.matches("\\d{1,9}")) {
        row.createCell(i).setCellValue(Integer.parseInt(v));
      } else {
        row.createCell(i).setCellValue(v == null ? "" : v);
      }
    }
  }

  private static void line(Writer out, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csv(fields[i]));
    }
    out.write("\r\n");
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so a crawled name cannot be a formula. */
  static String csv(String field) {
    String f = field == null ? "" : field;
    if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
      f = "'" + f;
    }
    if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
      return "\"" + f.replace("\"", "\"\"") + "\"";
    }
    return f;
  }
}
