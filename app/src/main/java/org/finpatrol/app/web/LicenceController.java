package org.finpatrol.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.store.LicenceStore;
import org.finpatrol.classifier.licence.Licence;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The licence registry over {@code /api/licences}: list it, add a licensed firm, remove one added
 * here (the file's rows are changed in {@code config/licences.csv}). An edit applies to the next
 * page classified. For admins only (SecurityConfiguration).
 */
@RestController
public class LicenceController {

  private final LicenceStore licences;

  public LicenceController(LicenceStore licences) {
    this.licences = licences;
  }

  @GetMapping("/api/licences")
  List<Map<String, Object>> list() {
    return licences.rows().stream().map(LicenceController::json).toList();
  }

  /**
   * {@code {"name": "…", "aliases": ["…"], "licence_type": "fund", "licence_number": "…",
   * "custody_banks": ["…"]}}; 201 with the row, 400 saying what is wrong. The signed-in admin is
   * recorded as who added it.
   */
  @PostMapping("/api/licences")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> add(
      @RequestBody Map<String, Object> body,
      org.springframework.security.core.Authentication authentication) {
    try {
      Licence licence =
          new Licence(
              string(body, "name"),
              strings(body, "aliases"),
              string(body, "licence_type"),
              string(body, "licence_number"),
              strings(body, "custody_banks"),
              0);
      return json(licences.add(licence, authentication.getName()));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @DeleteMapping("/api/licences/{id}")
  ResponseEntity<Void> remove(@PathVariable long id) {
    try {
      if (!licences.remove(id)) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no licence #" + id);
      }
      return ResponseEntity.noContent().build();
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private static String string(Map<String, Object> body, String key) {
    Object v = body.get(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("\"" + key + "\" must be a string");
    }
    return (String) v;
  }

  private static List<String> strings(Map<String, Object> body, String key) {
    Object v = body.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("\"" + key + "\" must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private static Map<String, Object> json(LicenceStore.Row row) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", row.id());
    o.put("name", row.licence().name());
    o.put("aliases", row.licence().aliases());
    o.put("licence_type", row.licence().type());
    o.put("licence_number", row.licence().number());
    o.put("custody_banks", row.licence().custodyBanks());
    o.put("source", row.source());
    o.put("updated_by", row.updatedBy());
    return o;
  }
}
