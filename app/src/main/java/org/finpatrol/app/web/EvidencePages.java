package org.finpatrol.app.web;

import java.io.IOException;
import java.util.NoSuchElementException;
import org.finpatrol.app.evidence.EvidencePage;
import org.finpatrol.app.evidence.EvidenceStore;
import org.finpatrol.crawler.evidence.StoredResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A fetched page as evidence: its record and extracted text; the body as received, either as a
 * download (octet-stream, attachment) or for a sandboxed frame (the response's own CSP is {@code
 * sandbox} with no scripts and no network: {@code PageHeaders}). Never the page live.
 */
@Controller
class EvidencePages {

  private final EvidenceStore evidence;

  EvidencePages(EvidenceStore evidence) {
    this.evidence = evidence;
  }

  @GetMapping("/evidence")
  String page(@RequestParam("record") String record, Model model) {
    model.addAttribute("page", find(record));
    return "evidence";
  }

  @GetMapping("/evidence/raw")
  ResponseEntity<byte[]> raw(
      @RequestParam("record") String record,
      @RequestParam(name = "download", defaultValue = "false") boolean download)
      throws IOException {
    EvidencePage page = find(record);
    StoredResponses.StoredResponse body;
    try {
      body = evidence.body(page);
    } catch (NoSuchElementException | IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
    if (download) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_OCTET_STREAM)
          .header(
              "Content-Disposition", "attachment; filename=\"evidence-" + page.pageId() + ".bin\"")
          .body(body.body());
    }
    // Shown as text, never rendered: a rendered page's links could still be clicked into the live
    // site. The sandbox policy is set here, not only by path, so no spelling of the URL loses it.
    String charset = charset(body.contentType());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", java.nio.charset.Charset.forName(charset)))
        .header("Content-Security-Policy", org.finpatrol.app.security.EvidenceHeaders.POLICY)
        .header("X-Frame-Options", "SAMEORIGIN")
        .body(body.body());
  }

  /** The charset the page declared, when the JVM knows it; else UTF-8. */
  static String charset(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      if (type.getCharset() != null) {
        return type.getCharset().name();
      }
    } catch (RuntimeException e) {
      // an unparseable or unknown declaration: UTF-8, the web's default
    }
    return "UTF-8";
  }

  private EvidencePage find(String record) {
    return evidence
        .page(record)
        .orElseThrow(
            () ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no evidence record " + record));
  }
}
