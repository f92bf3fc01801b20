package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.query.SseClient.SseEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * the live feed ({@code GET /api/events/stream}) read by a real SSE client over HTTP while
 * envelopes are stored through the real ingest path. Each client's buffer holds 5 events here, so
 * that a client resuming from the start of the stored line is told it lagged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class LiveFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BUFFER = 5;
  private static final String NEW_TX = "9d1c2b3a-0000-4000-8000-00000000f001";

  private QueryServiceFixture service;
  private int storedLine;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    List<CfxEnvelope> line = TestLine.envelopes();
    storedLine = line.size();
    service = QueryServiceFixture.storing(line, Map.of("cfx.query.feed.client-buffer", BUFFER, "cfx.query.feed.poll-interval", "50ms"));
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private SseClient open(String query, Map<String, String> headers) throws Exception {
    Map<String, String> h = new java.util.HashMap<>(headers);
    h.putIfAbsent("Authorization", "Bearer " + QueryServiceFixture.TOKEN);
    SseClient client = SseClient.open(service.http(), service.url() + "/api/events/stream" + query, h);
    assertThat(client.status()).isEqualTo(200);
    return client;
  }

  private static JsonNode data(SseEvent e) throws IOException {
    return JSON.readTree(e.data());
  }

  @Test
  void envelopeStoredAfterTheClientJoinedArrivesWithItsIdStationNameAndEnvelope() throws Exception {
    try (SseClient client = open("", Map.of())) {
      JsonNode ready = data(client.await(e -> e.name().equals("ready"), "ready event"));
      CfxEnvelope stored = SmtLineAccess.workCompleted(SmtLineAccess.AOI, 40, 0, NEW_TX);

      service.store(List.of(stored));
      SseEvent event = client.await(e -> e.name().equals("message"), "the stored envelope");

      JsonNode d = data(event);
      assertThat(List.of(event.id(), d.get("messageName").asText(), d.get("source").asText(), d.get("uniqueId").asText(),
              d.get("envelope").get("MessageBody").get("TransactionID").asText()))
          .containsExactly(Long.toString(ready.get("after").asLong() + 1), "CFX.Production.WorkCompleted", SmtLineAccess.AOI,
              stored.uniqueId().toString(), NEW_TX);
    }
  }

  @Test
  void feedOfAnEmptyStoreStartsWithTheFirstEnvelopeStoredWithoutWaitingForEarlierIds() throws Exception {
    // gap-wait so long that the test would time out if the first id were taken for a gap
    try (QueryServiceFixture empty = QueryServiceFixture.storing(List.of(), Map.of("cfx.query.feed.gap-wait", "10m", "cfx.query.feed.poll-interval", "50ms"));
        SseClient client = SseClient.open(empty.http(), empty.url() + "/api/events/stream",
            Map.of("Authorization", "Bearer " + QueryServiceFixture.TOKEN))) {
      assertThat(data(client.await(e -> e.name().equals("ready"), "ready event")).get("after").asLong()).isZero();
      CfxEnvelope stored = SmtLineAccess.workCompleted(SmtLineAccess.AOI, 42, 0, NEW_TX);

      empty.store(List.of(stored));

      assertThat(data(client.await(e -> e.name().equals("message"), "the first envelope")).get("uniqueId").asText())
          .isEqualTo(stored.uniqueId().toString());
    }
  }

  @Test
  void streamBeyondMaxClientsAnswers503NamingTheLimit() throws Exception {
    try (QueryServiceFixture one = QueryServiceFixture.storing(List.of(), Map.of("cfx.query.feed.max-clients", 1));
        SseClient first = SseClient.open(one.http(), one.url() + "/api/events/stream", Map.of("Authorization", "Bearer " + QueryServiceFixture.TOKEN))) {
      first.await(e -> e.name().equals("ready"), "ready event");

      HttpResponse<String> second = one.get("/api/events/stream", "text/event-stream");

      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(QueryServiceFixture.json(second).get("message").asText()).contains("at most 1 clients at once (cfx.query.feed.max-clients)");
    }
  }

  @Test
  void stationAndMessageFiltersLetOnlyMatchingEnvelopesThrough() throws Exception {
    try (SseClient client = open("?station=" + SmtLineAccess.OVEN + "&message=CFX.Production.WorkCompleted", Map.of())) {
      client.await(e -> e.name().equals("ready"), "ready event");
      CfxEnvelope otherStation = SmtLineAccess.workCompleted(SmtLineAccess.AOI, 41, 0, NEW_TX);
      CfxEnvelope otherMessage = SmtLineAccess.workStartedOnPanel(SmtLineAccess.OVEN, 41, 1, "PANEL-9", 1, NEW_TX, "R");
      CfxEnvelope wanted = SmtLineAccess.workCompleted(SmtLineAccess.OVEN, 41, 2, NEW_TX);

      service.store(List.of(otherStation, otherMessage, wanted));
      SseEvent first = client.await(e -> e.name().equals("message"), "the matching envelope");

      assertThat(data(first).get("uniqueId").asText()).isEqualTo(wanted.uniqueId().toString());
    }
  }

  @Test
  void clientResumingAfterAnIdGetsWhatItMissedFromTheStoreThenGoesLive() throws Exception {
    // the line's last two envelopes are the glue station's WorkStarted and WorkCompleted
    long after = storedLine - 2;
    try (SseClient client = open("?station=" + TestLine.GLUE_STATION, Map.of("Last-Event-ID", Long.toString(after)))) {
      long joined = data(client.await(e -> e.name().equals("ready"), "ready event")).get("after").asLong();

      assertThat(client.seen()).extracting(e -> e.name() + ":" + e.id())
          .containsExactly("message:" + (after + 1), "message:" + (after + 2), "ready:" + joined);
    }
  }

  @Test
  void clientResumingFurtherBackThanItsBufferIsToldHowManyItMissedAndWhere() throws Exception {
    try (SseClient client = open("?lastEventId=0", Map.of())) {
      SseEvent lagged = client.await(e -> e.name().equals("lagged"), "lagged event");
      JsonNode ready = data(client.await(e -> e.name().equals("ready"), "ready event"));

      JsonNode d = data(lagged);
      long newest = ready.get("after").asLong();
      assertThat(client.seen()).extracting(SseEvent::name).containsExactly("message", "message", "message", "message", "message", "lagged", "ready");
      assertThat(List.of(lagged.id(), d.get("after").asText(), d.get("through").asLong(), d.get("skipped").asLong()))
          .containsExactly("5", "5", newest, newest - BUFFER);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "?station=Line1%20Oven|parameter 'station' is 'Line1 Oven'",
      "?message=WorkCompleted|parameter 'message' is 'WorkCompleted': expected a CFX message name",
      "?lastEventId=-3|parameter 'lastEventId' is '-3'",
      "?lastEventId=abc|parameter 'lastEventId' is 'abc'"})
  void malformedFilterOrIdAnswers400NamingIt(String query, String reason) {
    HttpResponse<String> response = service.get("/api/events/stream" + query, "text/event-stream");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(QueryServiceFixture.json(response).get("message").asText()).contains(reason);
  }

  @Test
  void streamTakesTheTokenAsAccessTokenParameterBecauseEventSourceCannotSendHeaders() throws Exception {
    try (SseClient client = SseClient.open(service.http(), service.url() + "/api/events/stream?access_token=" + QueryServiceFixture.TOKEN, Map.of())) {
      assertThat(client.status()).isEqualTo(200);
      client.await(e -> e.name().equals("ready"), "ready event");
    }
  }
}
