package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.FCT;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.OVEN;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * what the web UI's workbench reads from the API (issue #14) on the simulated line of {@link
 * TestLine} with the placer's operator session and fault: the certificate's verdict and header,
 * operators per step, reflow zones in oven order with peak and time above liquidus, the search
 * box, the overview and the recall by board. The expected values are the line's own facts (its
 * boards' histories as {@code SmtLine} publishes them), not what the service happened to answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class WorkbenchApiTest {

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.withStationActivity());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private JsonNode get(String path) {
    HttpResponse<String> response = service.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /**
   * SmtLine: board 1 and 3 pass every test, board 2 fails AOI (tombstone), is repaired and passes
   * ICT and FCT, board 4 fails FCT and is disqualified.
   */
  @ParameterizedTest(name = "board {0} is {1}")
  @CsvSource({"1, passed", "2, repaired", "3, passed", "4, scrapped"})
  void certificateHeaderGivesTheBoardsVerdict(int board, String verdict) {
    JsonNode summary = get("/api/units/" + serial(board)).get("summary");

    assertThat(summary.get("verdict").get("verdict").asText()).isEqualTo(verdict);
  }

  @Test
  void certificateHeaderNamesWorkOrderRecipesAndFirstAndLastStation() {
    JsonNode summary = get("/api/units/" + serial(1)).get("summary");

    assertThat(summary.get("workOrder").asText()).isEqualTo("WO-5001");
    assertThat(summary.get("firstStation").asText()).isEqualTo(SmtLineAccess.PRINTER);
    assertThat(summary.get("lastStation").asText()).isEqualTo(FCT);
    // CFX WorkStarted: Recipe and RecipeRevision (ICT runs revision 7, FCT revision 2 for its test)
    assertThat(list(summary.get("recipes"))).extracting(JsonNode::asText).contains("BOARD-A-TOP rev 1", "LEADFREE-SAC305 rev 1", "BOARD-A-ICT rev 7");
    assertThat(summary.get("verdict").get("reason").asText()).isEqualTo("passed at " + FCT);
  }

  @Test
  void aScrappedBoardsVerdictNamesTheDisqualification() {
    JsonNode verdict = get("/api/units/" + serial(4)).get("summary").get("verdict");

    assertThat(verdict.get("reason").asText()).startsWith("disqualified at " + FCT);
  }

  @Test
  void everyStepAtThePlacerHasTheOperatorLoggedInThere() {
    // TestLine: BADGE-0007 (Petr Svoboda) is logged in at the placer from -35:00 to 5:00; the
    // placer's messages name no operator
    List<JsonNode> placer = list(get("/api/units/" + serial(1)).get("route")).stream().filter(r -> r.get("station").asText().equals(PLACER)).toList();

    assertThat(placer).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("operator").asText()).isEqualTo(TestLine.PLACER_OPERATOR);
      assertThat(r.get("operatorName").asText()).isEqualTo("Petr Svoboda");
    });
  }

  @Test
  void aStepWithoutAnOperatorSessionHasNoOperator() {
    List<JsonNode> oven = list(get("/api/units/" + serial(1)).get("route")).stream().filter(r -> r.get("station").asText().equals(OVEN)).toList();

    assertThat(oven).isNotEmpty().allSatisfy(r -> assertThat(r.has("operator")).isFalse());
  }

  @Test
  void reflowZonesComeInTheOvensOrderNotByName() {
    // SmtLine's oven: 1 Preheat, 2 Soak, 3 Reflow; by name Reflow would come before Soak
    JsonNode run = get("/api/units/" + serial(1)).get("reflow").get(0);

    assertThat(list(run.get("zones"))).extracting(z -> z.get("sequence").asInt() + " " + z.get("name").asText())
        .containsExactly("1 Preheat", "2 Soak", "3 Reflow");
    assertThat(run.get("peak").asDouble()).isEqualTo(244.6);
    assertThat(run.get("peakZone").asText()).isEqualTo("Reflow");
  }

  /**
   * SmtLine's oven run: WorkStarted 4:00, zone data 9:00, so 300 s over three zones of 100 s;
   * hottest readings 149.2, 181.1, 244.6 °C. At 217 °C the line from the Soak's middle to the
   * Reflow's crosses it (217 - 181.1) / (244.6 - 181.1) of the way: 100 s x (1 - 0.5654) = 43.5 s,
   * plus the last half zone, 50 s. At 183 °C: 100 x (244.6 - 183) / 63.5 + 50 = 147.0 s.
   */
  @ParameterizedTest(name = "liquidus {0}: {1} s")
  @CsvSource({"'', 217, 93.5", "217, 217, 93.5", "183, 183, 147.0"})
  void timeAboveLiquidusIsTheZoneProfilesTimeAtOrAboveIt(String asked, double liquidus, double seconds) {
    JsonNode run = get("/api/units/" + serial(1) + (asked.isEmpty() ? "" : "?liquidus=" + asked)).get("reflow").get(0);

    assertThat(run.get("liquidus").asDouble()).isEqualTo(liquidus);
    assertThat(run.get("transitSeconds").asDouble()).isEqualTo(300.0);
    assertThat(run.get("timeAboveLiquidus").asDouble()).isEqualTo(seconds);
  }

  @ParameterizedTest(name = "liquidus ''{0}''")
  @CsvSource({"hot", "20", "1000", "NaN"})
  void aLiquidusThatIsNotATemperatureOfSolderIsRefusedNamingIt(String liquidus) {
    HttpResponse<String> response = service.get("/api/units/" + serial(1) + "?liquidus=" + liquidus);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("parameter 'liquidus'", "from 50 to 450");
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"sn-1001-1", "Sn-1001-1", "'%20SN-1001-1%20'", "'%20sn-1001-1%09'"})
  void aSerialIsFoundTrimmedAndIgnoringCaseWhenTheStoreHasOneSpelling(String typed) {
    assertThat(get("/api/units/" + typed).get("unit").asText()).isEqualTo(serial(1));
  }

  @Test
  void anUnknownSerialIsStill404() {
    HttpResponse<String> response = service.get("/api/units/sn-9999-1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asText()).isEqualTo("no unit 'sn-9999-1' in the event store");
  }

  private List<String> search(String q) {
    return list(get("/api/search?q=" + encode(q)).get("matches")).stream().map(m -> m.get("kind").asText() + " " + m.get("id").asText()).toList();
  }

  @Test
  void searchFindsEachKindOfIdentifierTheLineUses() {
    assertThat(search(serial(2))).containsExactly("unit " + serial(2));
    assertThat(search(" " + serial(2).toLowerCase() + " ")).containsExactly("unit " + serial(2));
    assertThat(search(SmtLineAccess.PANEL)).containsExactly("panel " + SmtLineAccess.PANEL);
    assertThat(search(SmtLineAccess.PANEL + "#2")).containsExactly("key " + SmtLineAccess.PANEL + "#2");
    assertThat(search(SmtLineAccess.REEL_R1_A)).containsExactly("reel " + SmtLineAccess.REEL_R1_A);
    assertThat(search(SmtLineAccess.LOT_U1)).containsExactly("lot " + SmtLineAccess.LOT_U1);
    assertThat(search(SmtLineAccess.PART_R1)).containsExactly("part " + SmtLineAccess.PART_R1);
    assertThat(search("WO-5001")).containsExactly("workOrder WO-5001");
    assertThat(search(SmtLineAccess.TX_OVEN)).containsExactly("transaction " + SmtLineAccess.TX_OVEN);
    assertThat(search("NOTHING-OF-THE-SORT")).isEmpty();
  }

  @Test
  void searchGivesAPartsLotsAWorkOrdersBoardsAndAKeysBoard() {
    JsonNode part = get("/api/search?q=" + SmtLineAccess.PART_R1).get("matches").get(0);
    JsonNode workOrder = get("/api/search?q=WO-5001").get("matches").get(0);
    JsonNode transaction = get("/api/search?q=" + SmtLineAccess.TX_OVEN).get("matches").get(0);
    JsonNode key = get("/api/search?q=" + encode(SmtLineAccess.PANEL + "#2")).get("matches").get(0);

    // the R1 feeder was spliced from reel A (LOT-R-100) to reel B (LOT-R-101)
    assertThat(list(part.get("lots"))).extracting(JsonNode::asText).containsExactly(SmtLineAccess.LOT_R1_A, SmtLineAccess.LOT_R1_B);
    assertThat(list(workOrder.get("units"))).extracting(JsonNode::asText).containsExactlyInAnyOrder(serial(1), serial(2), serial(3), serial(4));
    assertThat(list(transaction.get("units"))).extracting(JsonNode::asText).containsExactlyInAnyOrder(serial(1), serial(2), serial(3), serial(4));
    assertThat(transaction.get("station").asText()).isEqualTo(OVEN);
    assertThat(key.get("unit").asText()).isEqualTo(serial(2));
  }

  @Test
  void searchWithoutAQueryIsRefusedNamingTheParameter() {
    HttpResponse<String> response = service.get("/api/search?q=%20");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("parameter 'q'");
  }

  @Test
  void overviewHasATilePerStationWithItsLastBoardStateAndYield() {
    List<JsonNode> tiles = list(get("/api/overview").get("stations"));

    assertThat(tiles).extracting(t -> t.get("station").asText()).contains(SmtLineAccess.PRINTER, PLACER, OVEN, SmtLineAccess.AOI, FCT,
        TestLine.GLUE_STATION);
    JsonNode placer = tiles.stream().filter(t -> t.get("station").asText().equals(PLACER)).findFirst().orElseThrow();
    // TestLine: the placer went back to SBY_NoProduct at 3:20; its fault at 2:52 was cleared at 2:54
    assertThat(placer.get("state").asText()).isEqualToIgnoringCase("SBY_NoProduct");
    assertThat(placer.get("openFaults").asInt()).isZero();
    assertThat(placer.get("recipe").asText()).isEqualTo("BOARD-A-PNP rev 1");
    JsonNode fct = tiles.stream().filter(t -> t.get("station").asText().equals(FCT)).findFirst().orElseThrow();
    // FCT: boards 1 to 3 passed, board 4 failed (its disqualification is not a result of a test)
    assertThat(fct.get("units").asInt()).isEqualTo(4);
    assertThat(fct.get("firstPass").asInt()).isEqualTo(3);
    assertThat(fct.get("finalStation").asBoolean()).isTrue();
    assertThat(fct.get("unit").asText()).isEqualTo(serial(4));
  }

  @Test
  void overviewListsTheBoardsThatLeftTheLineLatestFirstWithTheirVerdicts() {
    List<JsonNode> recent = list(get("/api/overview").get("recent"));

    assertThat(recent).extracting(r -> r.get("unit").asText() + " " + r.get("verdict").get("verdict").asText())
        .containsExactly(serial(4) + " scrapped", serial(3) + " passed", serial(2) + " repaired", serial(1) + " passed");
  }

  @Test
  void recallByBoardGivesOneRowPerBoardWithCountsByBoardAndByLink() {
    // reel R1-A: boards 1 and 2 exactly (R1), boards 3 and 4 by inference (the reel sat at the
    // placer's R1 feeder during the panel's transaction, until the splice)
    JsonNode recall = get("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?group=board");

    assertThat(list(recall.get("boards"))).extracting(b -> b.get("unit").asText() + " " + b.get("link").asText() + " "
            + b.get("verdict").get("verdict").asText() + " " + b.get("lastStation").asText())
        .containsExactly(serial(1) + " exact passed " + FCT, serial(2) + " exact repaired " + FCT, serial(3) + " inferred passed " + FCT,
            serial(4) + " inferred scrapped " + FCT);
    assertThat(list(recall.get("boards").get(0).get("designators"))).extracting(JsonNode::asText).containsExactly("R1");
    assertThat(recall.get("boards").get(0).get("workOrder").asText()).isEqualTo("WO-5001");
    JsonNode counts = recall.get("counts");
    assertThat(counts.get("boards").asInt()).isEqualTo(4);
    assertThat(counts.get("exactBoards").asInt()).isEqualTo(2);
    assertThat(counts.get("inferredOnlyBoards").asInt()).isEqualTo(2);
    assertThat(counts.get("links").asInt()).isEqualTo(counts.get("exactLinks").asInt() + counts.get("inferredLinks").asInt());
  }

  @Test
  void recallByBoardPagesTheBoardsAndCountsThemAll() {
    JsonNode page = get("/api/lots/" + SmtLineAccess.LOT_U1 + "/units?group=board&offset=1&limit=2");

    assertThat(list(page.get("boards"))).extracting(b -> b.get("unit").asText()).containsExactly(serial(2), serial(3));
    assertThat(page.get("counts").get("boards").asInt()).isEqualTo(4);
  }

  @Test
  void recallCsvByBoardHasOneLinePerBoard() {
    HttpResponse<String> csv = service.get("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?group=board&format=csv", "text/csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("unit,link,exact_links,inferred_links,verdict,reference_designators");
    assertThat(lines.subList(1, lines.size())).extracting(l -> String.join(",", List.of(l.split(",")).subList(0, 5)))
        .containsExactly(serial(1) + ",exact,1,0,passed", serial(2) + ",exact,1,0,repaired", serial(3) + ",inferred,0,1,passed",
            serial(4) + ",inferred,0,1,scrapped");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"group=reel, parameter 'group'", "group=board&limit=0, parameter 'limit'", "group=board&offset=-1, parameter 'offset'"})
  void recallWithABadGroupOrPageIsRefusedNamingTheParameter(String query, String named) {
    HttpResponse<String> response = service.get("/api/materials/" + SmtLineAccess.REEL_R1_A + "/units?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains(named);
  }

  @Test
  void theSiteIconIsServedAtTheRoot() {
    HttpResponse<String> icon = service.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.url() + "/favicon.ico")).GET().build());

    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
  }
}
