package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.serial;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the web UI in a real headless browser: Debian's chromium driven through its chromedriver by
 * Selenium, against the service on a store filled through the real ingest path. Skipped, saying
 * so, when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code .ci/run}
 * installs them). Each page is saved as a PNG in {@code target/ui-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class WebUiTest {

  /** the browser (system property {@code cfx.test.chromium} to use another). */
  static final String CHROMIUM = System.getProperty("cfx.test.chromium", "/usr/bin/chromium");
  /** its driver (system property {@code cfx.test.chromedriver} to use another). */
  static final String CHROMEDRIVER = System.getProperty("cfx.test.chromedriver", "/usr/bin/chromedriver");
  private static final Path SHOTS = Paths.get("target", "ui-screenshots");
  private static final Path DOWNLOADS = Paths.get("target", "ui-downloads").toAbsolutePath();
  private static final int BUFFER = 5;
  private static final Logger LOG = LoggerFactory.getLogger(WebUiTest.class);
  private static final String SKIPPED = "skipped: the browser test needs Debian's chromium and chromedriver (" + CHROMIUM + " and "
      + CHROMEDRIVER + " are not both executable; apt-get install chromium chromium-driver, as .ci/run does)";

  private QueryServiceFixture service;
  private ChromeDriverService driverService;
  private WebDriver browser;
  private Path profile;

  /** whether the browser and its driver are there. */
  private static boolean browserInstalled() {
    return Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER));
  }

  /** each test, not only the class, is reported skipped with the reason: surefire shows that. */
  @BeforeEach
  void needsTheBrowser() {
    Assumptions.assumeTrue(browserInstalled(), SKIPPED);
  }

  @BeforeAll
  void startTheServiceAndTheBrowser() throws IOException {
    if (!browserInstalled()) {
      LOG.warn("WebUiTest {}", SKIPPED); // on the console too, not only in the report
      return;
    }
    List<CfxEnvelope> line = new java.util.ArrayList<>(TestLine.withStationActivity());
    line.addAll(ConflictLine.twoStationsAtOnce());
    service = QueryServiceFixture.storing(line, Map.of("cfx.query.feed.client-buffer", BUFFER));
    Files.createDirectories(SHOTS);
    Files.createDirectories(DOWNLOADS);
    // the driver and the browser named explicitly: Selenium Manager then has nothing to look up
    // or download
    driverService = new ChromeDriverService.Builder().usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1900",
        "--user-data-dir=" + (profile = Files.createTempDirectory("cfx-ui-chromium")));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", DOWNLOADS.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    browser = new ChromeDriver(driverService, options);
    // the token as a user gives it: typed into the header's field
    browser.get(service.url() + "/ui/index.html");
    browser.findElement(By.id("token")).sendKeys(QueryServiceFixture.TOKEN);
    browser.findElement(By.id("token-save")).click();
    waitFor(b -> "".equals(b.findElement(By.id("token")).getAttribute("value")) ? null : true);
  }

  @AfterAll
  void stopTheBrowserAndTheService() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
    if (driverService != null) {
      driverService.stop();
    }
    if (service != null) {
      service.close();
    }
  }

  private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  private void screenshot(String name) throws IOException {
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** the texts of a table's cells in one column (0-based), row by row. */
  private List<String> column(String tableId, int index) {
    return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).get(index).getText()).toList();
  }

  @Test
  void unitPageShowsRouteMaterialsReflowChartTestsAndPersonalisation() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(1));
    waitFor(b -> b.findElements(By.id("route")).isEmpty() ? null : true);
    waitFor(b -> b.findElements(By.cssSelector("#reflow-chart-0 canvas")).isEmpty() ? null : true);
    screenshot("unit");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('process').scrollIntoView()");
    screenshot("unit-checks");

    assertThat(browser.findElement(By.id("unit-id")).getText()).isEqualTo(serial(1));
    assertThat(column("route", 1)).contains(SmtLineAccess.PRINTER, SmtLineAccess.PLACER, SmtLineAccess.OVEN, SmtLineAccess.AOI);
    assertThat(column("materials", 3)).contains(SmtLineAccess.REEL_R1_A, SmtLineAccess.REEL_U1);
    assertThat(column("materials", 0)).contains("exact");
    assertThat(column("tests", 3)).contains("R1_RESISTANCE");
    assertThat(column("characteristics", 2)).contains(SmtLineAccess.mac(1));
    // the chart drawn from the certificate's reflow zone data (SmtLine: Preheat 150/149.2, Soak
    // 180/181.1, Reflow 245/244.6 degrees)
    Object chart = ((JavascriptExecutor) browser).executeScript(
        "const o = echarts.getInstanceByDom(document.getElementById('reflow-chart-0')).getOption();"
            + "return o.xAxis[0].data.join(',') + ' | ' + o.series.map(s => s.name + '=' + s.data.join(',')).sort().join(' | ');");
    assertThat(chart).asString().contains("Preheat", "Soak", "Reflow");
    assertThat(chart).asString().contains("149.2", "181.1", "244.6", "150", "180", "245");
    assertThat(browser.findElements(By.id("conflicts"))).isEmpty();
    assertThat(browser.findElement(By.id("conflict-count")).getText()).contains("none");
  }

  @Test
  void unitPageWarnsOfAUnitInTwoMachinesAtOnceAndMarksBothWindowsSteps() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + ConflictLine.TWO_STATIONS_AT_ONCE);
    WebElement warning = waitFor(b -> b.findElements(By.id("conflicts")).stream().findFirst().orElse(null));
    screenshot("unit-conflict");

    assertThat(warning.getText()).contains("Recorded in two places at once", ConflictLine.LINE1_ICT, ConflictLine.LINE1_FCT, "two stations of Line1");
    assertThat(browser.findElements(By.cssSelector("#route tbody tr.conflict"))).extracting(tr -> tr.findElements(By.tagName("td")).get(1).getText())
        .containsExactlyInAnyOrder(ConflictLine.LINE1_ICT, ConflictLine.LINE1_ICT, ConflictLine.LINE1_FCT, ConflictLine.LINE1_FCT);
    assertThat(browser.findElement(By.id("conflict-count")).getText()).contains("1");
  }

  @Test
  void whereUsedPageListsTheReelsBoardsAndExportsThemAsCsv() throws IOException {
    browser.get(service.url() + "/ui/where-used.html?reel=" + SmtLineAccess.REEL_R1_A);
    waitFor(b -> b.findElements(By.id("units")).isEmpty() ? null : true);
    screenshot("where-used");

    assertThat(column("units", 0)).containsExactly(serial(1), serial(2), serial(3), serial(4));
    assertThat(column("units", 1)).containsExactly("exact", "exact", "inferred", "inferred");
    WebElement csv = browser.findElement(By.id("csv"));
    assertThat(csv.getAttribute("href")).endsWith("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?format=csv");

    Files.deleteIfExists(DOWNLOADS.resolve("where-used-" + SmtLineAccess.REEL_R1_A + ".csv"));
    csv.click();
    Path file = waitFor(b -> downloaded("where-used-" + SmtLineAccess.REEL_R1_A + ".csv"));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("unit,link,station");
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .containsExactly(serial(1) + ",exact", serial(2) + ",exact", serial(3) + ",inferred", serial(4) + ",inferred");
  }

  /** the finished download of that name, or null while there is none. */
  private static Path downloaded(String name) {
    Path p = DOWNLOADS.resolve(name);
    try (Stream<Path> partial = Files.list(DOWNLOADS)) {
      boolean busy = partial.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
      return !busy && Files.isRegularFile(p) && Files.size(p) > 0 ? p : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void liveFeedPageShowsAnEnvelopeStoredWhileItIsOpen() throws IOException {
    browser.get(service.url() + "/ui/feed.html");
    waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    CfxEnvelope stored = SmtLineAccess.workCompleted(SmtLineAccess.OVEN, 50, 0, "9d1c2b3a-0000-4000-8000-00000000f00d");

    service.store(List.of(stored));

    waitFor(b -> column("events", 5).contains(stored.uniqueId().toString()) ? true : null);
    screenshot("feed");
    assertThat(browser.findElements(By.cssSelector("#events tbody tr")).get(0).getText())
        .contains(SmtLineAccess.OVEN, "CFX.Production.WorkCompleted", stored.uniqueId().toString());
  }

  @Test
  void liveFeedPageResumingFromTheStartSaysItFellBehindAndHowFar() throws IOException {
    browser.get(service.url() + "/ui/feed.html?after=0");
    WebElement notice = waitFor(b -> b.findElements(By.cssSelector("#notices .notice")).stream().findFirst().orElse(null));
    waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    screenshot("feed-lagged");

    assertThat(notice.getText()).containsPattern("This page fell behind: \\d+ envelopes after id " + BUFFER + " \\(through id \\d+\\)");
    assertThat(column("events", 0)).containsExactly("5", "4", "3", "2", "1");
  }

  @Test
  void liveFeedPageLoadsWhatItMissedWhenAskedAfterFallingBehind() throws IOException {
    browser.get(service.url() + "/ui/feed.html?after=0");
    WebElement load = waitFor(b -> b.findElements(By.cssSelector("#notices .notice button")).stream().findFirst().orElse(null));

    load.click();

    // the page resumes after id 5 from the store: ids 6 to 10 fill its buffer, then it lags again
    waitFor(b -> column("events", 0).contains("10") ? true : null);
    assertThat(column("events", 0)).startsWith("10", "9", "8", "7", "6");
    assertThat(browser.findElements(By.cssSelector("#notices .notice")).get(0).getText()).contains("after id 10");
  }

  @Test
  void apiPageShowsSwaggerUiWithTheServicesEndpoints() throws IOException {
    browser.get(service.url() + "/ui/api.html");
    waitFor(b -> b.findElements(By.cssSelector(".opblock-summary-path")).size() >= 8 ? true : null);
    screenshot("api");

    List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream().map(WebElement::getText).toList();
    assertThat(paths).contains("/api/events/stream", "/api/units/{id}", "/api/materials/{packageId}/units", "/api/lots/{lot}/units",
        "/api/stations/{station}/timeline", "/api/transactions/{transactionId}", "/api/units", "/api/conflicts");
    assertThat(Arrays.asList(browser.findElement(By.tagName("body")).getText().split("\n"))).anyMatch(l -> l.contains("Authorize"));
  }
}
