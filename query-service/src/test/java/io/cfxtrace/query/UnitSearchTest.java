package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.AOI;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.FCT;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.ICT;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.serial;
import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/units?station=&from=&to=&result=} on a store filled with the simulated line ({@link TestLine}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class UnitSearchTest {

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.envelopes());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private static String at(int minutes, int seconds) {
    return encode(SmtLineAccess.at(minutes, seconds).toString());
  }

  private JsonNode search(String query) {
    HttpResponse<String> response = service.get("/api/units" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private List<JsonNode> found(String query) {
    return StreamSupport.stream(search(query).get("units").spliterator(), false).toList();
  }

  /** the units found as {@code unit@station}. */
  private List<String> units(String query) {
    return found(query).stream().map(u -> u.get("unit").asText() + "@" + u.get("station").asText()).toList();
  }

  @Test
  void searchByStationGivesEveryBoardInspectedThereUnderItsSerial() {
    assertThat(units("?station=" + AOI)).containsExactly(serial(1) + "@" + AOI, serial(2) + "@" + AOI, serial(3) + "@" + AOI, serial(4) + "@" + AOI);
  }

  @Test
  void searchByStationAndResultGivesTheBoardThatFailedInspection() {
    assertThat(units("?station=" + AOI + "&result=Failed")).containsExactly(serial(2) + "@" + AOI);
  }

  @Test
  void resultIsComparedIgnoringCase() {
    assertThat(units("?station=" + FCT + "&result=FAILED")).containsExactly(serial(4) + "@" + FCT);
  }

  @Test
  void foundUnitHasItsFirstAndLastTimeAndResultsThere() {
    JsonNode board4 = found("?station=" + FCT + "&result=failed").get(0);

    assertThat(List.of(board4.get("first").asText(), board4.get("last").asText()))
        .containsExactly(SmtLineAccess.at(28, 0).toInstant().toString(), SmtLineAccess.at(40, 0).toInstant().toString());
    assertThat(board4.get("results")).extracting(JsonNode::asText).contains("Failed");
  }

  @Test
  void searchByWindowWithoutStationGivesTheUnitsOfEveryStationInTheWindow() {
    assertThat(units("?from=" + at(13, 0) + "&to=" + at(14, 0)))
        .containsExactly(serial(1) + "@" + ICT, serial(2) + "@" + ICT, serial(3) + "@" + ICT, serial(4) + "@" + ICT);
  }

  @Test
  void searchByStationWithinAWindowLeavesOutUnitsOutsideIt() {
    assertThat(units("?station=" + FCT + "&from=" + at(24, 0) + "&to=" + at(26, 0))).containsExactly(serial(2) + "@" + FCT);
  }

  @Test
  void unknownStationGivesNoUnits() {
    assertThat(units("?station=Line9.Nowhere.XX01")).isEmpty();
  }

  @Test
  void limitCutsTheListAndSaysItWasTruncated() {
    JsonNode answer = search("?station=" + AOI + "&limit=2");

    assertThat(answer.get("units")).hasSize(2);
    assertThat(answer.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void searchWithoutStationOrWindowIsABadRequestNamingBoth() {
    HttpResponse<String> response = service.get("/api/units?result=Failed");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'station'", "'from'", "'to'");
  }

  @Test
  void searchWithoutStationAndAHalfOpenWindowIsABadRequestNamingTheMissingEnd() {
    HttpResponse<String> response = service.get("/api/units?from=" + at(0, 0));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'to'");
  }

  @Test
  void malformedToIsABadRequestNamingIt() {
    HttpResponse<String> response = service.get("/api/units?station=" + AOI + "&to=later");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'to'", "'later'");
  }
}
