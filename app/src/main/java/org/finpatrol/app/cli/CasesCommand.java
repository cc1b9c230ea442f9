package org.finpatrol.app.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.finpatrol.app.web.JsonViews;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.ReviewCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code finpatrol cases}: lists review cases, riskiest first. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "Lists review cases.")
final class CasesCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--unit",
      paramLabel = "U",
      description = "Only cases routed to this unit (comms, market, ...).")
  String unit;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "Only cases in this status (NEW, IN_REVIEW, ...).")
  String status;

  @Option(
      names = "--overdue",
      description = "Only cases whose rectification deadline has passed (China time).")
  boolean overdue;

  @Option(
      names = "--escalated",
      description = "Only cases escalated for immediate report (red or fast-growing platforms).")
  boolean escalated;

  @Option(names = "--json", description = "One JSON object a line.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    ReviewDatabase review = ReviewDatabase.open(root.paths());
    review.checkUnit(unit);
    CaseStatus wanted = null;
    if (status != null) {
      try {
        wanted = CaseStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "unknown --status '"
                + status
                + "' (one of "
                + String.join(", ", Arrays.stream(CaseStatus.values()).map(Enum::name).toList())
                + ")");
      }
    }
    List<ReviewCase> cases =
        overdue
            ? review.workflow().overdue().stream()
                .filter(c -> unit == null || c.units().contains(unit))
                .filter(c -> status == null || c.status().name().equalsIgnoreCase(status))
                .toList()
            : review.cases().list(new CaseQuery(unit, wanted));
    if (escalated) {
      cases = cases.stream().filter(c -> c.escalatedAt() != null).toList();
    }
    var out = root.console().out();
    if (json) {
      cases.forEach(c -> out.println(Json.line(JsonViews.reviewCase(c))));
      return 0;
    }
    if (cases.isEmpty()) {
      out.println(
          "no cases"
              + (unit != null || status != null || overdue || escalated
                  ? " match"
                  : " yet (run a patrol)"));
      return 0;
    }
    for (ReviewCase c : cases) {
      out.printf(
          Locale.ROOT,
          "#%d  %-4s %-24s risk %3d  %-10s units %s%s%n",
          c.id(),
          c.kind().id(),
          c.host(),
          c.risk(),
          c.status() + (c.noticeDeadline() == null ? "" : " (deadline " + c.noticeDeadline() + ")"),
          String.join(",", c.units()),
          c.county() == null ? "" : "  county " + c.county());
      out.printf(
          Locale.ROOT,
          "      %s  %s%n",
          String.join(",", c.categories()),
          c.signals().isEmpty() ? "" : "signals " + String.join(",", c.signals()));
      out.printf(Locale.ROOT, "      %s  (%d evidence record(s))%n", c.url(), c.evidence().size());
      if (c.escalation() != null) {
        out.printf(Locale.ROOT, "      ESCALATED %s: %s%n", c.escalatedAt(), c.escalation());
      }
    }
    return 0;
  }
}
