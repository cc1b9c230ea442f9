package org.finpatrol.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.patrol.PatrolReport;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.ReviewCase;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

  @Test
  void overdueNoticesAreCalledOutAfterTheCases() {
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    ReviewCase late =
        new ReviewCase(
            7,
            CaseKind.SITE,
            "xinsheng.test",
            "www.xinsheng.test",
            "http://www.xinsheng.test/",
            List.of("GUARANTEED_RETURN"),
            List.of(),
            List.of("comms", "market"),
            "淇滨区",
            CaseStatus.NOTICE_ISSUED,
            80,
            List.of(),
            t,
            t,
            LocalDate.of(2026, 11, 30),
            null,
            null);
    PatrolReport report =
        new PatrolReport(
            3,
            3,
            "COMPLETED",
            "",
            Duration.ofSeconds(2),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(late));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportPrinter.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("OVERDUE rectification notices (1):")
        .contains("#7    site www.xinsheng.test")
        .contains("deadline 2026-11-30  -> comms,market");
  }
}
