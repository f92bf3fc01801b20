package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.PLACER;
import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/stations/{station}/timeline} on a store filled with the simulated line and the
 * placer's operator, state and fault messages ({@link TestLine#withStationActivity()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class StationTimelineTest {

  private static final String WHOLE_SHIFT = "?from=" + at(-60, 0) + "&to=" + at(60, 0);

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.withStationActivity());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private static String at(int minutes, int seconds) {
    return encode(SmtLineAccess.at(minutes, seconds).toString());
  }

  private static Instant instant(int minutes, int seconds) {
    return SmtLineAccess.at(minutes, seconds).toInstant();
  }

  private JsonNode timeline(String station, String query) {
    HttpResponse<String> response = service.get("/api/stations/" + encode(station) + "/timeline" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private List<JsonNode> entries(String query) {
    return StreamSupport.stream(timeline(PLACER, query).get("entries").spliterator(), false).toList();
  }

  private List<JsonNode> entries(String query, String kind) {
    return entries(query).stream().filter(e -> kind.equals(e.get("kind").asText())).toList();
  }

  /** an entry as {@code kind:event:subject}, the subject being the unit, package or operator. */
  private static String describe(JsonNode e) {
    String subject = e.path("unit").asText(e.path("materialPackage").asText(e.path("operator").asText(e.path("stateName").asText(
        e.path("faultId").asText("")))));
    return e.get("kind").asText() + ":" + e.get("event").asText() + ":" + subject;
  }

  @Test
  void entriesOfThePlacerAreInTimeOrder() {
    List<Instant> times = entries(WHOLE_SHIFT).stream().map(e -> Instant.parse(e.get("time").asText())).toList();

    assertThat(times).hasSizeGreaterThan(10).isSorted();
  }

  @Test
  void placerTimelineShowsItsReelLoadsWorkEventsAndTheSpliceInTimeOrder() {
    List<String> described = entries(WHOLE_SHIFT).stream()
        .filter(e -> e.get("kind").asText().equals("material_setup") || e.get("event").asText().startsWith("work_"))
        .map(StationTimelineTest::describe).toList();

    assertThat(described).containsExactly(
        "material_setup:loaded:" + SmtLineAccess.REEL_R1_A, "material_setup:loaded:" + SmtLineAccess.REEL_U1,
        "unit_event:work_started:" + SmtLineAccess.serial(1), "unit_event:work_started:" + SmtLineAccess.serial(2),
        "unit_event:work_started:" + SmtLineAccess.serial(3), "unit_event:work_started:" + SmtLineAccess.serial(4),
        "material_setup:splice:" + SmtLineAccess.REEL_R1_A, "material_setup:loaded:" + SmtLineAccess.REEL_R1_B,
        "unit_event:work_completed:" + SmtLineAccess.serial(1), "unit_event:work_completed:" + SmtLineAccess.serial(2),
        "unit_event:work_completed:" + SmtLineAccess.serial(3), "unit_event:work_completed:" + SmtLineAccess.serial(4));
  }

  @Test
  void spliceEndsTheOldReelAndLoadsTheNewOneAtTheSameFeederAndTime() {
    List<JsonNode> splice = entries(WHOLE_SHIFT, "material_setup").stream()
        .filter(e -> Instant.parse(e.get("time").asText()).equals(instant(2, 55))).toList();

    assertThat(splice).extracting(e -> e.get("event").asText() + ":" + e.get("location").asText() + ":" + e.get("lot").asText())
        .containsExactly("splice:" + SmtLineAccess.FEEDER_SLOT_R1 + ":" + SmtLineAccess.LOT_R1_A,
            "loaded:" + SmtLineAccess.FEEDER_SLOT_R1 + ":" + SmtLineAccess.LOT_R1_B);
  }

  @Test
  void unitEventNamesItsTransactionAndRecipe() {
    JsonNode started = entries(WHOLE_SHIFT, "unit_event").get(0);

    assertThat(List.of(started.get("event").asText(), started.get("transaction").asText(), started.get("recipe").asText()))
        .containsExactly("work_started", SmtLineAccess.TX_PLACER, "BOARD-A-PNP rev 1");
  }

  @Test
  void operatorLoginAndLogoutAreTwoEntries() {
    assertThat(entries(WHOLE_SHIFT, "operator_session"))
        .extracting(e -> e.get("event").asText() + ":" + e.get("operator").asText() + ":" + e.get("operatorName").asText() + "@"
            + e.get("time").asText())
        .containsExactly("login:" + TestLine.PLACER_OPERATOR + ":Petr Svoboda@" + instant(-35, 0),
            "logout:" + TestLine.PLACER_OPERATOR + ":Petr Svoboda@" + instant(5, 0));
  }

  @Test
  void stateChangesNameTheNewStateAndItsCode() {
    assertThat(entries(WHOLE_SHIFT, "station_event").stream().filter(e -> e.get("event").asText().equals("state_changed")))
        .extracting(e -> e.get("stateName").asText() + ":" + e.get("stateCode").asInt() + "@" + e.get("time").asText())
        .containsExactly("PRD_RegularWork:1100@" + instant(2, 0), "SBY_NoProduct:2200@" + instant(3, 20));
  }

  @Test
  void faultOccurrenceAndClearingNameTheFault() {
    assertThat(entries(WHOLE_SHIFT, "station_event").stream().filter(e -> e.get("event").asText().startsWith("fault_")))
        .extracting(e -> e.get("event").asText() + ":" + e.get("faultId").asText() + ":" + e.path("faultCode").asText("-") + ":"
            + e.path("severity").asText("-"))
        .containsExactly("fault_occurred:" + TestLine.PLACER_FAULT + ":" + TestLine.PLACER_FAULT_CODE + ":Error",
            "fault_cleared:" + TestLine.PLACER_FAULT + ":-:-");
  }

  @Test
  void windowKeepsOnlyTheEntriesFromItsStartToBeforeItsEnd() {
    List<Instant> times = entries("?from=" + at(2, 50) + "&to=" + at(2, 55)).stream().map(e -> Instant.parse(e.get("time").asText())).toList();

    assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(instant(2, 50), instant(2, 54)));
    assertThat(times).contains(instant(2, 50), instant(2, 52), instant(2, 54));
  }

  @Test
  void limitCutsTheListAndSaysItWasTruncated() {
    JsonNode answer = timeline(PLACER, WHOLE_SHIFT + "&limit=3");

    assertThat(answer.get("entries")).hasSize(3);
    assertThat(answer.get("truncated").asBoolean()).isTrue();
    assertThat(answer.get("entries").get(0).get("event").asText()).isEqualTo("login");
  }

  @Test
  void listWithinTheLimitIsNotTruncated() {
    assertThat(timeline(PLACER, WHOLE_SHIFT).get("truncated").asBoolean()).isFalse();
  }

  @Test
  void windowWithoutFromIsTheDayBeforeTo() {
    JsonNode answer = timeline(PLACER, "?to=" + at(60, 0));

    assertThat(Instant.parse(answer.get("from").asText())).isEqualTo(instant(60, 0).minus(Duration.ofHours(24)));
    assertThat(answer.get("entries")).hasSameSizeAs(timeline(PLACER, WHOLE_SHIFT).get("entries"));
  }

  @Test
  void unknownStationHasAnEmptyTimeline() {
    assertThat(timeline("Line9.Nowhere.XX01", WHOLE_SHIFT).get("entries")).isEmpty();
  }

  @Test
  void malformedFromIsABadRequestNamingIt() {
    HttpResponse<String> response = service.get("/api/stations/" + PLACER + "/timeline?from=monday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'from'", "'monday'", "ISO-8601");
  }

  @Test
  void windowEndingBeforeItStartsIsABadRequest() {
    HttpResponse<String> response = service.get("/api/stations/" + PLACER + "/timeline?from=" + at(5, 0) + "&to=" + at(5, 0));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'from'", "'to'");
  }

  @Test
  void limitAboveTheMaximumIsABadRequestNamingIt() {
    HttpResponse<String> response = service.get("/api/stations/" + PLACER + "/timeline" + WHOLE_SHIFT + "&limit=10001");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'limit'", "'10001'", "1 to 10000");
  }

  @Test
  void limitThatIsNoNumberIsABadRequestNamingIt() {
    HttpResponse<String> response = service.get("/api/stations/" + PLACER + "/timeline" + WHOLE_SHIFT + "&limit=all");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'limit'", "'all'");
  }
}
