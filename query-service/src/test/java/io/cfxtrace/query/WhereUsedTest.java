package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.PLACER;
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

/** where-used of reels and lots on a store filled with the simulated line ({@link TestLine}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class WhereUsedTest {

  private static final String CSV_HEADER = "unit,link,station,material_package,part_number,lot,reference_designator,location,transaction,time,until";

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.envelopes());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  /** the units of a JSON answer as {@code unit:link}. */
  private List<String> units(String pathAndQuery) {
    HttpResponse<String> response = service.get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response).get("units").spliterator(), false)
        .map(u -> u.get("unit").asText() + ":" + u.get("link").asText()).toList();
  }

  private static String at(int minutes, int seconds) {
    return encode(SmtLineAccess.at(minutes, seconds).toString());
  }

  @Test
  void reelGivesTheBoardsThatGotItExactlyAndTheBoardsPlacedWhileItSatThereAsInferred() {
    assertThat(units("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units"))
        .containsExactly(serial(1) + ":exact", serial(2) + ":exact", serial(3) + ":inferred", serial(4) + ":inferred");
  }

  @Test
  void exactLinkNamesStationDesignatorFeederAndTime() {
    JsonNode first = json(service.get("/api/materials/" + SmtLineAccess.REEL_R1_B + "/units")).get("units").get(0);

    assertThat(List.of(first.get("unit").asText(), first.get("station").asText(), first.get("referenceDesignator").asText(),
            first.get("location").asText(), first.get("time").asText()))
        .containsExactly(serial(3), PLACER, "R1", SmtLineAccess.FEEDER_SLOT_R1, SmtLineAccess.at(2, 58).toInstant().toString());
  }

  @Test
  void reelThatStayedLoadedGivesEveryBoardExactlyAndNoneInferred() {
    assertThat(units("/api/materials/" + SmtLineAccess.REEL_U1 + "/units"))
        .containsExactly(serial(1) + ":exact", serial(2) + ":exact", serial(3) + ":exact", serial(4) + ":exact");
  }

  @Test
  void packageAtAStationThatReportsNoInstallsGivesTheBoardsProcessedThereAsInferred() {
    assertThat(units("/api/materials/" + TestLine.SYRINGE + "/units"))
        .containsExactly(TestLine.GLUE_PANEL + "#1:inferred", TestLine.GLUE_PANEL + "#2:inferred");
  }

  @Test
  void unknownReelHasNoUnits() {
    assertThat(units("/api/materials/REEL-NEVER-SEEN/units")).isEmpty();
  }

  @Test
  void lotGivesTheBoardsPlacedFromIt() {
    assertThat(units("/api/lots/" + SmtLineAccess.LOT_R1_B + "/units?partNumber=" + SmtLineAccess.PART_R1))
        .containsExactly(serial(3) + ":exact", serial(4) + ":exact", serial(1) + ":inferred", serial(2) + ":inferred");
  }

  @Test
  void lotWithinATimeWindowGivesOnlyTheBoardsPlacedInTheWindow() {
    assertThat(units("/api/lots/" + SmtLineAccess.LOT_U1 + "/units?from=" + at(2, 50) + "&to=" + at(3, 30)))
        .containsExactly(serial(3) + ":exact", serial(4) + ":exact");
  }

  @Test
  void lotOutsideTheTimeWindowGivesNoUnits() {
    assertThat(units("/api/lots/" + SmtLineAccess.LOT_U1 + "/units?from=" + at(60, 0))).isEmpty();
  }

  @Test
  void lotOfAnotherPartNumberGivesNoUnits() {
    assertThat(units("/api/lots/" + SmtLineAccess.LOT_U1 + "/units?partNumber=" + SmtLineAccess.PART_R1)).isEmpty();
  }

  @Test
  void csvExportAskedByAcceptHeaderHasTheHeaderAndOneLinePerUnit() {
    HttpResponse<String> response = service.get("/api/lots/" + SmtLineAccess.LOT_U1 + "/units", "text/csv");
    List<String> lines = response.body().lines().toList();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(lines).hasSize(1 + SmtLineAccess.BOARDS);
    assertThat(lines.get(0)).isEqualTo(CSV_HEADER);
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .containsExactly(serial(1) + ",exact", serial(2) + ",exact", serial(3) + ",exact", serial(4) + ",exact");
  }

  @Test
  void csvExportAskedByFormatParameterGivesTheSameLines() {
    HttpResponse<String> byHeader = service.get("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units", "text/csv");
    HttpResponse<String> byParameter = service.get("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?format=csv");

    assertThat(byParameter.statusCode()).isEqualTo(200);
    assertThat(byParameter.body()).isEqualTo(byHeader.body());
    assertThat(byParameter.body().lines()).hasSize(1 + 4);
  }

  @Test
  void malformedTimestampIsABadRequestNamingTheParameter() {
    HttpResponse<String> response = service.get("/api/lots/" + SmtLineAccess.LOT_U1 + "/units?from=" + at(0, 0) + "&to=yesterday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'to'", "'yesterday'", "ISO-8601");
  }

  @Test
  void windowEndingBeforeItStartsIsABadRequest() {
    HttpResponse<String> response = service.get("/api/materials/" + SmtLineAccess.REEL_U1 + "/units?from=" + at(5, 0) + "&to=" + at(1, 0));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'from'", "'to'");
  }

  @Test
  void unknownFormatIsABadRequestNamingTheFormats() {
    HttpResponse<String> response = service.get("/api/materials/" + SmtLineAccess.REEL_U1 + "/units?format=xlsx");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("'format'", "'xlsx'", "json or csv");
  }
}
