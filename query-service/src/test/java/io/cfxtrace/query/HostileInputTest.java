package io.cfxtrace.query;

import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * what a hostile or careless client sends: a NUL or a time the store cannot hold is the client's
 * error (400 naming the parameter), never an outage (503); and what a hostile station sent comes
 * out of the CSV export as text, never as a spreadsheet formula.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HostileInputTest {

  /** a station whose material names are spreadsheet formulas. */
  static final String STATION = "Line1.Glue.GLU09";
  static final String PACKAGE = "=HYPERLINK(\"http://evil.example/\",\"open\")";
  static final String PART = "+1+1";
  static final String LOT = "@SUM(1+1)";
  static final String LOCATION = "-2+3";
  static final String PANEL = "PANEL-9001";
  static final String TX = "6c0e1f9d-aa31-4b7e-8f21-000000009001";

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(List.of(SmtLineAccess.loaded(STATION, 40, 0, LOCATION, PACKAGE, PART, LOT),
        SmtLineAccess.workStartedOnPanel(STATION, 41, 0, PANEL, 2, TX, "GLUE-DOTS"), SmtLineAccess.workCompleted(STATION, 41, 30, TX)));
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  /** a 400 answer's message, failing when the answer is not 400. */
  private String badRequest(String pathAndQuery) {
    HttpResponse<String> response = service.get(pathAndQuery, pathAndQuery.startsWith("/api/events/stream") ? "text/event-stream" : "application/json");
    assertThat(response.statusCode()).as(pathAndQuery + " answered " + response.body()).isEqualTo(400);
    return json(response).get("message").asText();
  }

  // every path parameter and every query parameter of every endpoint, with a NUL (%00) in it
  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource({
      "/api/units/SN-1%00X, id",
      "/api/transactions/TX%001, transactionId",
      "/api/materials/REEL%00/units, packageId",
      "/api/lots/LOT%00/units, lot",
      "/api/lots/LOT-1/units?partNumber=RES%00, partNumber",
      "/api/materials/REEL-1/units?from=2026-05-04T08:00:00Z%00, from",
      "/api/lots/LOT-1/units?to=%002026-05-04T08:00:00Z, to",
      "/api/materials/REEL-1/units?format=csv%00, format",
      "/api/stations/Line1%00/timeline, station",
      "/api/stations/Line1/timeline?from=%00, from",
      "/api/stations/Line1/timeline?limit=10%00, limit",
      "/api/units?station=Line1%00, station",
      "/api/units?station=Line1&result=failed%00, result",
      "/api/units?from=2026-05-04T08:00:00Z&to=2026-05-04T09:00:00Z%00, to",
      "/api/units?station=Line1&limit=%00, limit",
      "/api/conflicts?to=2026-05-04T08:00:00Z%00, to",
      "/api/conflicts?offset=%001, offset",
      "/api/events/stream?station=Line1%00, station",
      "/api/events/stream?message=CFX.Production.WorkCompleted%00, message",
      "/api/events/stream?lastEventId=1%00, lastEventId"})
  void nulInAParameterAnswers400NamingIt(String pathAndQuery, String parameter) {
    String message = badRequest(pathAndQuery);

    assertThat(message).startsWith("parameter '" + parameter + "'").contains("\\u0000");
  }

  // the time the issue reported as 503: it parses in Java but not in PostgreSQL (SQLState 22008)
  @ParameterizedTest(name = "{0}")
  @CsvSource({"/api/materials/REEL-1/units?, to", "/api/lots/LOT-1/units?, from", "/api/stations/Line1/timeline?, to", "/api/units?station=Line1&, from"})
  void timeAfterYear9999Answers400NamingIt(String pathAndQuery, String parameter) {
    String message = badRequest(pathAndQuery + parameter + "=" + encode("+300000-12-31T23:59:59Z"));

    assertThat(message).startsWith("parameter '" + parameter + "'").contains("a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-0001-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z"})
  void timeOutsideYears1To9999Answers400(String time) {
    assertThat(badRequest("/api/materials/REEL-1/units?from=" + encode(time))).startsWith("parameter 'from'").contains("a time from");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-05-04T08:00:00", "yesterday", "infinity", "1746345600", "2026-05-04 08:00:00Z"})
  void malformedTimeAnswers400NamingIt(String time) {
    assertThat(badRequest("/api/stations/Line1/timeline?to=" + encode(time))).startsWith("parameter 'to'").contains("an ISO-8601 timestamp");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/materials/REEL-1/units?", "/api/lots/LOT-1/units?", "/api/stations/Line1/timeline?", "/api/units?"})
  void firstAndLastTimeOfTheRangeAreAnswered(String path) {
    HttpResponse<String> response = service.get(path + "from=" + encode("0001-01-01T00:00:00Z") + "&to=" + encode("9999-12-31T23:59:59.999999Z"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void timelineEndingAtTheFirstTimeOfTheRangeIsAnswered() {
    // from defaults to 24 h before to: a day before year 1
    HttpResponse<String> response = service.get("/api/stations/Line1/timeline?to=" + encode("0001-01-01T00:00:00Z"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  // an overlong NUL (C0 80 and E0 80 80) and a lone surrogate (ED A0 80) are malformed UTF-8:
  // decoded to U+FFFD, never to a NUL the store would refuse
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/units/SN%C0%80", "/api/units/SN%ED%A0%80", "/api/lots/L/units?partNumber=%C0%80", "/api/units?station=%E0%80%80"})
  void malformedUtf8InAParameterNeverAnswersAnOutage(String pathAndQuery) {
    HttpResponse<String> response = service.get(pathAndQuery);

    assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
  }

  @Test
  void longBadValueIsShownCutAndOnOneLine() {
    String message = badRequest("/api/units/" + "A".repeat(300) + "%0A%00");

    assertThat(message).contains("A".repeat(100) + "... (302 characters)").doesNotContain("\n").hasSizeLessThan(300);
  }

  @Test
  void whereUsedCsvNeutralisesFormulasAStationSent() {
    HttpResponse<String> response = service.get("/api/materials/" + encode(PACKAGE) + "/units?format=csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().lines().skip(1).toList()).hasSize(2).allSatisfy(line -> assertThat(line)
        .contains("," + STATION + ",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\",\"'+1+1\",\"'@SUM(1+1)\",,\"'-2+3\"," + TX + ","));
  }

  @Test
  void whereUsedJsonKeepsTheValuesAsStored() {
    JsonNode unit = json(service.get("/api/lots/" + encode(LOT) + "/units")).get("units").get(0);

    assertThat(List.of(unit.get("materialPackage").asText(), unit.get("partNumber").asText(), unit.get("lot").asText(), unit.get("location").asText()))
        .containsExactly(PACKAGE, PART, LOT, LOCATION);
  }
}
