package org.finpatrol.app.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.finpatrol.review.CaseWorkflow;
import org.springframework.stereotype.Component;

/** Times as the units read them: Beijing time, to the minute (templates call {@code @times}). */
@Component("times")
public class Times {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
          .withZone(CaseWorkflow.LOCAL_ZONE);

  public String local(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant);
  }
}
