package org.finpatrol.app.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; Spring Security handles its POST (fields username, password, _csrf). */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login(
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout,
      HttpSession session,
      Model model) {
    if (error != null) {
      Object e = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute(
          "loginError", e instanceof LockedException ? "login.locked" : "login.failed");
    }
    model.addAttribute("loggedOut", logout != null);
    return "login";
  }
}
