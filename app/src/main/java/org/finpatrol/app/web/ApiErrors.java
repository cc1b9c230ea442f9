package org.finpatrol.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** JSON API errors as {@code {"status": 400, "error": "what is wrong"}}, the reason in words. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> error(ResponseStatusException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.getStatusCode().value());
    body.put("error", e.getReason());
    return ResponseEntity.status(e.getStatusCode()).body(body);
  }
}
