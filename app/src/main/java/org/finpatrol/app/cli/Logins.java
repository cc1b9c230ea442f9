package org.finpatrol.app.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.finpatrol.app.security.AdminAccount;
import org.finpatrol.app.security.Roles;
import org.finpatrol.app.security.UserStore;
import org.springframework.context.ApplicationContext;

/** What {@code serve} and {@code demo} print about logins once the server is up. */
final class Logins {

  /** The demo's users beside admin: one per kind of work, new passwords every demo run. */
  static final Map<String, String> DEMO_USERS = demoUsers();

  private Logins() {}

  private static Map<String, String> demoUsers() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("analyst", "ANALYST");
    users.put("comms", "REVIEWER:comms");
    users.put("market", "REVIEWER:market");
    users.put("finance", "REVIEWER:finance-office");
    return users;
  }

  static void printAdmin(ApplicationContext context, PrintStream out) {
    AdminAccount admin = context.getBean(AdminAccount.class);
    if (admin.generatedPassword().isPresent()) {
      out.println(
          "Log in as admin / "
              + admin.generatedPassword().get()
              + "  (generated now and shown only once: note it, or set "
              + AdminAccount.PASSWORD_VARIABLE
              + " before the first start)");
    } else if (admin.created()) {
      out.println("Log in as admin with the password in " + AdminAccount.PASSWORD_VARIABLE + ".");
    } else {
      out.println("Log in as admin with the password set when it was created.");
    }
  }

  /** Creates (or resets) the demo users and prints their logins. */
  static void createDemoUsers(ApplicationContext context, PrintStream out) {
    UserStore users = context.getBean(UserStore.class);
    out.println("Demo logins (new passwords every demo run):");
    DEMO_USERS.forEach(
        (name, roles) -> {
          String password = users.generatePassword();
          users.save(name, password, Roles.parse(roles));
          out.println("  " + name + " / " + password + "   " + roles);
        });
  }
}
