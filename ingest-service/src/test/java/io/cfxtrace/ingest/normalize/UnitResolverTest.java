package io.cfxtrace.ingest.normalize;

import static io.cfxtrace.ingest.normalize.SmtLine.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.sensor.identification.IdentifiersRead;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.value.EnumValue;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * how {@link UnitResolver} keys units (CFX standard 5.6 unit identification; UnitPosition):
 * panel mode (the panel id repeated per position, boards keyed {@code <panel>#<n>} until a serial
 * is named) and serial mode (a serial per position, PrimaryIdentifier the panel), positions inside
 * a transaction, aliases, and transactions known only from the store. Each test starts from an
 * empty store and a new normaliser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class UnitResolverTest {

  private static final String STATION = "Line9.Test.T01";
  private static final String TX = "9d1c3b7e-5a2f-4e61-8c0d-00000000a001";
  private static final String PANEL = "PANEL-A";

  private EventStore store;
  private int second;

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
    second = 0;
  }

  // ---- messages, one second apart

  private void publish(CfxMessage... bodies) {
    for (CfxMessage body : bodies) {
      store.store(SmtLine.envelope(STATION, 0, second++, body));
    }
  }

  /** messages as one AMQP message: one batch, whose lookups the normaliser makes together. */
  private void publishInOneBatch(CfxMessage... bodies) {
    store.store(Arrays.stream(bodies).map(body -> SmtLine.envelope(STATION, 0, second++, body)).toArray(io.cfxtrace.model.CfxEnvelope[]::new));
  }

  private static List<UnitPosition> units(String... ids) {
    return IntStream.range(0, ids.length).mapToObj(i -> position(ids[i], i + 1)).toList();
  }

  private static List<UnitPosition> unnamed(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(n -> (UnitPosition) new BasicUnitPosition(null, n, "CIRCUIT" + n, null, null, null, null, null, null, null))
        .toList();
  }

  private static WorkStarted workStarted(String tx, String primary, List<UnitPosition> units) {
    return new WorkStarted(primary, null, tx, 1, units.size(), units, null, null, null, null);
  }

  private static WorkStarted panelMode(String tx) {
    return workStarted(tx, PANEL, units(PANEL, PANEL, PANEL));
  }

  private static WorkStarted serialMode(String tx) {
    return workStarted(tx, PANEL, units("SN-A1", "SN-A2", "SN-A3"));
  }

  private static UnitsTested tested(String tx, String identifier, Integer position) {
    return new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, null, null, null,
        List.of(new TestedUnit(identifier, position, EnumValue.of(TestResult.PASSED), List.of())));
  }

  private String keyOf(String eventType) throws SQLException {
    List<String> keys = store.column("select unit_id from unit_event where event_type = ?", eventType);
    assertThat(keys).as("units of the %s events", eventType).hasSize(1);
    return keys.get(0);
  }

  // ---- the two identification modes

  @Test
  void panelModeKeysEveryPositionProvisionally() throws SQLException {
    publish(panelMode(TX));

    assertThat(store.rows("select unit_id, panel_id, position from unit_event order by position"))
        .containsExactly(List.of("PANEL-A#1", PANEL, "1"), List.of("PANEL-A#2", PANEL, "2"), List.of("PANEL-A#3", PANEL, "3"));
    assertThat(store.count("select count(*) from unit_alias") + store.count("select count(*) from unit_edge")).isZero();
  }

  @Test
  void serialModeKeysBySerialAndLinksEachToThePanel() throws SQLException {
    publish(serialMode(TX));

    assertThat(store.column("select unit_id from unit_event order by position")).containsExactly("SN-A1", "SN-A2", "SN-A3");
    assertThat(store.rows("select parent_id, child_id from unit_edge where kind = 'panel' order by child_id"))
        .containsExactly(List.of(PANEL, "SN-A1"), List.of(PANEL, "SN-A2"), List.of(PANEL, "SN-A3"));
  }

  /** a station that works in panel mode later still finds the serials through the alias. */
  @Test
  void serialModeAliasesThePanelPositionForStationsThatOnlyKnowThePanel() throws SQLException {
    publish(serialMode(TX));

    assertThat(store.rows("select alias, unit_id from unit_alias order by alias"))
        .containsExactly(List.of("PANEL-A#1", "SN-A1"), List.of("PANEL-A#2", "SN-A2"), List.of("PANEL-A#3", "SN-A3"));
  }

  // ---- per-unit results inside a transaction: the position is authoritative

  static Stream<Arguments> resultsNamingThePosition() {
    return Stream.of(
        Arguments.of("panel mode, no identifier", panelMode(TX), null, "PANEL-A#2"),
        Arguments.of("panel mode, the panel id", panelMode(TX), PANEL, "PANEL-A#2"),
        Arguments.of("serial mode, no identifier", serialMode(TX), null, "SN-A2"),
        Arguments.of("serial mode, the panel id", serialMode(TX), PANEL, "SN-A2"),
        Arguments.of("serial mode, another id", serialMode(TX), "CARRIER-77", "SN-A2"),
        Arguments.of("no identifiers at start", workStarted(TX, null, unnamed(3)), null, TX + "#2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resultsNamingThePosition")
  void resultNamingPositionTwoResolvesToTheTransactionsUnitThere(String description, WorkStarted start, String identifier, String expected)
      throws SQLException {
    publish(start, tested(TX, identifier, 2));

    assertThat(keyOf("tested")).isEqualTo(expected);
  }

  @Test
  void resultWithoutPositionInASingleBoardTransactionIsThatBoard() throws SQLException {
    publish(workStarted(TX, "SN-S1", units("SN-S1")), tested(TX, null, null));

    assertThat(keyOf("tested")).isEqualTo("SN-S1");
  }

  @Test
  void resultsRepeatingOneIdentifierForSeveralPositionsKeyEachPositionEvenWithoutWorkStarted() throws SQLException {
    publish(new UnitsTested(TX, EnumValue.of(TestMethod.ICT), null, null, null, null, List.of(
        new TestedUnit("PANEL-Z", 1, EnumValue.of(TestResult.PASSED), List.of()),
        new TestedUnit("PANEL-Z", 2, EnumValue.of(TestResult.FAILED), List.of()))));

    assertThat(store.rows("select unit_id, result from unit_event order by unit_id"))
        .containsExactly(List.of("PANEL-Z#1", "Passed"), List.of("PANEL-Z#2", "Failed"));
  }

  // ---- serials named later

  @Test
  void serialNamedLaterForAProvisionalPositionIsAliasedToIt() throws SQLException {
    publish(panelMode(TX), tested(TX, "SN-L2", 2));

    assertThat(store.rows("select alias, unit_id from unit_alias")).containsExactly(List.of("PANEL-A#2", "SN-L2"));
    assertThat(store.rows("select parent_id, child_id, kind from unit_edge")).containsExactly(List.of(PANEL, "SN-L2", "panel"));
  }

  @Test
  void positionNamedBySerialOnceIsKeyedBySerialForTheRestOfTheTransaction() throws SQLException {
    publish(panelMode(TX), tested(TX, "SN-L2", 2),
        new UnitsPersonalized(TX, List.of(new PersonalizedUnit(null, 2, List.of(new Characteristic("FirmwareVersion", "1.0.0"))))));

    assertThat(keyOf("personalized")).isEqualTo("SN-L2");
    assertThat(store.column("select unit_id from unit_characteristic")).containsExactly("SN-L2");
  }

  @Test
  void laserMarkerNamingSerialsInsideThePanelTransactionAliasesEveryPositionOnce() throws SQLException {
    publish(panelMode(TX), new UnitsInitialized(TX, PANEL, null, null, 3, units("SN-M1", "SN-M2", "SN-M3")));

    assertThat(store.rows("select alias, unit_id from unit_alias order by alias"))
        .containsExactly(List.of("PANEL-A#1", "SN-M1"), List.of("PANEL-A#2", "SN-M2"), List.of("PANEL-A#3", "SN-M3"));
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  @Test
  void identifiersReadWithThePanelAndSerialsAliasesThePositionsOfEarlierTransactions() throws SQLException {
    publish(panelMode(TX), new IdentifiersRead(PANEL, null, units("SN-R1", "SN-R2", "SN-R3")));

    assertThat(store.column("select unit_id from unit_alias where alias = 'PANEL-A#3'")).containsExactly("SN-R3");
    assertThat(store.column("select distinct unit_id from unit_event where event_type = 'identified' order by 1"))
        .containsExactly("SN-R1", "SN-R2", "SN-R3");
  }

  @Test
  void sameSerialsReadAgainAtLaterStationsAreAliasedAndLinkedOncePerMessageThatNamesThem() throws SQLException {
    IdentifiersRead read = new IdentifiersRead(PANEL, null, units("SN-R1", "SN-R2"));
    publish(read, read, workStarted(TX, PANEL, units("SN-R1", "SN-R2")),
        new UnitsArrived(PANEL, null, 2, units("SN-R1", "SN-R2"), 1));

    // four messages name the two boards with their panel (two IdentifiersRead with their own
    // UniqueIDs, WorkStarted, UnitsArrived): a row for each, the same pairs whatever their order
    assertThat(store.count("select count(*) from unit_alias")).isEqualTo(8);
    assertThat(store.rows("select distinct alias, unit_id from unit_alias order by 1"))
        .containsExactly(List.of("PANEL-A#1", "SN-R1"), List.of("PANEL-A#2", "SN-R2"));
    assertThat(store.count("select count(*) from (select distinct parent_id, child_id from unit_edge where kind = 'panel') e")).isEqualTo(2);
    assertThat(store.count("select count(*) from unit_edge where kind = 'panel'")).isEqualTo(8);
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  // ---- WorkCompleted's late identification

  static Stream<Arguments> startsWithoutSerials() {
    return Stream.of(
        Arguments.of("panel id per position", panelMode(TX), "PANEL-A#"),
        Arguments.of("no identifiers", workStarted(TX, null, unnamed(3)), TX + "#"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startsWithoutSerials")
  void workCompletedNamingTheSerialsAliasesTheProvisionalKeys(String description, WorkStarted start, String provisionalPrefix) throws SQLException {
    publish(start, new WorkCompleted(TX, EnumValue.of(WorkResult.COMPLETED), PANEL, null, 3, units("SN-W1", "SN-W2", "SN-W3"), null));

    assertThat(store.rows("select alias, unit_id from unit_alias where alias like ? order by alias", provisionalPrefix + "%"))
        .containsExactly(
            List.of(provisionalPrefix + "1", "SN-W1"), List.of(provisionalPrefix + "2", "SN-W2"), List.of(provisionalPrefix + "3", "SN-W3"));
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  @Test
  void workCompletedNamingTheSerialsKeysItsOwnEventsBySerial() throws SQLException {
    publish(panelMode(TX), new WorkCompleted(TX, EnumValue.of(WorkResult.COMPLETED), PANEL, null, 3, units("SN-W1", "SN-W2", "SN-W3"), null));

    assertThat(store.column("select unit_id from unit_event where event_type = 'work_completed' order by position"))
        .containsExactly("SN-W1", "SN-W2", "SN-W3");
  }

  @Test
  void workCompletedWithoutUnitsCompletesTheTransactionsUnits() throws SQLException {
    publish(panelMode(TX), SmtLine.completed(TX, WorkResult.COMPLETED));

    assertThat(store.column("select unit_id from unit_event where event_type = 'work_completed' order by position"))
        .containsExactly("PANEL-A#1", "PANEL-A#2", "PANEL-A#3");
  }

  // ---- transactions seen in an earlier batch

  @Test
  void transactionSeenInAnEarlierBatchIsResolvedFromTheStore() throws SQLException {
    publish(serialMode(TX));
    store.restartNormalizer();
    publish(tested(TX, null, 2));

    assertThat(keyOf("tested")).isEqualTo("SN-A2");
  }

  @Test
  void provisionalKeysOfAnEarlierBatchAreStillAliasedAfterARestart() throws SQLException {
    publish(panelMode(TX));
    store.restartNormalizer();
    publish(tested(TX, "SN-L3", 3), tested(TX, null, 3));

    assertThat(store.rows("select alias, unit_id from unit_alias")).containsExactly(List.of("PANEL-A#3", "SN-L3"));
    assertThat(store.column("select unit_id from unit_event where event_type = 'tested'")).containsExactly("SN-L3", "SN-L3");
  }

  @Test
  void aliasTaughtAgainAfterARestartIsStoredOncePerTeachingMessage() throws SQLException {
    publish(serialMode(TX));
    store.restartNormalizer();
    publish(serialMode("9d1c3b7e-5a2f-4e61-8c0d-00000000a002"));

    assertThat(store.count("select count(*) from unit_alias")).isEqualTo(6);
    assertThat(store.count("select count(*) from (select distinct alias, unit_id from unit_alias) a")).isEqualTo(3);
    assertThat(store.count("select count(*) from (select distinct parent_id, child_id from unit_edge) e")).isEqualTo(3);
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  @Test
  void oneBatchNamingSeveralTransactionsOfEarlierBatchesResolvesEachFromTheStore() throws SQLException {
    String panelTx = "9d1c3b7e-5a2f-4e61-8c0d-00000000a002";
    String newTx = "9d1c3b7e-5a2f-4e61-8c0d-00000000a003";
    publish(serialMode(TX), panelMode(panelTx));
    store.restartNormalizer();
    publishInOneBatch(tested(TX, null, 2), tested(panelTx, "SN-L3", 3), tested(newTx, "SN-N1", 1));

    assertThat(store.column("select unit_id from unit_event where event_type = 'tested' order by event_time")).containsExactly("SN-A2", "SN-L3", "SN-N1");
    assertThat(store.rows("select alias, unit_id from unit_alias where unit_id = 'SN-L3'")).containsExactly(List.of("PANEL-A#3", "SN-L3"));
  }

  @Test
  void oneBatchWithStoredAndNewAliasesNamesEachPairWithTheTransactionsThatTaughtIt() throws SQLException {
    String again = "9d1c3b7e-5a2f-4e61-8c0d-00000000a002";
    publish(serialMode(TX));
    store.restartNormalizer();
    publishInOneBatch(serialMode(again), workStarted("9d1c3b7e-5a2f-4e61-8c0d-00000000a003", "PANEL-B", units("SN-B1", "SN-B2")));

    assertThat(store.column("select distinct alias from unit_alias order by alias")).containsExactly("PANEL-A#1", "PANEL-A#2", "PANEL-A#3", "PANEL-B#1", "PANEL-B#2");
    assertThat(store.column("select transaction_id from unit_alias where alias = 'PANEL-A#1' order by valid_from")).containsExactly(TX, again);
    assertThat(store.column("select distinct child_id from unit_edge where kind = 'panel' order by child_id")).containsExactly("SN-A1", "SN-A2", "SN-A3", "SN-B1", "SN-B2");
    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
  }

  // ---- no transaction

  /** the SDK writes Guid.Empty for an unset TransactionID: it must not tie messages together. */
  @Test
  void allZeroTransactionIdTiesNoUnitsTogether() throws SQLException {
    String empty = "00000000-0000-0000-0000-000000000000";
    publish(tested(empty, "SN-E1", 1), tested(empty, "SN-E2", 1));

    assertThat(store.rows("select unit_id, transaction_id from unit_event order by unit_id"))
        .containsExactly(Arrays.asList("SN-E1", null), Arrays.asList("SN-E2", null));
    assertThat(store.count("select count(*) from transaction_unit")).isZero();
  }

  @Test
  void unitsArrivedInPanelModeKeysPositionsUnderThePanel() throws SQLException {
    publish(new UnitsArrived(PANEL, null, 2, units(PANEL, PANEL), 1));

    assertThat(store.column("select unit_id from unit_event order by position")).containsExactly("PANEL-A#1", "PANEL-A#2");
  }
}
