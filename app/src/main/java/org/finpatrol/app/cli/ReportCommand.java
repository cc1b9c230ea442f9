package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.finpatrol.review.CaseReport;
import org.finpatrol.review.CaseReports;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol report}: the basis of a 整治报告 for a unit, a county and a period, as CSV (to
 * stdout or a file) or XLSX (to a file): cases by category and state, overdue notices, closed
 * cases.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Case report per unit, county and period, as CSV or XLSX.")
final class ReportCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(names = "--unit", paramLabel = "U", description = "Only this unit's cases.")
  String unit;

  @Option(names = "--county", paramLabel = "C", description = "Only this county's cases.")
  String county;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First day (default: the first of this month, China time).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: today).")
  String to;

  @Option(
      names = "--format",
      paramLabel = "csv|xlsx",
      description = "Output format (default: from --output's extension, else csv).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write here instead of stdout (XLSX needs a file).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ReviewDatabase review = ReviewDatabase.open(root.paths());
    review.checkUnit(unit);
    LocalDate today = LocalDate.now(review.clock().withZone(CaseWorkflow.LOCAL_ZONE));
    LocalDate first = from == null ? today.withDayOfMonth(1) : date("--from", from);
    LocalDate last = to == null ? today : date("--to", to);
    String kind = format(output);
    ReportQuery query;
    try {
      query = new ReportQuery(unit, county, first, last);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    CaseReport report =
        new CaseReports(review.cases(), review.workflow(), review.clock()).build(query);
    if (kind.equals("xlsx")) {
      if (output == null) {
        throw new UsageException("--format xlsx needs --output FILE");
      }
      try (OutputStream out = Files.newOutputStream(output)) {
        CaseReports.writeXlsx(report, out);
      }
    } else if (output == null) {
      Writer out = new OutputStreamWriter(root.console().out(), StandardCharsets.UTF_8);
      CaseReports.writeCsv(report, out);
    } else {
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        CaseReports.writeCsv(report, out);
      }
    }
    if (output != null) {
      root.console()
          .progress(
              "report: "
                  + report.activeCases()
                  + " case(s), "
                  + report.overdue().size()
                  + " overdue, "
                  + report.closed().size()
                  + " closed, written to "
                  + output);
    }
    return 0;
  }

  private String format(Path file) {
    String f = format;
    if (f == null) {
      f =
          file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")
              ? "xlsx"
              : "csv";
    }
    f = f.toLowerCase(Locale.ROOT);
    if (!f.equals("csv") && !f.equals("xlsx")) {
      throw new UsageException("unknown --format '" + format + "' (csv or xlsx)");
    }
    return f;
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " '" + value + "' is not a date like 2026-11-30");
    }
  }
}
