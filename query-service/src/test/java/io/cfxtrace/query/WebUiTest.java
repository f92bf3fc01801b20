package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.serial;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.DisqualificationReason;
import io.cfxtrace.model.cfx.structures.ResourceState;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.EnumValue;
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
    // the token as a user gives it: typed into the header's field, which shows once the service
    // asked for one (the home page's overview is answered 401 without it)
    browser.get(service.url() + "/ui/index.html");
    waitFor(b -> b.findElement(By.id("token")).isDisplayed() ? true : null);
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

  /** waits for a page that renders again after each action (the holds list): a table replaced while read is read again. */
  private <T> T waitRendered(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  /** waits polling every 5 ms: for the timings, where the default half second would be measured too. */
  private <T> T waitClosely(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(5)).until(condition);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
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
    waitFor(b -> b.findElements(By.cssSelector("#certificate[data-drawn]")).isEmpty() ? null : true);
    screenshot("unit");
    // the reflow chart is drawn once it comes into view
    js("document.getElementById('reflow-section').scrollIntoView()");
    waitFor(b -> b.findElements(By.cssSelector("#reflow-chart-0 canvas")).isEmpty() ? null : true);
    js("document.getElementById('process').scrollIntoView()");
    screenshot("unit-checks");

    assertThat(browser.findElement(By.id("unit-id")).getText()).isEqualTo(serial(1));
    assertThat(column("visits", 0)).contains(SmtLineAccess.PRINTER, SmtLineAccess.PLACER, SmtLineAccess.OVEN, SmtLineAccess.AOI);
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
    js("document.querySelectorAll('details').forEach(d => d.open = true)");
    screenshot("unit-conflict");

    assertThat(warning.getText()).contains("Recorded in two places at once", ConflictLine.LINE1_ICT, ConflictLine.LINE1_FCT, "two stations of Line1");
    assertThat(browser.findElements(By.cssSelector("#route tbody tr.conflict"))).extracting(tr -> tr.findElements(By.tagName("td")).get(1).getText())
        .containsExactlyInAnyOrder(ConflictLine.LINE1_ICT, ConflictLine.LINE1_ICT, ConflictLine.LINE1_FCT, ConflictLine.LINE1_FCT);
    assertThat(browser.findElement(By.id("conflict-count")).getText()).contains("1");
  }

  @Test
  void recallPageListsTheReelsBoardsOnceEachWithVerdictsAndExportsThemAsCsv() throws IOException {
    browser.get(service.url() + "/ui/where-used.html?reel=" + SmtLineAccess.REEL_R1_A);
    waitFor(b -> b.findElements(By.id("boards")).isEmpty() ? null : true);
    screenshot("where-used");

    // SmtLine: boards 1 and 2 got R1 from reel A exactly, boards 3 and 4 by inference
    assertThat(column("boards", 0)).containsExactly(serial(1), serial(2), serial(3), serial(4));
    assertThat(column("boards", 1)).extracting(String::toLowerCase).containsExactly("passed", "repaired", "passed", "scrapped");
    assertThat(column("boards", 2)).containsExactly("exact", "exact", "inferred", "inferred");
    assertThat(browser.findElement(By.id("board-count")).getText()).isEqualTo("4");
    assertThat(browser.findElements(By.cssSelector("#boards tbody tr.fail"))).hasSize(1);
    WebElement csv = browser.findElement(By.id("csv"));
    assertThat(csv.getAttribute("href")).endsWith("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?group=board&format=csv");

    String name = "recall-reel-" + SmtLineAccess.REEL_R1_A + ".csv";
    Files.deleteIfExists(DOWNLOADS.resolve(name));
    csv.click();
    Path file = waitFor(b -> downloaded(name));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("unit,link,exact_links,inferred_links,verdict");
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .containsExactly(serial(1) + ",exact", serial(2) + ",exact", serial(3) + ",inferred", serial(4) + ",inferred");
  }

  @Test
  void recallPagePagesThroughTheBoards() throws IOException {
    browser.get(service.url() + "/ui/where-used.html?lot=" + SmtLineAccess.LOT_U1 + "&limit=2");
    waitFor(b -> b.findElements(By.id("boards")).isEmpty() ? null : true);
    assertThat(column("boards", 0)).containsExactly(serial(1), serial(2));

    browser.findElement(By.id("next")).click();

    waitFor(b -> column("boards", 0).contains(serial(3)) ? true : null);
    screenshot("where-used-page-2");
    assertThat(column("boards", 0)).containsExactly(serial(3), serial(4));
    assertThat(browser.findElement(By.id("summary")).getText()).contains("Boards 3–4 of 4");
    assertThat(browser.findElement(By.id("next")).isEnabled()).isFalse();
  }

  @Test
  void holdsPagePutsALotOnHoldListsItWithWhoAndWhyAndReleasesIt() throws IOException {
    browser.get(service.url() + "/ui/holds.html");
    waitRendered(b -> b.findElements(By.id("hold-list")).isEmpty() && b.findElement(By.id("holds")).getText().isEmpty() ? null : true);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("lot");
    browser.findElement(By.id("value")).sendKeys("LOT-UI-HOLD-1");
    browser.findElement(By.id("partNumber")).sendKeys("RES-10K-0402");
    browser.findElement(By.id("reason")).sendKeys("supplier recall 2026-17");
    browser.findElement(By.id("by")).sendKeys("Quality");
    browser.findElement(By.id("hold-submit")).click();

    waitRendered(b -> column("hold-list", 1).stream().anyMatch(t -> t.contains("LOT-UI-HOLD-1")) ? true : null);
    screenshot("holds");
    int row = column("hold-list", 1).indexOf("lot LOT-UI-HOLD-1 of part RES-10K-0402");
    assertThat(row).as(column("hold-list", 1).toString()).isNotNegative();
    assertThat(column("hold-list", 2).get(row)).isEqualTo("supplier recall 2026-17");
    assertThat(column("hold-list", 3).get(row)).startsWith("token-").endsWith("(Quality)");
    // the store's record, as the interlocks read it
    com.fasterxml.jackson.databind.JsonNode held = QueryServiceFixture.json(service.get("/api/holds"));
    com.fasterxml.jackson.databind.JsonNode hold = java.util.stream.StreamSupport.stream(held.get("holds").spliterator(), false)
        .filter(h -> h.get("value").asText().equals("LOT-UI-HOLD-1")).findFirst().orElseThrow();
    assertThat(hold.get("partNumber").asText()).isEqualTo("RES-10K-0402");
    assertThat(hold.get("heldByName").asText()).isEqualTo("Quality");

    WebElement release = browser.findElement(By.cssSelector("form.release[data-id='" + hold.get("id").asText() + "']"));
    release.findElement(By.name("reason")).sendKeys("supplier cleared the lot");
    release.findElement(By.tagName("button")).click();

    waitRendered(b -> column("hold-list", 1).stream().noneMatch(t -> t.contains("LOT-UI-HOLD-1")) ? true : null);
    assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Hold #" + hold.get("id").asText() + " released.");
    com.fasterxml.jackson.databind.JsonNode after = QueryServiceFixture.json(service.get("/api/holds/" + hold.get("id").asText()));
    assertThat(after.get("releaseReason").asText()).isEqualTo("supplier cleared the lot");
    assertThat(after.get("releasedByName").asText()).isEqualTo("Quality");
    browser.findElement(By.id("all")).click();
    waitRendered(b -> column("hold-list", 1).stream().anyMatch(t -> t.contains("LOT-UI-HOLD-1")) ? true : null);
    assertThat(column("hold-list", 5).get(column("hold-list", 1).indexOf("lot LOT-UI-HOLD-1 of part RES-10K-0402")))
        .contains("supplier cleared the lot").contains("(Quality)");
  }

  @Test
  void holdsPageSaysWhyAHoldWithoutAReasonIsRefused() {
    browser.get(service.url() + "/ui/holds.html");
    waitRendered(b -> b.findElement(By.id("holds")).getText().isEmpty() ? null : true);
    browser.findElement(By.id("value")).sendKeys("REEL-NO-REASON");
    // a reason of spaces passes the browser's required check; the service refuses it, naming the problem
    browser.findElement(By.id("reason")).sendKeys("   ");
    browser.findElement(By.id("hold-submit")).click();

    WebElement error = waitRendered(b -> b.findElements(By.cssSelector("#message .error")).stream().findFirst().orElse(null));
    assertThat(error.getText()).startsWith("400: ").contains("reason is missing");
  }

  @Test
  void recallPagePutsEveryBoardOfTheWhereUsedResultOnHoldInOneAction() throws IOException {
    browser.get(service.url() + "/ui/where-used.html?reel=" + SmtLineAccess.REEL_R1_A + "&limit=2");
    waitRendered(b -> b.findElements(By.id("boards")).isEmpty() ? null : true);
    browser.findElement(By.id("hold-reason")).sendKeys("reel R1-A suspect");
    browser.findElement(By.id("hold-submit")).click();

    WebElement held = waitRendered(b -> b.findElements(By.id("held")).stream().findFirst().orElse(null));
    screenshot("where-used-held");
    // every board of the result, not only the page shown: SmtLine's four boards got reel A
    assertThat(held.getText()).startsWith("4 boards on hold");
    com.fasterxml.jackson.databind.JsonNode holds = QueryServiceFixture.json(service.get("/api/holds"));
    List<String> units = java.util.stream.StreamSupport.stream(holds.get("holds").spliterator(), false)
        .filter(h -> h.get("reason").asText().equals("reel R1-A suspect")).map(h -> h.get("kind").asText() + " " + h.get("value").asText()).sorted().toList();
    assertThat(units).containsExactly("unit " + serial(1), "unit " + serial(2), "unit " + serial(3), "unit " + serial(4));
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

    waitFor(b -> column("events", 7).contains(stored.uniqueId().toString()) ? true : null);
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
        "/api/stations/{station}/timeline", "/api/transactions/{transactionId}", "/api/units", "/api/conflicts", "/api/search", "/api/overview");
    assertThat(Arrays.asList(browser.findElement(By.tagName("body")).getText().split("\n"))).anyMatch(l -> l.contains("Authorize"));
  }

  // ---- the workbench (issue #14)

  /** a StationStateChanged of the placer at a time of the shift. */
  private static CfxEnvelope placerState(int minutes, ResourceState state) {
    return SmtLineAccess.envelope(SmtLineAccess.PLACER, minutes, 0, new StationStateChanged(EnumValue.of(ResourceState.SBY_NO_PRODUCT),
        CfxDuration.of(Duration.ofMinutes(1)), EnumValue.of(state), null));
  }

  /** a board the rest of the tests never see, disqualified at FCT. */
  private static CfxEnvelope disqualified(String board, int minutes) {
    return SmtLineAccess.envelope(SmtLineAccess.FCT, minutes, 0, new UnitsDisqualified(board, null,
        EnumValue.of(DisqualificationReason.DEFECTIVE_REPAIR_NOT_FEASIBLE), "feed test", 1,
        List.of(new BasicUnitPosition(board, 1, "CIRCUIT1", 20.0, 15.0, null, 0.0, false, false, null))));
  }

  @Test
  void homeSearchTakesATrimmedLowerCaseSerialStraightToItsCertificate() throws IOException {
    browser.get(service.url() + "/ui/index.html");
    WebElement q = waitFor(b -> b.findElement(By.id("q")));

    q.sendKeys("  " + serial(2).toLowerCase() + " \n");

    waitFor(b -> b.getCurrentUrl().contains("unit.html") && !b.findElements(By.id("verdict")).isEmpty() ? true : null);
    assertThat(browser.findElement(By.id("unit-id")).getText()).isEqualTo(serial(2));
  }

  @Test
  void homeSearchOffersAChoiceWhenAPartNumberHasTwoLots() throws IOException {
    browser.get(service.url() + "/ui/index.html?q=" + SmtLineAccess.PART_R1);
    WebElement choices = waitFor(b -> b.findElements(By.id("choices")).stream().findFirst().orElse(null));
    screenshot("home-choices");

    // the R1 feeder was spliced from LOT-R-100 to LOT-R-101
    List<WebElement> links = choices.findElements(By.tagName("a"));
    assertThat(links).extracting(WebElement::getText).containsExactly("lot " + SmtLineAccess.LOT_R1_A + " of part " + SmtLineAccess.PART_R1,
        "lot " + SmtLineAccess.LOT_R1_B + " of part " + SmtLineAccess.PART_R1);
    links.get(1).click();
    waitFor(b -> b.findElements(By.id("boards")).isEmpty() ? null : true);
    // LOT-R-101 is reel B: placed on boards 3 and 4, and spliced in while the panel's placer
    // transaction ran, so boards 1 and 2 may hold it too (inferred)
    assertThat(column("boards", 0)).containsExactly(serial(3), serial(4), serial(1), serial(2));
    assertThat(column("boards", 2)).containsExactly("exact", "exact", "inferred", "inferred");
  }

  @Test
  void homeSearchSaysWhenNothingIsCalledThat() {
    browser.get(service.url() + "/ui/index.html?q=NO-SUCH-THING");

    WebElement none = waitFor(b -> b.findElements(By.id("no-match")).stream().findFirst().orElse(null));
    assertThat(none.getText()).contains("Nothing in the store is called NO-SUCH-THING");
  }

  @Test
  void homePageShowsStationTilesAndTheBoardsThatLeftTheLine() throws IOException {
    browser.get(service.url() + "/ui/index.html");
    waitFor(b -> b.findElements(By.id("recent-boards")).isEmpty() ? null : true);
    screenshot("home");

    List<String> stations = browser.findElements(By.cssSelector("#tiles .tile")).stream().map(t -> t.getAttribute("data-station")).toList();
    assertThat(stations).contains(SmtLineAccess.PRINTER, SmtLineAccess.PLACER, SmtLineAccess.OVEN, SmtLineAccess.AOI, SmtLineAccess.FCT);
    WebElement fct = browser.findElement(By.cssSelector(".tile[data-station='" + SmtLineAccess.FCT + "']"));
    // the tile shows the overview's first-pass figures (WorkbenchApiTest checks them against the
    // line; here the store also holds ConflictLine's boards at FCT)
    com.fasterxml.jackson.databind.JsonNode tile = java.util.stream.StreamSupport.stream(
            QueryServiceFixture.json(service.get("/api/overview")).get("stations").spliterator(), false)
        .filter(t -> t.get("station").asText().equals(SmtLineAccess.FCT)).findFirst().orElseThrow();
    assertThat(fct.getText()).contains("(" + tile.get("firstPass").asInt() + "/" + tile.get("units").asInt() + ")",
        new java.math.BigDecimal(tile.get("firstPassYield").asDouble() * 100).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
            .toPlainString() + " %");
    assertThat(column("recent-boards", 0)).contains(serial(1), serial(2), serial(3), serial(4));
    assertThat(browser.findElement(By.id("token-box")).isDisplayed()).isTrue(); // auth is on in these tests: the token was asked for
  }

  @Test
  void homePageTilesFollowTheStationsLive() throws IOException {
    browser.get(service.url() + "/ui/index.html");
    By placer = By.cssSelector(".tile[data-station='" + SmtLineAccess.PLACER + "'] .state");
    waitFor(b -> b.findElements(placer).isEmpty() ? null : true);
    assertThat(browser.findElement(placer).getText()).doesNotContain("ENG");
    // the page's stream is live (an envelope stored before it was would come with the 30 s refresh)
    waitFor(b -> b.findElements(By.cssSelector("#tiles-status[data-live]")).isEmpty() ? null : true);

    service.store(List.of(placerState(55, ResourceState.ENG)));

    // the page refreshes its tiles when the live feed brings a stored envelope
    waitFor(b -> b.findElement(placer).getText().contains("ENG") ? true : null);
    screenshot("home-live");
  }

  @Test
  void unitPageHeadsTheCertificateWithTheVerdictAndRedFailures() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(4));
    WebElement verdict = waitFor(b -> b.findElements(By.id("verdict")).stream().findFirst().orElse(null));
    screenshot("unit-scrapped");

    assertThat(verdict.getText()).containsIgnoringCase("scrapped").contains("disqualified at " + SmtLineAccess.FCT);
    assertThat(browser.findElement(By.cssSelector("#verdict .badge")).getAttribute("class")).contains("scrapped");
    assertThat(browser.findElement(By.id("work-order")).getText()).contains("WO-5001");
    assertThat(browser.findElement(By.id("first-station")).getText()).contains(SmtLineAccess.PRINTER);
    assertThat(browser.findElement(By.id("last-station")).getText()).contains(SmtLineAccess.FCT);
    assertThat(browser.findElement(By.id("firmware")).getText()).contains(SmtLineAccess.FIRMWARE);
    assertThat(browser.findElement(By.id("mac")).getText()).contains(SmtLineAccess.mac(4));
    // board 4 failed FCT: its test row and its badge are red
    WebElement failedTest = browser.findElement(By.cssSelector("#tests tbody tr.fail"));
    assertThat(failedTest.getText()).contains("SUPPLY_CURRENT");
    assertThat(failedTest.findElement(By.cssSelector(".badge.fail")).getText()).isEqualTo("Failed");
    // 0.31 A against 0.10 ... 0.15 A: 0.16 A outside the band
    assertThat(failedTest.findElement(By.cssSelector(".margin.out")).getText()).contains("margin -0.16 A");
    assertThat(browser.findElements(By.cssSelector("#sections a"))).extracting(WebElement::getText)
        .contains("Tests and repairs", "Route", "Genealogy", "Materials", "Reflow");
  }

  @Test
  void unitPageOfARepairedBoardSaysRepairedAndShowsTheFailedInspectionInRed() {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(2));
    WebElement verdict = waitFor(b -> b.findElements(By.id("verdict")).stream().findFirst().orElse(null));

    assertThat(verdict.getText()).containsIgnoringCase("repaired");
    assertThat(browser.findElement(By.cssSelector("#inspections tbody tr.fail")).getText()).contains("TOMBSTONE");
  }

  @Test
  void unitPageShowsOperatorsFeedersHeadsAndTheGenealogyTree() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(1));
    waitFor(b -> b.findElements(By.id("materials")).isEmpty() ? null : true);
    js("document.querySelectorAll('details').forEach(d => d.open = true)");

    // TestLine: BADGE-0007 (Petr Svoboda) was logged in at the placer while it placed the panel
    List<WebElement> placerSteps = browser.findElements(By.cssSelector("#route tbody tr")).stream()
        .filter(tr -> tr.findElements(By.tagName("td")).get(1).getText().equals(SmtLineAccess.PLACER)).toList();
    assertThat(placerSteps).isNotEmpty().allSatisfy(tr -> assertThat(tr.findElements(By.tagName("td")).get(5).getText())
        .contains(TestLine.PLACER_OPERATOR, "Petr Svoboda"));
    // SmtLine: R1 from FDR-10 on feeder FEEDER-7710, U1 from FEEDER-7720, both by HEAD1
    assertThat(column("materials", 7)).contains("FEEDER-7710", "FEEDER-7720");
    assertThat(column("materials", 8)).anyMatch(h -> h.contains("HEAD1"));
    WebElement tree = browser.findElement(By.id("genealogy"));
    assertThat(tree.getText()).contains(SmtLineAccess.PANEL, serial(1), serial(2), serial(3), serial(4), "this unit");
    screenshot("unit-operators");
  }

  @Test
  void unitPageDrawsTheReflowZonesInTheOvensOrderWithPeakAndTimeAboveLiquidus() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(3));
    waitFor(b -> b.findElements(By.cssSelector("#certificate[data-drawn]")).isEmpty() ? null : true);
    js("document.getElementById('reflow-section').scrollIntoView()");
    waitFor(b -> b.findElements(By.cssSelector("#reflow-chart-0 canvas")).isEmpty() ? null : true);
    screenshot("unit-reflow");

    Object zones = js("return echarts.getInstanceByDom(document.getElementById('reflow-chart-0')).getOption().xAxis[0].data.join(',')");
    assertThat(zones).isEqualTo("1 Preheat,2 Soak,3 Reflow");
    // peak 244.6 in Reflow; above 217 °C for 93.5 s (see WorkbenchApiTest), shown rounded
    String summary = browser.findElement(By.id("reflow-summary-0")).getText();
    assertThat(summary).contains("244.6 °C", "in Reflow", "1 min 34 s", "217 °C", "5 min 00 s");
  }

  @Test
  void unitPageDrawsAChartBelowTheScreenWhenItIsScrolledToOrPrinted() throws IOException {
    // a screen lower than the route: the reflow chart is two screens further down
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 600));
    try {
      browser.get(service.url() + "/ui/unit.html?id=" + serial(2));
      waitFor(b -> b.findElements(By.cssSelector("#certificate[data-drawn]")).isEmpty() ? null : true);
      assertThat(((Number) js("return document.getElementById('reflow-chart-0').getBoundingClientRect().top / innerHeight")).doubleValue())
          .isGreaterThan(2);
      assertThat(browser.findElements(By.cssSelector("#reflow-chart-0 canvas"))).isEmpty();

      js("document.getElementById('reflow-section').scrollIntoView()");
      waitFor(b -> b.findElements(By.cssSelector("#reflow-chart-0 canvas")).isEmpty() ? null : true);
      screenshot("unit-reflow-scrolled");

      // printing draws every chart, however far down (the route's, once the page is back at the top)
      browser.get(service.url() + "/ui/unit.html?id=" + serial(2));
      waitFor(b -> b.findElements(By.cssSelector("#certificate[data-drawn]")).isEmpty() ? null : true);
      js("window.dispatchEvent(new Event('beforeprint'))");
      assertThat(browser.findElements(By.cssSelector("#reflow-chart-0 canvas"))).isNotEmpty();
      assertThat(js("return echarts.getInstanceByDom(document.getElementById('reflow-chart-0')).getOption().xAxis[0].data.join(',')"))
          .isEqualTo("1 Preheat,2 Soak,3 Reflow");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1900));
    }
  }

  @Test
  void unitPageExportsTheCertificateAsJson() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(1));
    WebElement export = waitFor(b -> b.findElements(By.id("export-json")).stream().findFirst().orElse(null));
    String name = "certificate-" + serial(1) + ".json";
    Files.deleteIfExists(DOWNLOADS.resolve(name));

    export.click();

    Path file = waitFor(b -> downloaded(name));
    com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    com.fasterxml.jackson.databind.JsonNode served = QueryServiceFixture.json(service.get("/api/units/" + serial(1)));
    assertThat(saved).isEqualTo(served);
  }

  @Test
  void unitPagePrintsWithoutItsControlsAndWithEveryStepOpen() throws IOException {
    browser.get(service.url() + "/ui/unit.html?id=" + serial(1));
    waitFor(b -> b.findElements(By.id("verdict")).isEmpty() ? null : true);
    org.openqa.selenium.chromium.HasCdp cdp = (org.openqa.selenium.chromium.HasCdp) browser;
    js("window.dispatchEvent(new Event('beforeprint'))");
    cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      screenshot("unit-print");
      assertThat(js("return getComputedStyle(document.querySelector('header')).display")).isEqualTo("none");
      assertThat(js("return getComputedStyle(document.getElementById('export-json')).display")).isEqualTo("none");
      assertThat(js("return getComputedStyle(document.querySelector('.print-only')).display")).isEqualTo("block");
      assertThat(js("return [...document.querySelectorAll('details')].every(d => d.open)")).isEqualTo(true);
    } finally {
      cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  @Test
  void stationPageChartsStatesFaultsSetupsUnitsAndOperators() throws IOException {
    browser.get(service.url() + "/ui/station.html?station=" + SmtLineAccess.PLACER);
    waitFor(b -> b.findElements(By.id("timeline-count")).isEmpty() ? null : true);
    screenshot("station");

    // TestLine at the placer: two state changes, an operator session (bars); a fault and its
    // clearing, setups and the panel's unit events (points)
    @SuppressWarnings("unchecked")
    List<Object> counts = (List<Object>) js("const o = echarts.getInstanceByDom(document.getElementById('timeline-chart')).getOption();"
        + "const d = o.series.map(s => s.data);"
        + "return [d[0].filter(x => x.value[0] === 0).length, d[0].filter(x => x.value[0] === 4).length,"
        + " d[1].filter(x => x.value[1] === 1).length, d[1].filter(x => x.value[1] === 2).length, d[1].filter(x => x.value[1] === 3).length]");
    assertThat(counts.get(0)).as("state intervals").isEqualTo(2L);
    assertThat(counts.get(1)).as("operator sessions").isEqualTo(1L);
    assertThat(counts.get(2)).as("fault events").isEqualTo(2L);
    assertThat((Long) counts.get(3)).as("setup events").isGreaterThanOrEqualTo(3L);
    assertThat((Long) counts.get(4)).as("unit events").isGreaterThan(0L);
  }

  @Test
  void stationPageFindsTheBoardsThatFailedThereInTheRange() throws IOException {
    browser.get(service.url() + "/ui/station.html?station=" + SmtLineAccess.FCT);
    waitFor(b -> b.findElements(By.id("timeline-count")).isEmpty() ? null : true);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("result"))).selectByVisibleText("Failed");

    browser.findElement(By.id("find-units")).click();

    waitFor(b -> b.findElements(By.id("units-count")).isEmpty() ? null : true);
    screenshot("station-units");
    // SmtLine: only board 4 failed at FCT
    assertThat(column("units", 0)).containsExactly(serial(4));
  }

  @Test
  void liveFeedPageShowsSerialAndResultAndTheEnvelopeOfAClickedRow() throws IOException {
    browser.get(service.url() + "/ui/feed.html");
    waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    CfxEnvelope stored = disqualified("SN-FEED-1", 56);

    service.store(List.of(stored));

    waitFor(b -> column("events", 7).contains(stored.uniqueId().toString()) ? true : null);
    WebElement row = browser.findElements(By.cssSelector("#events tbody tr")).get(0);
    assertThat(row.findElements(By.tagName("td")).get(4).getText()).isEqualTo("SN-FEED-1");
    assertThat(row.findElements(By.tagName("td")).get(5).getText()).isEqualTo("DefectiveRepairNotFeasible");
    assertThat(row.getAttribute("class")).contains("fail");
    row.findElements(By.tagName("td")).get(0).click();
    WebElement envelope = waitFor(b -> b.findElement(By.id("envelope")).isDisplayed() ? b.findElement(By.id("envelope")) : null);
    screenshot("feed-envelope");
    assertThat(envelope.getText()).contains("\"UniqueID\": \"" + stored.uniqueId() + "\"", "CFX.Production.UnitsDisqualified", "SN-FEED-1");
  }

  @Test
  void liveFeedPageHoldsEnvelopesWhilePausedAndShowsThemOnResume() throws IOException {
    browser.get(service.url() + "/ui/feed.html");
    waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    browser.findElement(By.id("pause")).click();
    CfxEnvelope stored = SmtLineAccess.workCompleted(SmtLineAccess.OVEN, 57, 0, "9d1c2b3a-0000-4000-8000-00000000f0a1");

    service.store(List.of(stored));

    WebElement pause = waitFor(b -> b.findElement(By.id("pause")).getText().contains("1 waiting") ? b.findElement(By.id("pause")) : null);
    assertThat(column("events", 7)).doesNotContain(stored.uniqueId().toString());
    pause.click();
    assertThat(column("events", 7)).contains(stored.uniqueId().toString());
  }

  @Test
  void liveFeedPageLeavesOutTheMessageTypesItIsToldToHide() throws IOException {
    browser.get(service.url() + "/ui/feed.html?exclude=CFX.Production.WorkCompleted");
    waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    CfxEnvelope hidden = SmtLineAccess.workCompleted(SmtLineAccess.OVEN, 58, 0, "9d1c2b3a-0000-4000-8000-00000000f0b2");
    CfxEnvelope shown = placerState(58, ResourceState.SBY_NO_PRODUCT);

    service.store(List.of(hidden, shown));

    waitFor(b -> column("events", 7).contains(shown.uniqueId().toString()) ? true : null);
    assertThat(column("events", 7)).doesNotContain(hidden.uniqueId().toString());
  }

  @Test
  void liveFeedPageShowsTheServicesOwnReasonForABadFilter() throws IOException {
    browser.get(service.url() + "/ui/feed.html?message=" + QueryServiceFixture.encode("not a message"));

    WebElement error = waitFor(b -> b.findElements(By.cssSelector("#notices .error")).stream().findFirst().orElse(null));
    screenshot("feed-bad-filter");
    assertThat(error.getText()).startsWith("400: parameter 'message'").doesNotContain("Not Acceptable");
  }

  @Test
  void pagesLeftForTheBackForwardCacheCloseTheirLiveFeedSoTheServiceStillAnswers() {
    // the browser keeps a page it may go back to, with its scripts; each kept home or feed page
    // held its stream open, and a browser has 6 connections per host: after a few visits the
    // next request (here the search) waited for ever
    for (int i = 0; i < 4; i++) {
      browser.get(service.url() + "/ui/index.html");
      waitFor(b -> b.findElements(By.id("recent-boards")).isEmpty() ? null : true);
      browser.get(service.url() + "/ui/feed.html");
      waitFor(b -> b.findElement(By.id("status")).getText().startsWith("live") ? true : null);
    }
    browser.get(service.url() + "/ui/index.html");
    WebElement q = waitFor(b -> b.findElement(By.id("q")));
    q.sendKeys(serial(3) + "\n");

    assertThat(waitFor(b -> b.findElements(By.id("unit-id")).stream().findFirst().orElse(null)).getText()).isEqualTo(serial(3));
    // back on the home page (kept, or loaded again), its stream is live again
    browser.navigate().back();
    waitFor(b -> b.findElements(By.cssSelector("#tiles-status[data-live]")).isEmpty() ? null : true);
  }

  /**
   * how long the pages take in the browser on the test store, from navigation to the page's
   * content drawn, and the search box from Enter to the board's certificate drawn, by the page's
   * own clock ({@link UiTimings}); the certificate's reflow chart, below the screen, from the
   * scroll that brings it into view: measured and reported in target/ui-timings.txt, bounded only
   * generously (the issue's 300 ms is measured, not asserted: the shared build machine's load
   * would make it flaky).
   */
  @Test
  void pagesAndSearchAreMeasured() throws IOException {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("/ui/index.html", "#recent-boards");
    pages.put("/ui/unit.html?id=" + serial(2), "#certificate[data-drawn]");
    pages.put("/ui/where-used.html?reel=" + SmtLineAccess.REEL_R1_A, "#boards");
    pages.put("/ui/station.html?station=" + SmtLineAccess.PLACER, "#timeline-count");
    pages.put("/ui/feed.html", "#events");
    List<String> selectors = new java.util.ArrayList<>(pages.values());
    selectors.addAll(List.of("#reflow-chart-0 canvas", "#verdict"));
    StringBuilder report = new StringBuilder(UiTimings.HEADER);
    try (UiTimings timings = new UiTimings((ChromeDriver) browser, selectors)) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        List<Double> runs = timings.load(service.url() + page.getKey(), page.getValue(), 3);
        report.append(UiTimings.line(page.getKey(), runs));
        assertThat(runs.stream().min(Double::compare).orElseThrow()).as(page.getKey()).isLessThan(5000.0);
      }
      timings.load(service.url() + "/ui/unit.html?id=" + serial(2), "#certificate[data-drawn]", 1);
      Double reflow = timings.scrolledTo("reflow-section", "#reflow-chart-0 canvas");
      report.append(UiTimings.scrollLine("certificate's reflow chart, from the scroll that brings it into view", java.util.Collections.singletonList(reflow)));
      List<Double> searches = timings.search(service.url() + "/ui/index.html", "q", serial(3), "#verdict", 3);
      report.append(UiTimings.line("search " + serial(3) + " to its certificate drawn", searches));
      assertThat(searches.stream().min(Double::compare).orElseThrow()).isLessThan(5000.0);
    }
    Files.writeString(Paths.get("target", "ui-timings.txt"), report.toString());
    LOG.info("web UI timings on the test store:\n{}", report);
  }
}
