package org.finpatrol.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.finpatrol.app.tips.TipRateLimit;
import org.finpatrol.app.tips.TipService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 举报: the public form to report a URL (CSRF token, rate limit per address, URL checked). */
@Controller
class TipPage {

  private final TipService tips;
  private final TipRateLimit limit;

  TipPage(TipService tips, TipRateLimit limit) {
    this.tips = tips;
    this.limit = limit;
  }

  @GetMapping("/tips")
  String form() {
    return "tips";
  }

  @PostMapping("/tips")
  String submit(
      @RequestParam(name = "url", defaultValue = "") String url,
      @RequestParam(name = "note", required = false) String note,
      HttpServletRequest request,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    model.addAttribute("url", url);
    model.addAttribute("note", note);
    if (!limit.allow(request.getRemoteAddr())) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      model.addAttribute("tipError", "tips.tooMany");
      return "tips";
    }
    try {
      long id = tips.submit(url, note);
      model.addAttribute("tipId", id);
      model.addAttribute("url", "");
      model.addAttribute("note", "");
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("tipProblem", e.getMessage());
    }
    return "tips";
  }
}
