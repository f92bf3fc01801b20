package io.cfxtrace.ingest.normalize;

import static io.cfxtrace.ingest.normalize.SmtLine.AOI;
import static io.cfxtrace.ingest.normalize.SmtLine.AOI_DEFECT;
import static io.cfxtrace.ingest.normalize.SmtLine.FCT;
import static io.cfxtrace.ingest.normalize.SmtLine.FEEDER_SLOT_R1;
import static io.cfxtrace.ingest.normalize.SmtLine.FIRMWARE;
import static io.cfxtrace.ingest.normalize.SmtLine.ICT;
import static io.cfxtrace.ingest.normalize.SmtLine.LASER;
import static io.cfxtrace.ingest.normalize.SmtLine.LOT_R1_A;
import static io.cfxtrace.ingest.normalize.SmtLine.LOT_R1_B;
import static io.cfxtrace.ingest.normalize.SmtLine.LOT_U1;
import static io.cfxtrace.ingest.normalize.SmtLine.OVEN;
import static io.cfxtrace.ingest.normalize.SmtLine.PANEL;
import static io.cfxtrace.ingest.normalize.SmtLine.PLACER;
import static io.cfxtrace.ingest.normalize.SmtLine.PRINTER;
import static io.cfxtrace.ingest.normalize.SmtLine.REEL_R1_A;
import static io.cfxtrace.ingest.normalize.SmtLine.REEL_R1_B;
import static io.cfxtrace.ingest.normalize.SmtLine.REPAIR;
import static io.cfxtrace.ingest.normalize.SmtLine.SPI;
import static io.cfxtrace.ingest.normalize.SmtLine.serial;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.value.EnumValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * a panel's full way down an SMT line ({@link SmtLine}), every station's messages stored through
 * the pipeline one by one as the stations publish them; then what a traceability query asks of
 * the store, per serial.
 *
 * <p>A serial's history is {@code unit_event} rows keyed by the serial or by any provisional key
 * ({@code PANEL-1001#n}) aliased to it in {@code unit_alias}: before the laser marker names the
 * serials, the stations know the boards only by panel and position.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class StationTransactionTest {

  /** the keys a serial's rows may carry: itself and its aliases. */
  static final String KEYS = "(select ? union select alias from unit_alias where unit_id = ?)";

  private EventStore store;
  private int envelopes;

  @BeforeAll
  void storeTheLine() {
    store = EventStore.open();
    List<CfxEnvelope> line = SmtLine.envelopes();
    envelopes = line.size();
    store.storeEach(line);
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  private static List<String> stationEvents(String station, String middle) {
    return List.of(station + ":work_started", station + ":" + middle, station + ":work_completed");
  }

  static Stream<Arguments> historyOfEachSerial() {
    return IntStream.rangeClosed(1, SmtLine.BOARDS).mapToObj(n -> {
      List<String> h = new ArrayList<>();
      h.addAll(stationEvents(PRINTER, "processed"));
      h.addAll(stationEvents(SPI, "inspected"));
      h.addAll(stationEvents(PLACER, "materials_installed"));
      h.addAll(stationEvents(OVEN, "processed"));
      h.addAll(stationEvents(AOI, "inspected"));
      h.addAll(stationEvents(LASER, "initialized"));
      h.addAll(stationEvents(ICT, "tested"));
      if (n == 2) {
        h.addAll(stationEvents(REPAIR, "repaired"));
      }
      h.addAll(List.of(FCT + ":work_started", FCT + ":personalized", FCT + ":tested", FCT + ":work_completed"));
      if (n == 4) {
        h.add(FCT + ":disqualified");
      }
      return Arguments.of(serial(n), h);
    });
  }

  @Test
  void everyMessageOfTheLineIsStoredAndNoneBecameADeadLetter() throws SQLException {
    assertThat(store.count("select count(*) from raw_message")).isEqualTo(envelopes);
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("historyOfEachSerial")
  void serialHasEveryStationsEventsInTimeOrder(String serial, List<String> history) throws SQLException {
    List<String> events =
        store.column("select station || ':' || event_type from unit_event where unit_id in " + KEYS + " order by event_time", serial, serial);

    assertThat(events).containsExactlyElementsOf(history);
  }

  @ParameterizedTest(name = "board {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void panelPositionIsResolvedToItsSerialOnly(int board) throws SQLException {
    assertThat(store.column("select distinct unit_id from unit_alias where alias = ?", PANEL + "#" + board)).containsExactly(serial(board));
  }

  @ParameterizedTest(name = "board {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void panelToBoardEdgesNameOnlyThePanelAndThePosition(int board) throws SQLException {
    assertThat(store.rows("select distinct parent_id, position from unit_edge where kind = 'panel' and child_id = ?", serial(board)))
        .containsExactly(List.of(PANEL, String.valueOf(board)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "SN-1001-1, R1, REEL-R1-A, LOT-R-100",
    "SN-1001-2, R1, REEL-R1-A, LOT-R-100",
    "SN-1001-3, R1, REEL-R1-B, LOT-R-101",
    "SN-1001-4, R1, REEL-R1-B, LOT-R-101",
    "SN-1001-1, U1, REEL-U1-A, LOT-U-200",
    "SN-1001-4, U1, REEL-U1-A, LOT-U-200"
  })
  void reelAndLotAtADesignatorAreTheOnesPlacedOnThatBoard(String serial, String designator, String reel, String lot) throws SQLException {
    List<List<String>> rows =
        store.rows("select material_package_id, lot, station, link_kind from unit_material where unit_id in " + KEYS
            + " and reference_designator = ?", serial, serial, designator);

    assertThat(rows).containsExactly(List.of(reel, lot, PLACER, "installed"));
  }

  @Test
  void spliceClosesTheDepletedReelsSetupAndOpensTheSplicedOne() throws SQLException {
    List<List<String>> setups =
        store.rows("select material_package_id, lot, loaded_at = ?, unloaded_at = ?, ended_by from material_setup where location_identifier = ?"
            + " order by loaded_at", SmtLine.at(-30, 0), SmtLine.spliceTime(), FEEDER_SLOT_R1);

    assertThat(setups).containsExactly(List.of(REEL_R1_A, LOT_R1_A, "t", "t", "splice"), Arrays.asList(REEL_R1_B, LOT_R1_B, "f", null, null));
  }

  /** the exact link (MaterialsInstalled) agrees with the setup intervals (MaterialsLoaded, splice). */
  @Test
  void everyPlacementFallsInsideTheSetupIntervalOfItsReel() throws SQLException {
    long placements = store.count("select count(*) from unit_material where link_kind = 'installed'");
    long inside =
        store.count("select count(*) from unit_material m where link_kind = 'installed' and exists (select 1 from material_setup s"
            + " where s.station = m.station and s.location_identifier = m.location_identifier and s.material_package_id = m.material_package_id"
            + " and s.loaded_at <= m.installed_at and m.installed_at < coalesce(s.unloaded_at, 'infinity'))");

    assertThat(placements).isEqualTo(2L * SmtLine.BOARDS);
    assertThat(inside).isEqualTo(placements);
  }

  static Stream<Arguments> whereUsed() {
    return Stream.of(
        Arguments.of(LOT_R1_A, List.of(serial(1), serial(2))),
        Arguments.of(LOT_R1_B, List.of(serial(3), serial(4))),
        Arguments.of(LOT_U1, List.of(serial(1), serial(2), serial(3), serial(4))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whereUsed")
  void whereUsedQueryReturnsTheSerialsThatContainALot(String lot, List<String> serials) throws SQLException {
    List<String> found =
        store.column("select distinct coalesce(a.unit_id, m.unit_id) from unit_material m left join unit_alias a on a.alias = m.unit_id"
            + " where m.lot = ? and m.link_kind = 'installed' order by 1", lot);

    assertThat(found).containsExactlyElementsOf(serials);
  }

  @ParameterizedTest(name = "board {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void firmwareAndMacAddressArePerSerial(int board) throws SQLException {
    List<List<String>> rows =
        store.rows("select name, value, station, transaction_id from unit_characteristic where unit_id = ? order by name", serial(board));

    String tx = SmtLine.fctTransaction(board);
    assertThat(rows).containsExactly(
        List.of("FirmwareHash", SmtLine.firmwareHash(board), FCT, tx),
        List.of("FirmwareVersion", FIRMWARE, FCT, tx),
        List.of("MACAddress", SmtLine.mac(board), FCT, tx));
  }

  @ParameterizedTest(name = "board {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void ictMeasurementCarriesValueLimitsAndUnitOfItsSerial(int board) throws SQLException {
    List<List<String>> rows =
        store.rows("select check_name, name, designators, value, expected, lower_limit, upper_limit, unit_of_measure, result from measurement"
            + " where unit_id = ? and station = ?", serial(board), ICT);

    assertThat(rows).containsExactly(
        List.of("R1_RESISTANCE", "R1_VALUE", "R1", String.valueOf((long) SmtLine.resistance(board)), "10000", "9900", "10100", "Ohm", "Passed"));
  }

  @ParameterizedTest(name = "board {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void pasteVolumesOfTheBoardAreFoundThroughItsPanelPosition(int board) throws SQLException {
    List<String> pads = store.column("select name from measurement where unit_id in " + KEYS + " and station = ? order by name", serial(board),
        serial(board), SPI);

    assertThat(pads).containsExactly("R1.1", "R1.2");
  }

  /** per-unit process data: the panel's print and reflow parameters reach each board by its transactions. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"printing, stroke 1, PrintPressure, 6.5", "printing, , OffsetX, 0.012", "reflow, Soak, setpoint:Temperature, 180", "reflow, Reflow, reading:Temperature, 244.6"})
  void panelProcessDataReachesEverySerialThroughItsTransactions(String kind, String zone, String parameter, String value) throws SQLException {
    List<String> serials =
        store.column("select distinct coalesce(a.unit_id, tu.unit_id) from process_value p join transaction_unit tu on tu.transaction_id = p.transaction_id"
            + " left join unit_alias a on a.alias = tu.unit_id where p.process_kind = ? and p.zone is not distinct from ? and p.parameter = ?"
            + " and p.sub_zone is distinct from 'Bottom' and p.value = ?::float8 order by 1", kind, zone, parameter, value);

    assertThat(serials).containsExactly(serial(1), serial(2), serial(3), serial(4));
  }

  @Test
  void repairRefersToTheDefectTheAoiFoundOnTheSameBoard() throws SQLException {
    List<List<String>> rows =
        store.rows("select d.defect_code, d.reference_designator, d.station, r.result, r.operator from unit_check r join defect d"
            + " on d.defect_id = r.details->'relatedDefects'->>0 where r.check_kind = 'repair' and r.unit_id = ? and d.unit_id in " + KEYS,
            serial(2), serial(2), serial(2));

    assertThat(rows).containsExactly(List.of("TOMBSTONE", "R1", AOI, "RepairSuccessful", "BADGE-0042"));
  }

  @Test
  void defectIsFoundOnlyOnTheBoardItWasReportedFor() throws SQLException {
    List<String> boards =
        store.column("select distinct coalesce(a.unit_id, d.unit_id) from defect d left join unit_alias a on a.alias = d.unit_id where d.defect_id = ?",
            AOI_DEFECT);

    assertThat(boards).containsExactly(serial(2));
  }

  @Test
  void scrappedBoardsLastTestFailedWithItsMeasuredCurrent() throws SQLException {
    List<List<String>> rows =
        store.rows("select m.value, m.upper_limit, m.result, e.result from measurement m join unit_event e on e.unit_id = m.unit_id"
            + " and e.event_type = 'disqualified' where m.unit_id = ? and m.station = ?", serial(4), FCT);

    assertThat(rows).containsExactly(List.of("0.31", "0.15", "Failed", "DefectiveRepairNotFeasible"));
  }

  /** the same line delivered as one AMQP message: one batch, one database transaction. */
  /**
   * the line handed over at once, one message per batch: each batch is normalised while the one
   * before it commits, on what that one taught the normaliser, and the store ends up the same as
   * with each message committed before the next arrives.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class LineInBatchesPreparedAhead {

    private EventStore ahead;

    @BeforeAll
    void storeTheLineWithoutWaiting() {
      ahead = EventStore.open(1);
      ahead.storeAllAtOnce(SmtLine.envelopes());
    }

    @AfterAll
    void closeAheadStore() {
      ahead.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "select unit_id, panel_id, position, event_type, station, transaction_id, message_name from unit_event order by 1, 2, 3, 4, 5, 6, 7",
          "select alias, unit_id, valid_from from unit_alias order by 1, 2",
          "select parent_id, child_id, kind, position, transaction_id from unit_edge order by 1, 2, 3",
          "select transaction_id, position, unit_id, panel_id from transaction_unit order by 1, 2, 3",
          "select unit_id, reference_designator, material_package_id, lot, link_kind from unit_material order by 1, 2, 3, 4, 5",
          "select unit_id, check_kind, name, result from unit_check order by 1, 2, 3, 4",
          "select material_package_id, message_name, lot, quantity from material_package order by 1, 2, 3, 4",
          "select station, material_package_id, loaded_at, unloaded_at, ended_by from material_setup order by 1, 2, 3",
          "select kind, reason from dead_letter order by 1, 2"
        })
    void storesTheSameRowsAsMessagesCommittedOneAtATime(String query) throws SQLException {
      assertThat(ahead.rows(query)).isEqualTo(store.rows(query));
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WholeLineInOneBatch {

    private EventStore batch;

    @BeforeAll
    void storeTheLineAtOnce() {
      batch = EventStore.open();
      batch.store(SmtLine.envelopes().toArray(CfxEnvelope[]::new));
    }

    @AfterAll
    void closeBatchStore() {
      batch.close();
    }

    @Test
    void noMessageBecomesADeadLetterWhenAliasesRepeatInsideTheBatch() throws SQLException {
      assertThat(batch.rows("select kind, reason from dead_letter")).isEmpty();
      assertThat(batch.count("select count(*) from (select distinct alias, unit_id from unit_alias) a")).isEqualTo(SmtLine.BOARDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cfxtrace.ingest.normalize.StationTransactionTest#whereUsed")
    void whereUsedGivesTheSameSerials(String lot, List<String> serials) throws SQLException {
      List<String> found =
          batch.column("select distinct coalesce(a.unit_id, m.unit_id) from unit_material m left join unit_alias a on a.alias = m.unit_id"
              + " where m.lot = ? and m.link_kind = 'installed' order by 1", lot);

      assertThat(found).containsExactlyElementsOf(serials);
    }

    @Test
    void spliceInsideTheBatchStillClosesTheReelLoadedInIt() throws SQLException {
      assertThat(batch.rows("select material_package_id, ended_by from material_setup where location_identifier = ? order by loaded_at",
              FEEDER_SLOT_R1))
          .containsExactly(List.of(REEL_R1_A, "splice"), Arrays.asList(REEL_R1_B, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cfxtrace.ingest.normalize.StationTransactionTest#historyOfEachSerial")
    void serialHasTheSameHistory(String serial, List<String> history) throws SQLException {
      assertThat(batch.column("select station || ':' || event_type from unit_event where unit_id in " + KEYS + " order by event_time", serial,
              serial))
          .containsExactlyElementsOf(history);
    }
  }

  /**
   * a station that reads the serials itself: WorkStarted names a distinct serial per position with
   * PrimaryIdentifier = the panel; later results name the panel, or nothing, with the position.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SerialModeWorkStarted {

    private static final String PANEL_2 = "PANEL-2002";
    private static final String TX = "6c0e1f9d-aa31-4b7e-8f21-000000002002";
    private static final String STATION = "Line2.AOI.AOI02";

    private EventStore serialMode;

    private String serial2(int n) {
      return "SN-2002-" + n;
    }

    @BeforeAll
    void storeATransactionInSerialMode() {
      serialMode = EventStore.open();
      List<CfxEnvelope> messages = new ArrayList<>();
      messages.add(SmtLine.envelope(STATION, 50, 0, new WorkStarted(PANEL_2, null, TX, 1, 4,
          IntStream.rangeClosed(1, 4).mapToObj(n -> SmtLine.position(serial2(n), n)).toList(), "BOARD-B-AOI", "1",
          EnumValue.of(Surface.PRIMARY_SURFACE), null)));
      messages.add(SmtLine.envelope(STATION, 50, 20, new UnitsInspected(TX, EnumValue.of(InspectionMethod.AOI), null, null, null, null,
          IntStream.rangeClosed(1, 4).mapToObj(n -> new InspectedUnit(PANEL_2, n, EnumValue.of(TestResult.PASSED), List.of(), null, 0)).toList(),
          null)));
      messages.add(SmtLine.envelope(STATION, 50, 30, new UnitsTested(TX, EnumValue.of(TestMethod.AUTOMATED), null, null, null, null,
          IntStream.rangeClosed(1, 4).mapToObj(n -> new TestedUnit(null, n, EnumValue.of(TestResult.PASSED), List.of())).toList())));
      messages.add(SmtLine.envelope(STATION, 50, 40, SmtLine.completed(TX, WorkResult.COMPLETED)));
      serialMode.storeEach(messages);
    }

    @AfterAll
    void closeSerialModeStore() {
      serialMode.close();
    }

    @Test
    void panelToBoardEdgesAreRecordedForEveryPosition() throws SQLException {
      assertThat(serialMode.rows("select parent_id, child_id, position from unit_edge where kind = 'panel' order by position"))
          .containsExactly(
              List.of(PANEL_2, serial2(1), "1"), List.of(PANEL_2, serial2(2), "2"), List.of(PANEL_2, serial2(3), "3"),
              List.of(PANEL_2, serial2(4), "4"));
    }

    @Test
    void noEventIsKeyedProvisionally() throws SQLException {
      assertThat(serialMode.column("select distinct unit_id from unit_event order by 1"))
          .containsExactly(serial2(1), serial2(2), serial2(3), serial2(4));
    }

    @ParameterizedTest(name = "board {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void resultsNamingOnlyThePanelOrThePositionLandOnTheSerial(int board) throws SQLException {
      assertThat(serialMode.column("select event_type from unit_event where unit_id = ? order by event_time", serial2(board)))
          .containsExactly("work_started", "inspected", "tested", "work_completed");
    }

    @Test
    void transactionUnitsAreTheSerials() throws SQLException {
      assertThat(serialMode.rows("select position, unit_id from transaction_unit where transaction_id = ? order by position", TX))
          .containsExactly(List.of("1", serial2(1)), List.of("2", serial2(2)), List.of("3", serial2(3)), List.of("4", serial2(4)));
    }
  }
}
