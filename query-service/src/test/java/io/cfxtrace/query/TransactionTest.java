package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.serial;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/transactions/{transactionId}} on a store filled with the simulated line ({@link TestLine}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TransactionTest {

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.envelopes());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private JsonNode transaction(String id) {
    HttpResponse<String> response = service.get("/api/transactions/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void placerTransactionListsItsFourBoardsByPositionUnderTheirSerials() {
    assertThat(list(transaction(SmtLineAccess.TX_PLACER).get("units")))
        .extracting(u -> u.get("position").asInt() + ":" + u.get("unit").asText())
        .containsExactly("1:" + serial(1), "2:" + serial(2), "3:" + serial(3), "4:" + serial(4));
  }

  @Test
  void boardKnownByPositionKeepsTheKeyTheTransactionRecorded() {
    JsonNode first = transaction(SmtLineAccess.TX_PLACER).get("units").get(0);

    assertThat(first.get("recorded").asText()).isEqualTo(SmtLineAccess.PANEL + "#1");
  }

  @Test
  void placerTransactionNamesItsStationAndWindow() {
    JsonNode tx = transaction(SmtLineAccess.TX_PLACER);

    assertThat(List.of(tx.get("station").asText(), tx.get("started").asText(), tx.get("ended").asText()))
        .containsExactly(SmtLineAccess.PLACER, SmtLineAccess.at(2, 30).toInstant().toString(), SmtLineAccess.at(3, 15).toInstant().toString());
  }

  @Test
  void placerTransactionEventsAreInTimeOrderFromWorkStartedToWorkCompletedOfEachBoard() {
    List<JsonNode> events = list(transaction(SmtLineAccess.TX_PLACER).get("events"));

    assertThat(events).extracting(e -> Instant.parse(e.get("time").asText())).isSorted();
    assertThat(events.stream().filter(e -> e.get("event").asText().startsWith("work_")))
        .extracting(e -> e.get("event").asText() + ":" + e.get("unit").asText())
        .containsExactly("work_started:" + serial(1), "work_started:" + serial(2), "work_started:" + serial(3), "work_started:" + serial(4),
            "work_completed:" + serial(1), "work_completed:" + serial(2), "work_completed:" + serial(3), "work_completed:" + serial(4));
  }

  @Test
  void ovenTransactionHasTheReflowZoneValues() {
    assertThat(list(transaction(SmtLineAccess.TX_OVEN).get("processValues")))
        .extracting(v -> v.path("zone").asText())
        .contains("Preheat", "Soak", "Reflow");
  }

  @Test
  void inspectionTransactionHasOneCheckPerBoardWithTheFailedOne() {
    assertThat(list(transaction(SmtLineAccess.TX_AOI).get("checks")))
        .extracting(c -> c.get("unit").asText() + ":" + c.get("result").asText())
        .containsExactly(serial(1) + ":Passed", serial(2) + ":Failed", serial(3) + ":Passed", serial(4) + ":Passed");
  }

  @Test
  void unknownTransactionIsNotFoundNamingIt() {
    HttpResponse<String> response = service.get("/api/transactions/no-such-transaction");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asText()).contains("'no-such-transaction'");
  }
}
