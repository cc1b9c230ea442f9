package org.finpatrol.app.web;

import org.finpatrol.app.security.Viewer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in (null on the public pages). */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  @ModelAttribute("viewer")
  Viewer viewer(Authentication authentication) {
    return authentication == null || authentication instanceof AnonymousAuthenticationToken
        ? null
        : Viewer.of(authentication);
  }
}
