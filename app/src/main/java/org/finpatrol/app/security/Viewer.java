package org.finpatrol.app.security;

import java.util.List;
import org.finpatrol.review.ReviewCase;
import org.springframework.security.core.Authentication;

/**
 * The signed-in user as the pages and API see them: a name for the audit trail and the roles that
 * decide which cases they see. A reviewer sees the cases routed to one of their units; an admin
 * sees every case; an analyst sees none (they search and follow platforms).
 */
public record Viewer(String username, Roles roles) {

  public static Viewer of(Authentication authentication) {
    return new Viewer(authentication.getName(), Roles.of(authentication.getAuthorities()));
  }

  public boolean canSee(ReviewCase c) {
    return roles.admin() || c.units().stream().anyMatch(roles.units()::contains);
  }

  public boolean seesCases() {
    return roles.admin() || roles.reviewer();
  }

  /** Whether this user may start patrols: admins and the communications administration. */
  public boolean runsPatrols() {
    return roles.admin() || roles.units().contains("comms");
  }

  /** The cases of {@code all} this user may see. */
  public List<ReviewCase> visible(List<ReviewCase> all) {
    return all.stream().filter(this::canSee).toList();
  }

  /**
   * The unit a report may be for: any (or none: all units) for an admin, one of their own for a
   * reviewer, who gets their first unit when they name none.
   *
   * @throws SecurityException when a reviewer names another unit
   */
  public String reportUnit(String asked) {
    if (roles.admin()) {
      return asked;
    }
    if (asked == null || asked.isBlank()) {
      return roles.units().stream()
          .sorted()
          .findFirst()
          .orElseThrow(() -> new SecurityException(username + " reviews for no unit"));
    }
    if (!roles.units().contains(asked)) {
      throw new SecurityException(username + " does not review for unit '" + asked + "'");
    }
    return asked;
  }
}
