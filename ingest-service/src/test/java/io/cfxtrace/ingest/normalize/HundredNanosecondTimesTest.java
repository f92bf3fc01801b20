package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.OperatorDeactivated;
import io.cfxtrace.model.cfx.structures.Operator;
import java.time.ZoneOffset;
import io.cfxtrace.ingest.store.StoreTime;
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

  static Stream<Arguments> digitsAndOrders() {
    return digits().flatMap(d -> Stream.of(true, false).map(laterFirst -> Arguments.of(d.get()[0], d.get()[1], laterFirst)));
  }

  /** 100 ns after a CFX time, as CFX text (seven fraction digits). */
  private static String plus100Nanoseconds(String time) {
    return CfxTimestamp.ofUtc(CfxTimestamp.parse(time).toInstant(ZoneOffset.UTC).plusNanos(100)).text();
  }

  /** a CFX time as the store keeps it (cut to the microsecond), as a SQL literal. */
  private static String stored(String time) {
    return "timestamptz '" + StoreTime.of(CfxTimestamp.parse(time).toInstant(ZoneOffset.UTC)) + "'";
  }

  @ParameterizedTest(name = "…05.12345{0}{1}, later load stored first: {2}")
  @MethodSource("digitsAndOrders")
  void reelLoaded100NanosecondsLaterReplacesTheFirstInEitherArrivalOrderAndRebuild(int sixth, int seventh, boolean laterFirst) throws Exception {
    String first = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String second = plus100Nanoseconds(first);
    if (laterFirst) {
      store.store(at(second, load("REEL-B")));
      store.store(at(first, load("REEL-A")));
    } else {
      store.store(at(first, load("REEL-A")));
      store.store(at(second, load("REEL-B")));
    }
    // REEL-A was replaced by REEL-B at REEL-B's load, to the 100 ns, also within one microsecond;
    // REEL-B, the later, is still set up
    String setups = "select material_package_id, loaded_at = " + stored(first) + ", loaded_tick, unloaded_at = " + stored(second)
        + ", unloaded_tick, ended_by from material_setup order by loaded_at, loaded_tick";
    List<List<String>> expected = List.of(
        List.of("REEL-A", "t", Integer.toString(seventh), "t", Integer.toString((seventh + 1) % 10), "replaced"),
        Arrays.asList("REEL-B", seventh == 9 ? "f" : "t", Integer.toString((seventh + 1) % 10), null, null, null));
    assertThat(store.rows(setups)).as("setups after live ingest").containsExactlyElementsOf(expected);

    store.rebuild();

    assertThat(store.rows(setups)).as("setups after ./cfx rebuild").containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "…05.12345{0}{1}, unload stored first: {2}")
  @MethodSource("digitsAndOrders")
  void unload100NanosecondsBeforeALoadDoesNotEndItInEitherArrivalOrder(int sixth, int seventh, boolean unloadFirst) throws SQLException {
    String unloaded = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String reloaded = plus100Nanoseconds(unloaded);
    // REEL-A set up a second before, unloaded, and loaded again 100 ns after the unload
    String before = "2026-05-04T08:00:04.12345" + sixth + seventh + "+02:00";
    store.store(at(before, load("REEL-A")));
    if (unloadFirst) {
      store.store(at(unloaded, new MaterialsUnloaded(List.of("REEL-A"))));
      store.store(at(reloaded, load("REEL-A")));
    } else {
      store.store(at(reloaded, load("REEL-A")));
      store.store(at(unloaded, new MaterialsUnloaded(List.of("REEL-A"))));
    }

    assertThat(store.rows("select loaded_tick, unloaded_at = " + stored(unloaded) + ", unloaded_tick, ended_by from material_setup"
        + " order by loaded_at, loaded_tick"))
        .containsExactly(
            List.of(Integer.toString(seventh), "t", Integer.toString(seventh), "unloaded"),
            Arrays.asList(Integer.toString((seventh + 1) % 10), null, null, null));
  }

  @ParameterizedTest(name = "…05.12345{0}{1}, deactivation stored first: {2}")
  @MethodSource("digitsAndOrders")
  void operatorDeactivated100NanosecondsBeforeALoginDoesNotEndItInEitherArrivalOrder(int sixth, int seventh, boolean deactivationFirst)
      throws SQLException {
    String deactivated = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String activated = plus100Nanoseconds(deactivated);
    String before = "2026-05-04T08:00:04.12345" + sixth + seventh + "+02:00";
    Operator op = new Operator("OP-7", null, "Doe", "Jane", "jdoe");
    store.store(at(before, new OperatorActivated(op)));
    if (deactivationFirst) {
      store.store(at(deactivated, new OperatorDeactivated(op)));
      store.store(at(activated, new OperatorActivated(op)));
    } else {
      store.store(at(activated, new OperatorActivated(op)));
      store.store(at(deactivated, new OperatorDeactivated(op)));
    }

    assertThat(store.rows("select activated_tick, deactivated_at = " + stored(deactivated) + ", deactivated_tick from operator_session"
        + " order by activated_at, activated_tick"))
        .containsExactly(
            List.of(Integer.toString(seventh), "t", Integer.toString(seventh)),
            Arrays.asList(Integer.toString((seventh + 1) % 10), null, null));
  }

  @ParameterizedTest(name = "…05.12345{0}{1}")
  @MethodSource("digits")
  void aUnitsRouteKeepsTheOrderOfEvents100NanosecondsApartInEitherArrivalOrder(int sixth, int seventh) throws SQLException {
    String arrived = "2026-05-04T08:00:05.12345" + sixth + seventh + "+02:00";
    String departed = plus100Nanoseconds(arrived);
    // the later event stored first
    store.store(at(departed, new UnitsDeparted("SN-TICK-1", null, 1, List.of(), 1)));
    store.store(at(arrived, new UnitsArrived("SN-TICK-1", null, 1, List.of(), 1)));

    // the order the query service reads a route in (BirthCertificateQuery, StationTimelineQuery)
    assertThat(store.rows("select event_type, event_tick from unit_event order by event_time, event_tick nulls first"))
        .containsExactly(List.of("arrived", Integer.toString(seventh)), List.of("departed", Integer.toString((seventh + 1) % 10)));
  }
}
