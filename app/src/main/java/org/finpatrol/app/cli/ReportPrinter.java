package org.finpatrol.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.finpatrol.app.patrol.PatrolReport;
import org.finpatrol.app.patrol.Platform;
import org.finpatrol.review.ReviewCase;

/** The human summary of a patrol run. */
final class ReportPrinter {

  private ReportPrinter() {}

  static void print(PatrolReport r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Patrol #%d %s in %.1f s%n",
        r.runId(),
        r.status(),
        r.elapsed().toMillis() / 1000.0);
    if (!r.completed() && r.exitDescription() != null && !r.exitDescription().isBlank()) {
      out.println("  cause: " + r.exitDescription().lines().findFirst().orElse(""));
    }
    int total = r.pagesByStatus().values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder pages = new StringBuilder();
    for (Map.Entry<String, Integer> e : r.pagesByStatus().entrySet()) {
      pages
          .append(pages.length() == 0 ? "" : ", ")
          .append(e.getValue())
          .append(' ')
          .append(e.getKey());
    }
    out.println("  pages: " + total + (total == 0 ? "" : " (" + pages + ")"));
    for (PatrolReport.Failure f : r.failures()) {
      out.println(
          "    " + f.status() + " " + f.url() + (f.cause() == null ? "" : ": " + f.cause()));
    }
    if (!r.changes().isEmpty()) {
      StringBuilder changes = new StringBuilder();
      r.changes()
          .forEach(
              (k, v) ->
                  changes
                      .append(changes.length() == 0 ? "" : ", ")
                      .append(v)
                      .append(' ')
                      .append(k.toLowerCase(Locale.ROOT)));
      out.println("  since the last patrol: " + changes);
    }
    out.print("  steps:");
    r.steps().forEach(s -> out.print(" " + s.step() + " " + s.read() + "/" + s.written()));
    out.println("  (read/written)");
    out.println();
    out.println("Platforms (" + r.platforms().size() + "):");
    for (Platform p : r.platforms()) {
      out.printf(
          Locale.ROOT,
          "  %-6s risk %3d  %-28s %d page(s), %d flagged  %s%n",
          p.band(),
          p.risk(),
          p.host(),
          p.pages(),
          p.flaggedPages(),
          p.categories().isEmpty()
              ? ""
              : String.join(",", p.categories())
                  + (p.signals().isEmpty() ? "" : " + " + String.join(",", p.signals())));
      if (!p.reasons().isEmpty()) {
        out.println("         why: " + String.join(", ", p.reasons()));
      }
    }
    out.println();
    out.println("Cases opened or updated (" + r.cases().size() + "):");
    for (ReviewCase c : r.cases()) {
      out.printf(
          Locale.ROOT,
          "  #%-4d %-4s %-28s risk %3d  %s  -> %s%s%n",
          c.id(),
          c.kind().id(),
          c.host(),
          c.risk(),
          String.join(",", c.categories()),
          String.join(",", c.units()),
          c.county() == null ? "" : "  (" + c.county() + ")");
    }
    if (!r.overdue().isEmpty()) {
      out.println();
      out.println("OVERDUE rectification notices (" + r.overdue().size() + "):");
      for (ReviewCase c : r.overdue()) {
        out.printf(
            Locale.ROOT,
            "  #%-4d %-4s %-28s deadline %s  -> %s%n",
            c.id(),
            c.kind().id(),
            c.host(),
            c.noticeDeadline(),
            String.join(",", c.units()));
      }
    }
  }
}
