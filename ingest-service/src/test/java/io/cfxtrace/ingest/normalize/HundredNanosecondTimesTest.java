package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.value.CfxTimestamp;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CFX times carry 100 ns (the .NET SDK writes seven fraction digits), the store microseconds: one
 * rule (StoreTime: the seventh digit cut off) for every value written and every value compared
 * (issue #13, item 4). Measured before: a MaterialsLoaded at {@code ...05.1234565} ended its own
 * setup 1 µs after loading, because COPY rounded the insert and the closing UPDATE bound another
 * value. Every seventh digit 0-9 after an even and an odd sixth digit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class HundredNanosecondTimesTest {

  private static final String STATION = "Line1.Placer.PNP01";
  private EventStore store;

  @BeforeAll
  void openStore() {
    store = EventStore.open();
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  @BeforeEach
  void emptyStore() throws SQLException {
    store.reset();
  }

  static Stream<Arguments> digits() {
    return Stream.of(4, 5).flatMap(sixth -> IntStream.rangeClosed(0, 9).mapToObj(seventh -> Arguments.of(sixth, seventh)));
  }

  private static CfxEnvelope at(String time, Object body) {
    return CfxEnvelope.event(STATION, (io.cfxtrace.model.CfxMessage) body, CfxTimestamp.parse(time));
  }

  private static MaterialsLoaded load(String reel) {
    return new MaterialsLoaded(List.of(SmtLine.location("FDR-10", "Slot 10", SmtLine.reel(reel, "RES-10K-0402", "LOT-1", 5000), "FEEDER-1")));
  }

  @ParameterizedTest(name = "…05.12345{0}{1}")
  @MethodSource("digits")
  void loadIsNotEndedByItselfAndEndsAtTheUnloadAMicrosecondLater(int sixth, int seventh) throws SQLException {
    String loaded = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String unloaded = "2026-05-04T08:00:05.12345" + (sixth + 1) + seventh + "+02:00";
    store.store(at(loaded, load("REEL-A")));

    assertThat(store.rows("select loaded_at = timestamptz '2026-05-04T08:00:05.12345" + sixth + "+02:00', unloaded_at, ended_by from material_setup"))
        .as("the load at %s is stored cut to the microsecond and is still open", loaded)
        .containsExactly(Arrays.asList("t", null, null));

    store.store(at(unloaded, new MaterialsUnloaded(List.of("REEL-A"))));

    assertThat(store.rows("select unloaded_at = timestamptz '2026-05-04T08:00:05.12345" + (sixth + 1) + "+02:00', ended_by from material_setup"))
        .containsExactly(List.of("t", "unloaded"));
  }

  @ParameterizedTest(name = "…05.12345{0}{1}")
  @MethodSource("digits")
  void reelReplaced100NanosecondsLaterEndsTheFirstNotTheSecondInEitherArrivalOrder(int sixth, int seventh) throws SQLException {
    String first = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String second = CfxTimestamp.ofUtc(CfxTimestamp.parse(first).toInstant(java.time.ZoneOffset.UTC).plusNanos(100)).text();
    // the later load stored first: the order of the rows is the order of the times
    store.store(at(second, load("REEL-B")));
    store.store(at(first, load("REEL-A")));

    List<List<String>> setups = store.rows("select material_package_id, unloaded_at is not null, ended_by from material_setup order by loaded_at, material_package_id");
    if (seventh == 9) {
      // 100 ns later is the next microsecond: REEL-A was replaced by REEL-B
      assertThat(setups).containsExactly(List.of("REEL-A", "t", "replaced"), Arrays.asList("REEL-B", "f", null));
    } else {
      // the same microsecond in the store: neither is said to end before the other began
      assertThat(setups).containsExactly(Arrays.asList("REEL-A", "f", null), Arrays.asList("REEL-B", "f", null));
    }
  }

  @ParameterizedTest(name = "…05.12345{0}{1}")
  @MethodSource("digits")
  void aUnitsRouteKeepsTheOrderOfEvents100NanosecondsApartInEitherArrivalOrder(int sixth, int seventh) throws SQLException {
    String arrived = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String departed = CfxTimestamp.ofUtc(CfxTimestamp.parse(arrived).toInstant(java.time.ZoneOffset.UTC).plusNanos(100)).text();
    // the later event stored first
    store.store(at(departed, new UnitsDeparted("SN-TICK-1", null, 1, List.of(), 1)));
    store.store(at(arrived, new UnitsArrived("SN-TICK-1", null, 1, List.of(), 1)));

    // the order the query service reads a route in (BirthCertificateQuery, StationTimelineQuery)
    assertThat(store.rows("select event_type, event_tick from unit_event order by event_time, event_tick nulls first"))
        .containsExactly(List.of("arrived", Integer.toString(seventh)), List.of("departed", Integer.toString((seventh + 1) % 10)));
  }
}
