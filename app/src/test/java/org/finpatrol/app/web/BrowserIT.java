package org.finpatrol.app.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.finpatrol.app.TestSites.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.TestData;
import org.finpatrol.app.TestLogins;
import org.finpatrol.app.patrol.PatrolReport;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolService;
import org.finpatrol.app.security.Roles;
import org.finpatrol.app.security.UserStore;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web UI in headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs): a reviewer logs in, searches 保本保息, opens the case and issues a notice with a deadline;
 * a reviewer of another unit is refused the case; a crawled title holding a script stays text.
 * Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

  static final String CHROMIUM = env("FINPATROL_CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER = env("FINPATROL_CHROMEDRIVER", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static final String XINSHENG =
      "<html><head><title>鑫盛理财</title></head><body>"
          + "<p>鑫盛理财平台承诺保本保息，年化收益15%，100元起投，立即投资！</p>"
          + "<p>地址：鹤壁市淇滨区九州路18号 电话：0392-1234567</p></body></html>";
  private static final String HOSTILE =
      "<html><head><title><script>window.pwned=1</script>汇通宝 保本保息</title>"
          + "<script>window.pwned=2</script></head><body onload=\"window.pwned=3\">"
          + "<p>汇通宝：保本保息，稳赚不赔，年化18%，<a href=\"javascript:window.pwned=4\">立即投资</a></p>"
          + "<img src=\"x\" alt=\"<img src=x onerror=window.pwned=5>\"></body></html>";

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  // Removed in stopServer() (TestData says why).
  private Path data;
  private WireMockServer sites;
  private ConfigurableApplicationContext context;
  private String base;
  private WebDriver browser;
  private Path profile;
  private String reviewerPassword;
  private String otherUnitPassword;

  @BeforeAll
  void startServerAndPatrol() throws Exception {
    assertThat(new File(CHROMIUM).canExecute())
        .as(
            "Debian's chromium at "
                + CHROMIUM
                + " (apt-get install chromium chromium-driver; .ci/run does)")
        .isTrue();
    assertThat(new File(CHROMEDRIVER).canExecute())
        .as("Debian's chromium-driver at " + CHROMEDRIVER)
        .isTrue();
    data = Files.createTempDirectory("finpatrol-browser");
    sites = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    sites.start();
    page(sites, "xinsheng.test", "/", XINSHENG);
    page(sites, "huitong.test", "/", HOSTILE);
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context);
    String port = ":" + sites.port() + "/";
    PatrolReport report =
        context
            .getBean(PatrolService.class)
            .run(
                new PatrolRequest(
                    List.of("http://xinsheng.test" + port, "http://huitong.test" + port),
                    20,
                    0,
                    0,
                    true,
                    Map.of("xinsheng.test", "127.0.0.1", "huitong.test", "127.0.0.1")),
                line -> {});
    assertThat(report.completed()).isTrue();
    assertThat(report.cases())
        .extracting(ReviewCase::host)
        .contains("xinsheng.test", "huitong.test");
    UserStore users = context.getBean(UserStore.class);
    reviewerPassword = users.generatePassword();
    otherUnitPassword = users.generatePassword();
    users.save("comms", reviewerPassword, Roles.parse("REVIEWER:comms"));
    users.save("housing", otherUnitPassword, Roles.parse("REVIEWER:housing"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (context != null) {
      context.close();
    }
    if (sites != null) {
      sites.stop();
    }
    if (data != null) {
      TestData.remove(data);
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    profile = Files.createTempDirectory("finpatrol-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    TestData.remove(profile);
  }

  private void logIn(String user, String password) {
    browser.get(base + "/login");
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(password);
    clickAndLoad(By.cssSelector("form.stack button[type=submit]"));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
  }

  /**
   * Clicks what starts a navigation (a link, a form's button) and waits until the next page has
   * loaded: the click returns before the browser leaves the old page, so reading straight after it
   * races the navigation.
   */
  private void clickAndLoad(WebElement element) {
    WebElement old = browser.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(b -> gone(old) && "complete".equals(js("return document.readyState")));
  }

  /**
   * Whether the element's document has been left. Asked mid-navigation, Chromium 156's driver may
   * answer "Node with given id does not belong to the document" instead of a stale element: the
   * same fact, in an error Selenium does not map.
   */
  private boolean gone(WebElement element) {
    try {
      return ExpectedConditions.stalenessOf(element).apply(browser);
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private void clickAndLoad(By by) {
    clickAndLoad(browser.findElement(by));
  }

  private void screenshot(String name) throws Exception {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  @Test
  void aReviewerSearchesOpensTheCaseAndIssuesANoticeWithADeadline() throws Exception {
    browser.get(base + "/login");
    screenshot("01-login");
    logIn("comms", reviewerPassword);
    screenshot("02-dashboard");

    browser.get(base + "/search");
    WebElement q = browser.findElement(By.name("q"));
    q.sendKeys("保本保息");
    clickAndLoad(By.cssSelector("form.searchbar button[type=submit]"));
    assertThat(browser.findElement(By.cssSelector("p.total")).getText()).contains("2");
    List<WebElement> marks = browser.findElements(By.cssSelector("ol.hits mark"));
    assertThat(marks).extracting(WebElement::getText).contains("保本保息");
    screenshot("03-search");

    WebElement hit =
        browser.findElements(By.cssSelector("li.hit")).stream()
            .filter(h -> h.getText().contains("鑫盛理财"))
            .findFirst()
            .orElseThrow();
    clickAndLoad(hit.findElement(By.partialLinkText("案件")));
    assertThat(browser.findElement(By.id("case-host")).getText()).isEqualTo("xinsheng.test");
    assertThat(browser.findElements(By.cssSelector(".pagetext mark")))
        .extracting(WebElement::getText)
        .contains("保本保息");

    clickAndLoad(By.cssSelector("#move-IN_REVIEW button"));
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("审核中");
    browser
        .findElement(By.cssSelector("#move-CONFIRMED input[name=comment]"))
        .sendKeys("承诺保本保息，年化15%");
    clickAndLoad(By.cssSelector("#move-CONFIRMED button"));
    LocalDate deadline = LocalDate.now(CaseWorkflow.LOCAL_ZONE).plusDays(10);
    WebElement date =
        browser.findElement(By.cssSelector("#move-NOTICE_ISSUED input[name=deadline]"));
    // A date input's value is set the way a date picker would; typing depends on the locale.
    js(
        "document.querySelector('#move-NOTICE_ISSUED input[name=deadline]').value = '"
            + deadline
            + "'");
    assertThat(date.getAttribute("value")).isEqualTo(deadline.toString());
    browser
        .findElement(By.cssSelector("#move-NOTICE_ISSUED input[name=comment]"))
        .sendKeys("限期十日整改");
    clickAndLoad(By.cssSelector("#move-NOTICE_ISSUED button"));

    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已下发整改通知");
    assertThat(browser.findElement(By.id("case-deadline")).getText())
        .isEqualTo(deadline.toString());
    assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("comms")
        .contains("限期十日整改")
        .contains(deadline.toString());
    screenshot("04-case");

    browser.get(base + "/cases");
    assertThat(browser.findElement(By.id("case-list")).getText()).contains("xinsheng.test");
    screenshot("05-cases");
  }

  private long caseOf(String host) {
    return context
        .getBean(org.finpatrol.review.CaseService.class)
        .list(org.finpatrol.review.CaseQuery.all())
        .stream()
        .filter(c -> c.host().equals(host))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void aReviewerOfAnotherUnitCannotOpenTheCase() throws Exception {
    long id = caseOf("xinsheng.test");
    logIn("housing", otherUnitPassword);
    browser.get(base + "/cases");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("xinsheng.test");
    browser.get(base + "/cases/" + id);
    assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("403");
    assertThat(browser.getPageSource()).doesNotContain("保本保息");
    browser.get(base + "/patrols");
    assertThat(browser.getPageSource()).contains("error-status");
    assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("403");
  }

  @Test
  void aCrawledTitleWithAScriptIsShownAsText() throws Exception {
    logIn("admin", TestLogins.ADMIN_PASSWORD);
    browser.get(base + "/search?q=" + URLEncoder.encode("汇通宝", StandardCharsets.UTF_8));
    WebElement title = browser.findElement(By.cssSelector("li.hit .title strong"));
    assertThat(title.getText()).contains("<script>window.pwned=1</script>");
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("a[href^='javascript:']"))).isEmpty();

    clickAndLoad(By.linkText("证据"));
    assertThat(browser.findElement(By.id("crawled-title")).getText()).contains("<script>");
    assertThat(browser.findElement(By.id("evidence-text")).getText()).contains("立即投资");
    WebElement frame = browser.findElement(By.cssSelector("iframe.sandboxed"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    assertThat(browser.findElements(By.cssSelector("a[href^='javascript:']"))).isEmpty();
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    screenshot("06-evidence");

    // The raw page itself, even opened directly, is a sandbox without scripts or network.
    String src = frame.getAttribute("src");
    HttpResponse<String> raw =
        HttpClient.newHttpClient()
            .send(
                TestLogins.admin(URI.create(src)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("<script>window.pwned=2</script>");
    assertThat(raw.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("sandbox;")
        .contains("default-src 'none'");
    assertThat(raw.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    assertThat(raw.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    // Another spelling of the same route keeps the sandbox.
    HttpResponse<String> encoded =
        HttpClient.newHttpClient()
            .send(
                TestLogins.admin(URI.create(src.replace("/evidence/raw", "/evidence/%72aw")))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(encoded.statusCode()).isIn(200, 400, 404);
    if (encoded.statusCode() == 200) {
      assertThat(encoded.headers().firstValue("Content-Security-Policy").orElseThrow())
          .startsWith("sandbox;");
    }
    browser.get(src);
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
  }

  @Test
  void aPatrolStartedFromThePageShowsItsProgressLive() throws Exception {
    String port = ":" + sites.port() + "/";
    context
        .getBean(PatrolRunner.class)
        .useDefaults(
            new PatrolRequest(
                List.of("http://xinsheng.test" + port),
                20,
                0,
                0,
                true,
                Map.of("xinsheng.test", "127.0.0.1", "huitong.test", "127.0.0.1")));
    logIn("admin", TestLogins.ADMIN_PASSWORD);
    browser.get(base + "/patrols");
    assertThat(browser.findElement(By.name("seeds")).getAttribute("value"))
        .contains("xinsheng.test");
    browser.findElement(By.cssSelector("#start-patrol button")).click();
    // The page polls the API and shows the lines as they come, then reloads once it is done.
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(b -> b.findElement(By.id("live-lines")).getText().contains("COMPLETED"));
    assertThat(browser.findElement(By.id("live-lines")).getText())
        .contains("started by admin")
        .contains("crawl:");
    screenshot("08-patrols");
  }

  @Test
  void theOtherPagesRenderForScreenshots() throws Exception {
    browser.get(base + "/tips");
    browser.findElement(By.name("url")).sendKeys("https://p2p-lending.example.cn/");
    clickAndLoad(By.cssSelector("form.stack button"));
    assertThat(browser.findElement(By.id("tip-done")).getText()).contains("已收到");
    screenshot("07-tips");
    logIn("admin", TestLogins.ADMIN_PASSWORD);
    browser.get(base + "/cases/" + caseOf("huitong.test") + "?lang=zh-CN");
    browser.findElement(By.cssSelector("form.comment input[name=comment]")).sendKeys("已电话联系平台");
    clickAndLoad(By.cssSelector("form.comment button"));
    assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("已电话联系平台")
        .contains("admin");
    browser.get(base + "/reports");
    screenshot("09-reports");
    browser.get(base + "/?lang=en");
    assertThat(browser.findElement(By.tagName("nav")).getText())
        .contains("Search")
        .contains("Cases");
    screenshot("10-dashboard-en");
    browser.get(base + "/?lang=zh-CN");
    assertThat(browser.findElement(By.tagName("nav")).getText()).contains("搜索");
  }
}
