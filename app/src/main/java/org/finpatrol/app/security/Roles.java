package org.finpatrol.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do: administer, analyse (search, dashboard), and review the cases of some units.
 * Stored as {@code ADMIN,ANALYST,REVIEWER:market}; granted to Spring Security as {@code
 * ROLE_ADMIN}, {@code ROLE_ANALYST}, {@code ROLE_REVIEWER} and one {@code ROLE_REVIEWER_<unit>} per
 * unit.
 */
public record Roles(boolean admin, boolean analyst, Set<String> units) {

  static final String REVIEWER_PREFIX = "ROLE_REVIEWER_";

  public Roles {
    units = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(units));
  }

  /**
   * Parses the stored form.
   *
   * @throws IllegalArgumentException naming the role that is not ADMIN, ANALYST or REVIEWER:unit
   */
  public static Roles parse(String stored) {
    boolean admin = false;
    boolean analyst = false;
    Set<String> units = new TreeSet<>();
    for (String raw : stored.split(",")) {
      String role = raw.strip();
      if (role.isEmpty()) {
        continue;
      }
      String upper = role.toUpperCase(Locale.ROOT);
      if (upper.equals("ADMIN")) {
        admin = true;
      } else if (upper.equals("ANALYST")) {
        analyst = true;
      } else if (upper.startsWith("REVIEWER:") && role.length() > "REVIEWER:".length()) {
        units.add(role.substring("REVIEWER:".length()).strip().toLowerCase(Locale.ROOT));
      } else {
        throw new IllegalArgumentException(
            "unknown role '" + role + "' (ADMIN, ANALYST or REVIEWER:<unit>)");
      }
    }
    return new Roles(admin, analyst, units);
  }

  /** The roles a user holds according to the authorities Spring Security granted. */
  public static Roles of(Collection<? extends GrantedAuthority> authorities) {
    boolean admin = false;
    boolean analyst = false;
    Set<String> units = new TreeSet<>();
    for (GrantedAuthority a : authorities) {
      String name = a.getAuthority();
      if ("ROLE_ADMIN".equals(name)) {
        admin = true;
      } else if ("ROLE_ANALYST".equals(name)) {
        analyst = true;
      } else if (name != null && name.startsWith(REVIEWER_PREFIX)) {
        units.add(name.substring(REVIEWER_PREFIX.length()));
      }
    }
    return new Roles(admin, analyst, units);
  }

  public boolean reviewer() {
    return !units.isEmpty();
  }

  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> out = new ArrayList<>();
    if (admin) {
      out.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
    if (analyst) {
      out.add(new SimpleGrantedAuthority("ROLE_ANALYST"));
    }
    if (!units.isEmpty()) {
      out.add(new SimpleGrantedAuthority("ROLE_REVIEWER"));
    }
    units.forEach(u -> out.add(new SimpleGrantedAuthority(REVIEWER_PREFIX + u)));
    return out;
  }

  /** The stored form. */
  public String stored() {
    List<String> out = new ArrayList<>();
    if (admin) {
      out.add("ADMIN");
    }
    if (analyst) {
      out.add("ANALYST");
    }
    units.forEach(u -> out.add("REVIEWER:" + u));
    return String.join(",", out);
  }
}
