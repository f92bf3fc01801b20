package io.cfxtrace.query;

import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * inferred where-used links where a package's setup and a work transaction overlap only in part
 * (WhereUsedQuery reads the station's events inside the setup, and the whole transaction only when
 * its start or end lies outside): a syringe loaded and unloaded in the middle of a transaction that
 * sent nothing meanwhile, and a syringe loaded in the middle of one transaction after another had
 * completed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class WhereUsedWindowTest {

  private static final String SPAN_STATION = "Line1.Glue.GLU02";
  private static final String SPAN_SYRINGE = "SYRINGE-SHORT";
  private static final String SPAN_PANEL = "PANEL-2002";

  private static final String LATE_STATION = "Line1.Glue.GLU03";
  private static final String LATE_SYRINGE = "SYRINGE-LATE";
  private static final String EARLIER_PANEL = "PANEL-2003";
  private static final String LATE_PANEL = "PANEL-2004";

  private QueryServiceFixture service;

  @BeforeAll
  void storeAndStart() {
    List<CfxEnvelope> line = List.of(
        // a transaction from 40:00 to 40:50; the syringe sits there from 40:10 to 40:20 only
        SmtLineAccess.workStartedOnPanel(SPAN_STATION, 40, 0, SPAN_PANEL, 2, "6c0e1f9d-aa31-4b7e-8f21-000000004001", "GLUE-DOTS"),
        SmtLineAccess.loaded(SPAN_STATION, 40, 10, "NOZZLE-2", SPAN_SYRINGE, "GLUE-EPOXY-5ML", "LOT-G-301"),
        SmtLineAccess.envelope(SPAN_STATION, 40, 20, new MaterialsUnloaded(List.of(SPAN_SYRINGE), Map.of())),
        SmtLineAccess.workCompleted(SPAN_STATION, 40, 50, "6c0e1f9d-aa31-4b7e-8f21-000000004001"),
        // one transaction completes before the syringe is loaded at 50:10, the next began before it
        SmtLineAccess.workStartedOnPanel(LATE_STATION, 45, 0, EARLIER_PANEL, 1, "6c0e1f9d-aa31-4b7e-8f21-000000004002", "GLUE-DOTS"),
        SmtLineAccess.workCompleted(LATE_STATION, 45, 20, "6c0e1f9d-aa31-4b7e-8f21-000000004002"),
        SmtLineAccess.workStartedOnPanel(LATE_STATION, 50, 0, LATE_PANEL, 2, "6c0e1f9d-aa31-4b7e-8f21-000000004003", "GLUE-DOTS"),
        SmtLineAccess.loaded(LATE_STATION, 50, 10, "NOZZLE-3", LATE_SYRINGE, "GLUE-EPOXY-5ML", "LOT-G-302"),
        SmtLineAccess.workCompleted(LATE_STATION, 50, 30, "6c0e1f9d-aa31-4b7e-8f21-000000004003"));
    service = QueryServiceFixture.storing(line);
  }

  @AfterAll
  void stop() {
    service.close();
  }

  private List<String> units(String packageId) {
    HttpResponse<String> response = service.get("/api/materials/" + packageId + "/units");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response).get("units").spliterator(), false)
        .map(u -> u.get("unit").asText() + ":" + u.get("link").asText() + ":" + u.get("time").asText() + ".." + u.get("until").asText())
        .toList();
  }

  @Test
  void syringeSetUpAndRemovedWhileATransactionSentNothingIsInferredForThatTransactionsBoards() {
    String window = SmtLineAccess.at(40, 0).toInstant() + ".." + SmtLineAccess.at(40, 50).toInstant();

    assertThat(units(SPAN_SYRINGE)).containsExactly(SPAN_PANEL + "#1:inferred:" + window, SPAN_PANEL + "#2:inferred:" + window);
  }

  @Test
  void syringeLoadedDuringATransactionIsInferredForItsBoardsWithTheWholeWindowAndNotForTheCompletedOneBefore() {
    String window = SmtLineAccess.at(50, 0).toInstant() + ".." + SmtLineAccess.at(50, 30).toInstant();

    assertThat(units(LATE_SYRINGE)).containsExactly(LATE_PANEL + "#1:inferred:" + window, LATE_PANEL + "#2:inferred:" + window);
  }
}
