package io.cfxtrace.query;

import static io.cfxtrace.query.QueryServiceFixture.encode;
import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.value.CfxTimestamp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * boards attributed to reels across a reel change 100 ns apart (issue #13, item 4): CFX times carry
 * 100 ns, the store keeps microseconds and the 100 ns beside them, and the birth certificate's
 * inferred materials and a reel's where-used compare a work transaction's window with the reel's
 * setup to the 100 ns. One station per reel change at {@code ...12345<6th><7th>}, every seventh
 * digit 0-9 after an even and an odd sixth digit: the panel completed 100 ns before the change got
 * the old reel only, the panel started 100 ns after it the new reel only. The envelopes are stored
 * latest first, so that the old reel's setup is stored after the load that ends it. The station's
 * timeline shows the change between the two panels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ReelChange100NanosecondsApartTest {

  private static final String LOCATION = "FDR-7";
  private static final String PART = "RES-10K-0402";

  private QueryServiceFixture service;

  static Stream<Arguments> digits() {
    return Stream.of(4, 5).flatMap(sixth -> IntStream.rangeClosed(0, 9).mapToObj(seventh -> Arguments.of(sixth, seventh)));
  }

  private static String station(int sixth, int seventh) {
    return "Line1.Placer.TICK" + sixth + seventh;
  }

  private static String oldReel(int sixth, int seventh) {
    return "REEL-OLD-" + sixth + seventh;
  }

  private static String newReel(int sixth, int seventh) {
    return "REEL-NEW-" + sixth + seventh;
  }

  /** the panel (of one board, which the store names by the panel's id) completed 100 ns before the reel change. */
  private static String panelBefore(int sixth, int seventh) {
    return "PANEL-BEFORE-" + sixth + seventh;
  }

  /** the panel started 100 ns after the reel change. */
  private static String panelAfter(int sixth, int seventh) {
    return "PANEL-AFTER-" + sixth + seventh;
  }

  /** an envelope of the template's station and body at an instant (CFX text keeps its 100 ns). */
  private static CfxEnvelope at(Instant t, CfxEnvelope template) {
    return CfxEnvelope.event(template.source(), template.messageBody(), CfxTimestamp.ofUtc(t));
  }

  @BeforeAll
  void storeLatestFirstAndStart() {
    List<CfxEnvelope> line = new ArrayList<>();
    digits().forEach(a -> {
      int sixth = (Integer) a.get()[0];
      int seventh = (Integer) a.get()[1];
      String station = station(sixth, seventh);
      // the reel change at ...05.12345<sixth><seventh>, minute 60 + seventh of the shift
      Instant change = SmtLineAccess.at(60 + seventh + 10 * (sixth - 4), 5).toInstant().plusNanos(123_450_000L + sixth * 1000L + seventh * 100L);
      String txBefore = String.format("7a0e1f9d-aa31-4b7e-8f21-0000000%d%d001", sixth, seventh);
      String txAfter = String.format("7a0e1f9d-aa31-4b7e-8f21-0000000%d%d002", sixth, seventh);
      line.add(at(change.minusSeconds(60), SmtLineAccess.loaded(station, 0, 0, LOCATION, oldReel(sixth, seventh), PART, "LOT-OLD")));
      line.add(at(change.minusSeconds(10), SmtLineAccess.workStartedOnPanel(station, 0, 0, panelBefore(sixth, seventh), 1, txBefore, "R")));
      line.add(at(change.minusNanos(100), SmtLineAccess.workCompleted(station, 0, 0, txBefore)));
      line.add(at(change, SmtLineAccess.loaded(station, 0, 0, LOCATION, newReel(sixth, seventh), PART, "LOT-NEW")));
      line.add(at(change.plusNanos(100), SmtLineAccess.workStartedOnPanel(station, 0, 0, panelAfter(sixth, seventh), 1, txAfter, "R")));
      line.add(at(change.plusSeconds(10), SmtLineAccess.workCompleted(station, 0, 0, txAfter)));
    });
    Collections.reverse(line);
    service = QueryServiceFixture.storing(line);
  }

  @AfterAll
  void stop() {
    service.close();
  }

  /** the packages the birth certificate infers for a board (no exact link was sent). */
  private List<String> inferredReels(String unit) {
    HttpResponse<String> response = service.get("/api/units/" + encode(unit));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response).get("materials").spliterator(), false)
        .filter(m -> "inferred".equals(m.path("link").asText(null)))
        .map(m -> m.get("materialPackage").asText() + "@" + m.get("location").asText())
        .toList();
  }

  /** the boards a reel's where-used infers. */
  private List<String> units(String packageId) {
    HttpResponse<String> response = service.get("/api/materials/" + encode(packageId) + "/units");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response).get("units").spliterator(), false)
        .map(u -> u.get("unit").asText() + ":" + u.get("link").asText())
        .toList();
  }

  @ParameterizedTest(name = "change at …05.12345{0}{1}")
  @MethodSource("digits")
  void boardCompleted100NanosecondsBeforeTheChangeGotTheOldReelOnly(int sixth, int seventh) {
    assertThat(inferredReels(panelBefore(sixth, seventh))).containsExactly(oldReel(sixth, seventh) + "@" + LOCATION);
    assertThat(units(oldReel(sixth, seventh))).containsExactly(panelBefore(sixth, seventh) + ":inferred");
  }

  @ParameterizedTest(name = "change at …05.12345{0}{1}")
  @MethodSource("digits")
  void boardStarted100NanosecondsAfterTheChangeGotTheNewReelOnly(int sixth, int seventh) {
    assertThat(inferredReels(panelAfter(sixth, seventh))).containsExactly(newReel(sixth, seventh) + "@" + LOCATION);
    assertThat(units(newReel(sixth, seventh))).containsExactly(panelAfter(sixth, seventh) + ":inferred");
  }

  @ParameterizedTest(name = "change at …05.12345{0}{1}")
  @MethodSource("digits")
  void stationTimelineShowsTheChangeBetweenTheTwoPanelsToThe100Nanoseconds(int sixth, int seventh) {
    String window = "?from=" + encode(SmtLineAccess.at(0, 0).toString()) + "&to=" + encode(SmtLineAccess.at(120, 0).toString());
    HttpResponse<String> response = service.get("/api/stations/" + encode(station(sixth, seventh)) + "/timeline" + window);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> entries = StreamSupport.stream(json(response).get("entries").spliterator(), false)
        .map(e -> e.get("event").asText() + ":" + e.path("unit").asText(e.path("materialPackage").asText("")))
        .toList();

    assertThat(entries).containsExactly(
        "loaded:" + oldReel(sixth, seventh),
        "work_started:" + panelBefore(sixth, seventh),
        "work_completed:" + panelBefore(sixth, seventh),
        "replaced:" + oldReel(sixth, seventh),
        "loaded:" + newReel(sixth, seventh),
        "work_started:" + panelAfter(sixth, seventh),
        "work_completed:" + panelAfter(sixth, seventh));
  }

  @ParameterizedTest(name = "change at …05.12345{0}{1}")
  @MethodSource("digits")
  void theOldReelWasReplacedAtTheNewOnesLoadToThe100Nanoseconds(int sixth, int seventh) throws Exception {
    try (var c = service.database().connect(); var ps = c.prepareStatement(
        "select material_package_id, loaded_tick, unloaded_tick, ended_by from material_setup where station = ? order by loaded_at, loaded_tick")) {
      ps.setString(1, station(sixth, seventh));
      List<String> rows = new ArrayList<>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
        }
      }
      assertThat(rows).containsExactly(oldReel(sixth, seventh) + " " + seventh + " " + seventh + " replaced",
          newReel(sixth, seventh) + " " + seventh + " null null");
    }
  }
}
