package org.finpatrol.app.web;

import org.finpatrol.app.security.Roles;
import org.finpatrol.app.security.UserStore;
import org.finpatrol.review.CaseService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户: admins list users and add one or reset their password and roles. */
@Controller
class AdminPages {

  private final UserStore users;
  private final CaseService cases;

  AdminPages(UserStore users, CaseService cases) {
    this.users = users;
    this.cases = cases;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.list());
    model.addAttribute("units", cases.routing().units());
    return "users";
  }

  @PostMapping("/admin/users")
  String save(
      @RequestParam("username") String username,
      @RequestParam("password") String password,
      @RequestParam(name = "role", required = false) java.util.List<String> roles,
      RedirectAttributes redirect) {
    try {
      for (String r : roles == null ? java.util.List.<String>of() : roles) {
        if (r.startsWith("REVIEWER:") && !cases.routing().isUnit(r.substring(9))) {
          throw new IllegalArgumentException("unknown unit '" + r.substring(9) + "'");
        }
      }
      users.save(
          username,
          password,
          Roles.parse(String.join(",", roles == null ? java.util.List.of() : roles)));
      redirect.addFlashAttribute("saved", username);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("userError", e.getMessage());
    }
    return "redirect:/admin/users";
  }
}
