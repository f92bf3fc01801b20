package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.AOI;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.FCT;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.ICT;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.LASER;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.OVEN;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.PANEL;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.PLACER;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.PRINTER;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.SPI;
import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/units/{id}} on a store filled with the simulated line ({@link TestLine}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BirthCertificateTest {

  private QueryServiceFixture service;
  private JsonNode board1;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.envelopes());
    HttpResponse<String> response = service.get("/api/units/SN-1001-1");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    board1 = json(response);
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<JsonNode> where(JsonNode array, String field, String value) {
    return list(array).stream().filter(n -> value.equals(n.path(field).asText(null))).toList();
  }

  @Test
  void routeOfASerialPassesEveryStationInTimeOrder() {
    List<String> stations = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (JsonNode step : list(board1.get("route"))) {
      String station = step.get("station").asText();
      if (stations.isEmpty() || !stations.get(stations.size() - 1).equals(station)) {
        stations.add(station);
      }
      times.add(Instant.parse(step.get("time").asText()));
    }

    assertThat(stations).containsExactly(PRINTER, SPI, PLACER, OVEN, AOI, LASER, ICT, FCT);
    assertThat(times).isSorted();
    assertThat(board1.get("route").get(0).get("eventType").asText()).isEqualTo("work_started");
  }

  @Test
  void routeBeforeTheLaserMarkerIsFoundThroughTheProvisionalKey() {
    assertThat(board1.get("keys")).extracting(JsonNode::asText).containsExactly("SN-1001-1", PANEL + "#1");
    assertThat(where(board1.get("route"), "station", PRINTER)).allSatisfy(step -> assertThat(step.get("key").asText()).isEqualTo(PANEL + "#1"));
  }

  @Test
  void exactReelAndLotAreListedAtEachDesignator() {
    List<JsonNode> exact = where(board1.get("materials"), "link", "exact");

    assertThat(exact).extracting(m -> List.of(m.get("referenceDesignator").asText(), m.get("materialPackage").asText(), m.get("lot").asText(),
            m.get("location").asText(), m.get("station").asText()))
        .containsExactly(
            List.of("R1", SmtLineAccess.REEL_R1_A, SmtLineAccess.LOT_R1_A, SmtLineAccess.FEEDER_SLOT_R1, PLACER),
            List.of("U1", SmtLineAccess.REEL_U1, SmtLineAccess.LOT_U1, SmtLineAccess.FEEDER_SLOT_U1, PLACER));
  }

  @Test
  void reelSplicedInWhileThePanelWasPlacedIsAnInferredCandidateAtThatFeeder() {
    List<JsonNode> inferred = where(board1.get("materials"), "link", "inferred");

    assertThat(inferred).singleElement().satisfies(m -> {
      assertThat(m.get("materialPackage").asText()).isEqualTo(SmtLineAccess.REEL_R1_B);
      assertThat(m.get("lot").asText()).isEqualTo(SmtLineAccess.LOT_R1_B);
      assertThat(m.get("location").asText()).isEqualTo(SmtLineAccess.FEEDER_SLOT_R1);
      assertThat(m.get("station").asText()).isEqualTo(PLACER);
      assertThat(m.get("candidates").asInt()).isEqualTo(2);
      assertThat(m.has("referenceDesignator")).isFalse();
    });
  }

  @Test
  void panelProcessDataReachesTheBoardThroughItsTransactions() {
    List<String> values = list(board1.get("process")).stream()
        .map(p -> p.get("kind").asText() + "/" + p.path("zone").asText("") + "/" + p.path("subZone").asText("") + "/" + p.get("parameter").asText()
            + "=" + p.path("value").asText())
        .toList();

    assertThat(values).contains("printing/stroke 1//PrintPressure=6.5", "reflow/Soak/Top/setpoint:Temperature=180.0",
        "reflow/Reflow/Top/reading:Temperature=244.6");
  }

  @Test
  void ictMeasurementHangsUnderItsTestWithValueLimitsAndUnit() {
    List<JsonNode> ict = where(board1.get("checks"), "station", ICT);

    assertThat(ict).singleElement().satisfies(check -> {
      assertThat(check.get("name").asText()).isEqualTo("R1_RESISTANCE");
      assertThat(check.get("result").asText()).isEqualTo("Passed");
      JsonNode m = check.get("measurements").get(0);
      assertThat(List.of(m.get("name").asText(), m.get("designators").asText(), m.get("value").asDouble(), m.get("lowerLimit").asDouble(),
              m.get("upperLimit").asDouble(), m.get("unitOfMeasure").asText()))
          .containsExactly("R1_VALUE", "R1", SmtLineAccess.resistance(1), 9_900.0, 10_100.0, "Ohm");
    });
  }

  @Test
  void aoiDefectIsListedUnderTheInspectionOfTheBoardItWasFoundOn() {
    JsonNode board2 = json(service.get("/api/units/SN-1001-2"));

    assertThat(where(board2.get("checks"), "station", AOI)).singleElement()
        .satisfies(check -> assertThat(check.get("defects")).extracting(d -> d.get("code").asText() + "@" + d.get("referenceDesignator").asText())
            .containsExactly("TOMBSTONE@R1"));
    assertThat(where(board1.get("checks"), "station", AOI).get(0).get("defects")).isEmpty();
  }

  @Test
  void firmwareAndMacAddressAreCharacteristicsOfTheSerial() {
    assertThat(list(board1.get("characteristics"))).extracting(c -> c.get("name").asText() + "=" + c.get("value").asText())
        .contains("FirmwareVersion=" + SmtLineAccess.FIRMWARE, "MACAddress=" + SmtLineAccess.mac(1));
  }

  @Test
  void panelIsTheParentAndTheOtherBoardsAreSiblings() {
    JsonNode genealogy = board1.get("genealogy");

    assertThat(genealogy.get("parents")).extracting(p -> p.get("id").asText() + ":" + p.get("kind").asText() + ":" + p.get("position").asInt())
        .containsExactly(PANEL + ":panel:1");
    assertThat(genealogy.get("siblings")).extracting(s -> s.get("id").asText())
        .containsExactly(SmtLineAccess.serial(2), SmtLineAccess.serial(3), SmtLineAccess.serial(4));
    assertThat(genealogy.get("children")).isEmpty();
  }

  @Test
  void panelsCertificateListsItsBoardsAsChildren() {
    JsonNode panel = json(service.get("/api/units/" + PANEL));

    assertThat(panel.get("genealogy").get("children")).extracting(c -> c.get("id").asText())
        .containsExactly(SmtLineAccess.serial(1), SmtLineAccess.serial(2), SmtLineAccess.serial(3), SmtLineAccess.serial(4));
  }

  @Test
  void provisionalKeyResolvesToTheSerialItWasAliasedTo() {
    HttpResponse<String> response = service.get("/api/units/" + encode(PANEL + "#3"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("unit").asText()).isEqualTo(SmtLineAccess.serial(3));
    assertThat(where(json(response).get("materials"), "link", "exact")).extracting(m -> m.get("materialPackage").asText())
        .containsExactly(SmtLineAccess.REEL_R1_B, SmtLineAccess.REEL_U1);
  }

  @Test
  void boardKnownOnlyByItsProvisionalKeyHasItsRouteAndInferredMaterial() {
    HttpResponse<String> response = service.get("/api/units/" + encode(TestLine.GLUE_PANEL + "#2"));
    JsonNode board = json(response);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(board.get("keys")).extracting(JsonNode::asText).containsExactly(TestLine.GLUE_PANEL + "#2");
    assertThat(board.get("route")).extracting(s -> s.get("eventType").asText()).containsExactly("work_started", "work_completed");
    assertThat(board.get("materials")).singleElement().satisfies(m -> {
      assertThat(m.get("link").asText()).isEqualTo("inferred");
      assertThat(m.get("materialPackage").asText()).isEqualTo(TestLine.SYRINGE);
      assertThat(m.get("candidates").asInt()).isEqualTo(1);
    });
  }

  @Test
  void unknownUnitIsNotFoundWithAMessageNamingIt() {
    HttpResponse<String> response = service.get("/api/units/SN-9999-9");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(response).get("message").asText()).isEqualTo("no unit 'SN-9999-9' in the event store");
  }
}
