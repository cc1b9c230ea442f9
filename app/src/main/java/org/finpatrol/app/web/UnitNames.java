package org.finpatrol.app.web;

import java.util.List;
import org.finpatrol.review.CaseService;
import org.springframework.stereotype.Component;

/** Unit ids as people read them, from {@code config/units.yml} (templates call {@code @units}). */
@Component("units")
public class UnitNames {

  private final CaseService cases;

  public UnitNames(CaseService cases) {
    this.cases = cases;
  }

  /** The units' names joined with 、 (an unknown id as it is). */
  public String names(List<String> ids) {
    return String.join("、", ids.stream().map(this::name).toList());
  }

  public String name(String id) {
    return cases.routing().units().getOrDefault(id, id);
  }
}
