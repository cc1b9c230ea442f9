package org.finpatrol.app.web;

import java.util.List;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.ReviewCase;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that decides whether a user sees a case: pages and API alike ask here, so a
 * reviewer of one unit never reaches another unit's case by any route.
 */
@Component
public class CaseAccess {

  private final CaseService cases;

  public CaseAccess(CaseService cases) {
    this.cases = cases;
  }

  /**
   * The case, if this viewer may see it.
   *
   * @throws ResponseStatusException 404 when there is no such case, 403 when it is another unit's
   */
  public ReviewCase get(Viewer viewer, long id) {
    ReviewCase c =
        cases
            .find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case #" + id));
    if (!viewer.canSee(c)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "case #" + id + " is not routed to a unit of " + viewer.username());
    }
    return c;
  }

  public List<ReviewCase> list(Viewer viewer, CaseQuery query) {
    return viewer.visible(cases.list(query));
  }
}
