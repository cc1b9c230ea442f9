package org.finpatrol.review;

import java.util.Locale;

/** What a case is about: a website (platform) or an advertisement. */
public enum CaseKind {
  SITE,
  AD;

  /** The id used on the command line and in JSON: {@code site} or {@code ad}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CaseKind fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
