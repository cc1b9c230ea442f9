package org.finpatrol.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finpatrol.app.TestData;
import org.finpatrol.app.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server's defences over plain HTTP: logins required, CSRF tokens, a new session on login,
 * throttled guessing, security headers, the public tip form and its limit.
 */
class SecurityIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private ConfigurableApplicationContext context;
  private String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeEach
  void start() throws Exception {
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context);
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    TestData.remove(data);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> postForm(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token in the form").isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String session() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  @Test
  void pagesNeedALoginAndTheApiSaysSoInJson() throws Exception {
    for (String page : new String[] {"/", "/search?q=保本保息", "/cases", "/cases/1", "/patrols"}) {
      HttpResponse<String> r = get(page.replace("保本保息", enc("保本保息")));
      assertThat(r.statusCode()).as(page).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
    }
    HttpResponse<String> api = get("/api/cases");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).contains("\"status\":401");
    assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(get("/login").statusCode()).isEqualTo(200);
    assertThat(get("/tips").statusCode()).isEqualTo(200);
  }

  @Test
  void formLoginNeedsTheTokenAndGivesANewSession() throws Exception {
    String form = get("/login").body();
    String before = session();
    assertThat(
            postForm("/login", "username=admin&password=" + enc(TestLogins.ADMIN_PASSWORD))
                .statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    HttpResponse<String> in =
        postForm(
            "/login",
            "username=admin&password="
                + enc(TestLogins.ADMIN_PASSWORD)
                + "&_csrf="
                + enc(csrf(form)));
    assertThat(in.statusCode()).isEqualTo(302);
    assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    assertThat(session()).as("session fixation: a new id after login").isNotEqualTo(before);
    HttpResponse<String> dashboard = get("/");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("总览").contains("admin");
    // A form in a page the session holds still needs its token.
    assertThat(
            postForm("/admin/users", "username=li&password=0123456789ab&role=ANALYST").statusCode())
        .isEqualTo(403);
  }

  @Test
  void repeatedWrongPasswordsLockTheUserEvenWithTheRightOne() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong =
          http.send(
              TestLogins.as(URI.create(base + "/api/cases"), "admin", "wrong-" + i).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right =
        http.send(
            TestLogins.admin(URI.create(base + "/api/cases")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(401);
    String form = get("/login").body();
    HttpResponse<String> page =
        postForm(
            "/login",
            "username=admin&password="
                + enc(TestLogins.ADMIN_PASSWORD)
                + "&_csrf="
                + enc(csrf(form)));
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(get("/login?error").body()).contains("登录失败次数过多");
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> login = get("/login");
    String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
  }

  @Test
  void theTipFormIsPublicButNeedsItsTokenAndIsRateLimited() throws Exception {
    String form = get("/tips").body();
    String token = enc(csrf(form));
    assertThat(postForm("/tips", "url=" + enc("https://xinsheng.example.cn/")).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    HttpResponse<String> ok =
        postForm("/tips", "url=" + enc("https://xinsheng.example.cn/") + "&_csrf=" + token);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("已收到");
    HttpResponse<String> bad =
        postForm("/tips", "url=" + enc("http://192.168.1.1/") + "&_csrf=" + token);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("192.168.1.1");
    int status = 0;
    for (int i = 0; i < 12 && status != 429; i++) {
      status =
          postForm("/tips", "url=" + enc("https://p2p" + i + ".example.cn/") + "&_csrf=" + token)
              .statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void patrolsOverTheApiAreForAdminsAndCheckTheirSeeds() throws Exception {
    String analystPassword = "分析员-password-0123";
    context
        .getBean(org.finpatrol.app.security.UserStore.class)
        .save("zhao", analystPassword, org.finpatrol.app.security.Roles.parse("ANALYST"));
    HttpResponse<String> analyst =
        http.send(
            TestLogins.as(URI.create(base + "/api/patrols"), "zhao", analystPassword).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(analyst.statusCode()).isEqualTo(403);
    assertThat(
            http.send(
                    TestLogins.as(URI.create(base + "/api/search?q=x"), "zhao", analystPassword)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("analysts search")
        .isEqualTo(200);
    assertThat(startPatrol("{\"seeds\": [\"ftp://xinsheng.example.cn/\"]}").body())
        .contains("only http and https");
    HttpResponse<String> privateSeed = startPatrol("{\"seeds\": [\"http://10.1.2.3/\"]}");
    assertThat(privateSeed.statusCode()).isEqualTo(400);
    assertThat(privateSeed.body()).contains("10.1.2.3");
    assertThat(startPatrol("{\"seeds\": \"http://a.example.cn/\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> threads =
        startPatrol("{\"seeds\": [\"http://xinsheng.example.cn/\"], \"threads\": 65}");
    assertThat(threads.statusCode()).isEqualTo(400);
    assertThat(threads.body()).contains("fetch threads must be 1-64, got 65");
    HttpResponse<String> list =
        http.send(
            TestLogins.admin(URI.create(base + "/api/patrols")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"running\":false").contains("\"runs\":[]");
  }

  private HttpResponse<String> startPatrol(String body) throws Exception {
    return http.send(
        TestLogins.admin(URI.create(base + "/api/patrols"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void englishIsOneClickAwayAndStays() throws Exception {
    assertThat(get("/login?lang=en").body()).contains("Log in").doesNotContain("用户名");
    assertThat(get("/login").body()).as("kept in a cookie").contains("User name");
    assertThat(get("/login?lang=zh-CN").body()).contains("用户名");
  }
}
