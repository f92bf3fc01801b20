package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.PLACER;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.TX_PLACER;
import static io.cfxtrace.ingest.normalize.SmtLineAccess.at;
import static io.cfxtrace.query.ConflictLine.LINE1_FCT;
import static io.cfxtrace.query.ConflictLine.LINE1_ICT;
import static io.cfxtrace.query.ConflictLine.LINE2_PLACER;
import static io.cfxtrace.query.ConflictLine.ONE_AFTER_THE_OTHER;
import static io.cfxtrace.query.ConflictLine.TOUCHING;
import static io.cfxtrace.query.ConflictLine.TWICE_PLACED;
import static io.cfxtrace.query.ConflictLine.TWO_STATIONS_AT_ONCE;
import static io.cfxtrace.query.ConflictLine.TX_LINE2_PLACER;
import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * conflicts (a unit in two machines at once) in the birth certificate and in {@code GET
 * /api/conflicts}, on the test line plus a second line and stray boards ({@link ConflictLine}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ConflictTest {

  /** the whole shift and the stray boards after it. */
  private static final String SHIFT = "from=" + encode(at(-60, 0).toString()) + "&to=" + encode(at(120, 0).toString());

  private QueryServiceFixture service;

  @BeforeAll
  void storeBothLinesAndStartTheService() {
    service = QueryServiceFixture.storing(ConflictLine.envelopes());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private JsonNode certificate(String unit) {
    HttpResponse<String> response = service.get("/api/units/" + encode(unit));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private JsonNode conflicts(String query) {
    HttpResponse<String> response = service.get("/api/conflicts?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static Instant time(OffsetDateTime t) {
    return t.toInstant();
  }

  /** a conflict as {@code unit first-station/first-tx second-station/second-tx}, to compare lists by. */
  private static String pair(JsonNode c) {
    return c.get("unit").asText() + " " + c.at("/first/station").asText() + "/" + c.at("/first/transaction").asText() + " "
        + c.at("/second/station").asText() + "/" + c.at("/second/transaction").asText();
  }

  private static String twiceplacedPair() {
    return TWICE_PLACED + " " + PLACER + "/" + TX_PLACER + " " + LINE2_PLACER + "/" + TX_LINE2_PLACER;
  }

  private static String twoStationsPair() {
    return TWO_STATIONS_AT_ONCE + " " + LINE1_ICT + "/" + ConflictLine.tx("9003a") + " " + LINE1_FCT + "/" + ConflictLine.tx("9003b");
  }

  @Test
  void certificateOfASerialOnTwoLinesAtOnceShowsBothWindowsAndTheirOverlap() {
    JsonNode c = certificate(TWICE_PLACED);

    assertThat(list(c.get("conflicts"))).singleElement().satisfies(conflict -> {
      assertThat(conflict.at("/first/station").asText()).isEqualTo(PLACER);
      assertThat(conflict.at("/first/line").asText()).isEqualTo("Line1");
      assertThat(conflict.at("/first/transaction").asText()).isEqualTo(TX_PLACER);
      assertThat(Instant.parse(conflict.at("/first/started").asText())).isEqualTo(time(at(2, 30)));
      assertThat(Instant.parse(conflict.at("/first/ended").asText())).isEqualTo(time(at(3, 15)));
      assertThat(conflict.at("/second/station").asText()).isEqualTo(LINE2_PLACER);
      assertThat(conflict.at("/second/line").asText()).isEqualTo("Line2");
      assertThat(conflict.at("/second/transaction").asText()).isEqualTo(TX_LINE2_PLACER);
      assertThat(Instant.parse(conflict.at("/second/started").asText())).isEqualTo(time(at(2, 40)));
      assertThat(Instant.parse(conflict.at("/second/ended").asText())).isEqualTo(time(at(3, 30)));
      assertThat(Instant.parse(conflict.get("overlapFrom").asText())).isEqualTo(time(at(2, 40)));
      assertThat(Instant.parse(conflict.get("overlapTo").asText())).isEqualTo(time(at(3, 15)));
    });
  }

  @Test
  void certificateMarksTheRouteStepsOfBothConflictingWindowsAndNoOther() {
    List<JsonNode> route = list(certificate(TWICE_PLACED).get("route"));

    assertThat(route.stream().filter(s -> s.get("conflict").asBoolean()).map(s -> s.get("station").asText() + "/" + s.get("transaction").asText())
        .distinct()).containsExactlyInAnyOrder(PLACER + "/" + TX_PLACER, LINE2_PLACER + "/" + TX_LINE2_PLACER);
    assertThat(route.stream().filter(s -> !s.get("conflict").asBoolean()).map(s -> s.get("transaction").asText()))
        .doesNotContain(TX_PLACER, TX_LINE2_PLACER);
  }

  @Test
  void bothReelsOfTheTwoPlacementsRemainExactEachWithItsOwnTransaction() {
    List<JsonNode> r1 = list(certificate(TWICE_PLACED).get("materials")).stream()
        .filter(m -> "exact".equals(m.get("link").asText()) && "R1".equals(m.path("referenceDesignator").asText())).toList();

    assertThat(r1).extracting(m -> m.get("materialPackage").asText() + "@" + m.get("transaction").asText())
        .containsExactlyInAnyOrder(SmtLineAccess.REEL_R1_A + "@" + TX_PLACER, ConflictLine.REEL_LINE2 + "@" + TX_LINE2_PLACER);
  }

  @Test
  void twoStationsOfOneLineAtOnceAreAConflictOnThatLine() {
    assertThat(list(certificate(TWO_STATIONS_AT_ONCE).get("conflicts"))).singleElement().satisfies(conflict -> {
      assertThat(pair(conflict)).isEqualTo(twoStationsPair());
      assertThat(conflict.at("/first/line").asText()).isEqualTo("Line1");
      assertThat(conflict.at("/second/line").asText()).isEqualTo("Line1");
      assertThat(Instant.parse(conflict.get("overlapFrom").asText())).isEqualTo(time(at(60, 30)));
      assertThat(Instant.parse(conflict.get("overlapTo").asText())).isEqualTo(time(at(61, 0)));
    });
  }

  // the panel's other boards shared the conflicting placer transaction with SN-1001-1, board 2
  // went through a repair station on its own, board 4 failed FCT; the stray boards were on two
  // lines one after the other, or handed over in the same instant
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SN-1001-2", "SN-1001-3", "SN-1001-4", SmtLineAccess.PANEL, ONE_AFTER_THE_OTHER, TOUCHING})
  void unitWhoseWindowsDoNotOverlapHasNoConflictAndNoMarkedStep(String unit) {
    JsonNode c = certificate(unit);

    assertThat(c.get("conflicts")).isEmpty();
    assertThat(list(c.get("route"))).noneMatch(s -> s.get("conflict").asBoolean());
  }

  @Test
  void serialOnTwoLinesOneAfterTheOtherIsOnBothLinesWithoutConflict() {
    JsonNode c = certificate(ONE_AFTER_THE_OTHER);

    assertThat(list(c.get("route")).stream().map(s -> s.get("station").asText()).distinct()).containsExactly(LINE1_ICT, ConflictLine.LINE2_ICT);
    assertThat(c.get("conflicts")).isEmpty();
  }

  @Test
  void listingOfTheShiftHasExactlyTheTwoConflictsInTheOrderTheyBegan() {
    JsonNode answer = conflicts(SHIFT);

    assertThat(list(answer.get("conflicts"))).extracting(ConflictTest::pair).containsExactly(twiceplacedPair(), twoStationsPair());
    assertThat(answer.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void listedConflictIsTheOneTheCertificateShows() {
    JsonNode listed = list(conflicts(SHIFT).get("conflicts")).get(0);

    assertThat(listed).isEqualTo(certificate(TWICE_PLACED).get("conflicts").get(0));
  }

  @Test
  void conflictIsListedInTheRangeItsOverlapBeganInThoughTheOtherWindowHasNoEventThere() {
    // the overlap began at 2:40, when Line 2's placer started; Line 1's placer window (2:30 to
    // 3:15) has no event from 2:40 to 2:41: it is found as a transaction begun before the range
    // and not completed before it
    JsonNode answer = conflicts("from=" + encode(at(2, 40).toString()) + "&to=" + encode(at(2, 41).toString()));

    assertThat(list(answer.get("conflicts"))).extracting(ConflictTest::pair).containsExactly(twiceplacedPair());
  }

  @Test
  void conflictIsNotListedAgainInALaterRangeWhileItsWindowsAreStillOpen() {
    // both placer windows are open at 2:50, but the overlap began before: consecutive ranges list
    // a conflict once
    JsonNode answer = conflicts("from=" + encode(at(2, 50).toString()) + "&to=" + encode(at(120, 0).toString()));

    assertThat(list(answer.get("conflicts"))).extracting(ConflictTest::pair).containsExactly(twoStationsPair());
  }

  @Test
  void windowsRunningPastTheEndOfTheRangeAreListedWhole() {
    // the range ends at 2:45, before either placer completed (3:15 and 3:30)
    JsonNode conflict = conflicts("from=" + encode(at(2, 0).toString()) + "&to=" + encode(at(2, 45).toString())).get("conflicts").get(0);

    assertThat(conflict).isEqualTo(certificate(TWICE_PLACED).get("conflicts").get(0));
  }

  @Test
  void pagesFollowEachOtherWithTheSameRange() {
    JsonNode first = conflicts(SHIFT + "&limit=1");
    JsonNode second = conflicts(SHIFT + "&limit=1&offset=1");

    assertThat(list(first.get("conflicts"))).extracting(ConflictTest::pair).containsExactly(twiceplacedPair());
    assertThat(first.get("truncated").asBoolean()).isTrue();
    assertThat(list(second.get("conflicts"))).extracting(ConflictTest::pair).containsExactly(twoStationsPair());
    assertThat(second.get("truncated").asBoolean()).isFalse();
    assertThat(second.get("offset").asInt()).isEqualTo(1);
  }

  @Test
  void rangeDefaultsToTheDayBeforeNow() {
    Instant before = Instant.now();
    JsonNode answer = conflicts("");

    Instant to = Instant.parse(answer.get("to").asText());
    assertThat(to).isBetween(before, Instant.now());
    assertThat(Duration.between(Instant.parse(answer.get("from").asText()), to)).isEqualTo(Duration.ofHours(24));
    assertThat(answer.get("limit").asInt()).isEqualTo(1000);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "from=yesterday | parameter 'from'",
      "to=2026-05-04T08:00:00 | parameter 'to'",
      "to=%2B10000-01-01T00:00:00Z | parameter 'to'",
      "from=2026-05-04T08:00:00Z%00 | parameter 'from'",
      "from=2026-05-04T09:00:00Z&to=2026-05-04T08:00:00Z | must be before 'to'",
      "from=2026-05-04T08:00:00Z&to=2026-05-04T08:00:00Z | must be before 'to'",
      "from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:01Z | are 7 days 00:00:01 apart: at most 7 days allowed",
      "limit=0 | parameter 'limit'",
      "limit=10001 | parameter 'limit'",
      "limit=ten | parameter 'limit'",
      "offset=-1 | parameter 'offset'",
      "offset=1000001 | parameter 'offset'",
      "offset=1.5 | parameter 'offset'"})
  void badParameterAnswers400NamingIt(String query, String named) {
    HttpResponse<String> response = service.get("/api/conflicts?" + query);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains(named);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z", "from=9999-12-25T00:00:00Z&to=9999-12-31T23:59:59.999999Z",
      "to=0001-01-01T00:00:00Z", "from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z"})
  void longestRangeAndTheEdgesOfTimeAreAnswered(String query) {
    assertThat(conflicts(query).get("conflicts")).isEmpty();
  }

  @Test
  void listingNeedsTheToken() {
    HttpResponse<String> response = service.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/conflicts")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
