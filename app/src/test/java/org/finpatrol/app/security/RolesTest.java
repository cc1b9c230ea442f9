package org.finpatrol.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.ReviewCase;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void storedRolesRoundTripThroughSpringAuthorities() {
    Roles roles = Roles.parse("ANALYST, REVIEWER:market,REVIEWER:finance-office");
    assertThat(roles.stored()).isEqualTo("ANALYST,REVIEWER:finance-office,REVIEWER:market");
    assertThat(roles.authorities().stream().map(a -> a.getAuthority()))
        .containsExactly(
            "ROLE_ANALYST",
            "ROLE_REVIEWER",
            "ROLE_REVIEWER_finance-office",
            "ROLE_REVIEWER_market");
    assertThat(Roles.of(roles.authorities())).isEqualTo(roles);
  }

  @Test
  void anUnknownRoleIsNamed() {
    assertThatThrownBy(() -> Roles.parse("ADMIN,BOSS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'BOSS'");
  }

  @Test
  void aReviewerSeesTheCasesOfTheirUnitsOnlyAndAnAdminSeesAll() {
    ReviewCase market = aCase(List.of("market"));
    ReviewCase police = aCase(List.of("finance-office", "police"));
    Viewer reviewer = new Viewer("li", Roles.parse("REVIEWER:market"));
    Viewer admin = new Viewer("admin", Roles.parse("ADMIN"));
    Viewer analyst = new Viewer("zhao", Roles.parse("ANALYST"));
    assertThat(reviewer.canSee(market)).isTrue();
    assertThat(reviewer.canSee(police)).isFalse();
    assertThat(admin.canSee(police)).isTrue();
    assertThat(analyst.canSee(market)).isFalse();
    assertThat(reviewer.reportUnit(null)).isEqualTo("market");
    assertThatThrownBy(() -> reviewer.reportUnit("police")).isInstanceOf(SecurityException.class);
    assertThat(admin.reportUnit(null)).isNull();
    assertThat(Set.of(reviewer.runsPatrols(), admin.runsPatrols()))
        .containsExactlyInAnyOrder(false, true);
  }

  private static ReviewCase aCase(List<String> units) {
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    return new ReviewCase(
        1,
        CaseKind.SITE,
        "xinsheng.test",
        "xinsheng.test",
        "http://xinsheng.test/",
        List.of("GUARANTEED_RETURN"),
        List.of(),
        units,
        null,
        CaseStatus.NEW,
        70,
        List.of(),
        t,
        t,
        null,
        null,
        null);
  }
}
