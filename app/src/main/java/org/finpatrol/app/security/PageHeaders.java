package org.finpatrol.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Content-Security-Policy and X-Frame-Options for every response. The application's pages allow
 * only their own scripts, styles and frames (no inline script, no plug-ins) and are never framed. A
 * crawled page shown from the evidence is the opposite: a sandbox with no scripts and no network at
 * all (so it cannot run, phone home or track the reviewer), framed only by our own case page.
 */
final class PageHeaders implements HeaderWriter {

  static final String EVIDENCE_PATH = "/evidence/raw";

  static final String PAGES =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self';"
          + " frame-ancestors 'none'";

  static final String EVIDENCE = EvidenceHeaders.POLICY;

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    // The decoded path: an encoded spelling of the raw route must not escape the sandbox (the
    // controller sets the evidence policy itself too).
    boolean evidence = request.getServletPath().startsWith(EVIDENCE_PATH);
    if (!response.containsHeader("Content-Security-Policy")) {
      response.setHeader("Content-Security-Policy", evidence ? EVIDENCE : PAGES);
    }
    if (!response.containsHeader("X-Frame-Options")) {
      response.setHeader("X-Frame-Options", evidence ? "SAMEORIGIN" : "DENY");
    }
  }
}
