package io.cfxtrace.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * times the web UI in the browser by the page's own clock (issue #14: "the page loads and the
 * search stay under 300 ms"). A script the browser runs at the start of every document (DevTools
 * {@code Page.addScriptToEvaluateOnNewDocument}) notes with a MutationObserver when each watched
 * CSS selector first matches, as {@code performance.now()} of that page (milliseconds since its
 * navigation began), and when Enter is pressed, as an absolute time (the search crosses pages).
 * The test then only reads what the page noted. Reading the clock when the test's own polling
 * found the element, as the timings did before, added the WebDriver round trips, which wait while
 * the page's scripts run: 20 to 170 ms on the loaded build machine, none of it the page's.
 *
 * <p>What a selector matching means is up to the page: the certificate sets {@code data-drawn} on
 * {@code #certificate} once its sections and the charts on the screen are drawn.
 */
final class UiTimings implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver browser;
  private final String script;

  /**
   * watches selectors in every page the browser loads from now on.
   *
   * @param browser the browser.
   * @param selectors the CSS selectors to note.
   */
  UiTimings(ChromeDriver browser, Collection<String> selectors) {
    this.browser = browser;
    String list;
    try {
      list = JSON.writeValueAsString(List.copyOf(selectors));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    String source = "(() => { window.__cfxSeen = {}; const selectors = " + list + ";"
        + " const check = () => { for (const s of selectors) { if (!(s in window.__cfxSeen) && document.querySelector(s)) {"
        + " window.__cfxSeen[s] = performance.now(); } } };"
        + " new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });"
        + " document.addEventListener('keydown', e => { if (e.key === 'Enter') {"
        + " sessionStorage.setItem('cfx.timings.enter', String(performance.timeOrigin + performance.now())); } }, true); })();";
    this.script = String.valueOf(browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source)).get("identifier"));
  }

  /** the time the page noted for a selector, waiting for it. */
  private double seen(String selector) {
    return ((Number) new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(5))
        .until(b -> browser.executeScript("return window.__cfxSeen && window.__cfxSeen[arguments[0]]", selector))).doubleValue();
  }

  /**
   * loads a page several times.
   *
   * @param url the page.
   * @param selector what matches once its content is drawn.
   * @param runs how many loads.
   * @return each load's time from navigation to the selector matching, in ms.
   */
  List<Double> load(String url, String selector, int runs) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      browser.get(url);
      times.add(seen(selector));
    }
    return times;
  }

  /**
   * scrolls an element of the loaded page into view.
   *
   * @param id the element's id.
   * @param selector what matches once it is drawn.
   * @return the time from the scroll to the selector matching, in ms; null when it matched before
   *     the scroll (the element was near enough to the screen to be drawn with the page).
   */
  @Nullable Double scrolledTo(String id, String selector) {
    double start = ((Number) browser.executeScript("document.getElementById(arguments[0]).scrollIntoView(); return performance.now()", id))
        .doubleValue();
    double seen = seen(selector);
    return seen < start ? null : seen - start;
  }

  /**
   * a report line of {@link #scrolledTo} times.
   *
   * @param what what was scrolled to.
   * @param runs the times, null for those drawn before the scroll.
   * @return the line.
   */
  static String scrollLine(String what, List<@Nullable Double> runs) {
    List<Double> after = runs.stream().filter(Objects::nonNull).toList();
    long before = runs.size() - after.size();
    if (after.isEmpty()) {
      return what + ", drawn with the page, before any scroll (" + before + " of " + runs.size() + " runs)\n";
    }
    String line = line(what, after);
    return before == 0 ? line : line.substring(0, line.length() - 1) + " (and " + before + " runs drawn before the scroll)\n";
  }

  /**
   * types into a search box and presses Enter, several times.
   *
   * @param url the page with the box.
   * @param box the box's id.
   * @param text what to type.
   * @param selector what matches on the page the search leads to once it is drawn.
   * @param runs how many searches.
   * @return each search's time from Enter to the selector matching, in ms.
   */
  List<Double> search(String url, String box, String text, String selector, int runs) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      browser.get(url);
      WebElement q = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElement(By.id(box)));
      q.sendKeys(text);
      q.sendKeys("\n");
      new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(5))
          .withMessage(() -> "the search for '" + text + "' stayed at " + browser.getCurrentUrl() + ": "
              + browser.findElement(By.tagName("body")).getText())
          .until(b -> b.getCurrentUrl().contains(url) ? null : true);
      double drawn = seen(selector);
      times.add(((Number) browser.executeScript("return performance.timeOrigin + arguments[0] - Number(sessionStorage.getItem('cfx.timings.enter'))",
          drawn)).doubleValue());
    }
    return times;
  }

  /** a report line: what, the best and the median of the runs, then each run, in ms. */
  static String line(String what, List<Double> runs) {
    List<Double> sorted = runs.stream().sorted().toList();
    return what + ", " + Math.round(sorted.get(0)) + ", " + Math.round(sorted.get(sorted.size() / 2)) + ", "
        + runs.stream().map(Math::round).toList() + "\n";
  }

  /** the header of the report's lines. */
  static final String HEADER = "page or action, best (ms), median (ms), each run (ms)\n";

  /** stops watching (later pages load without the script). */
  @Override
  public void close() {
    browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
  }
}
