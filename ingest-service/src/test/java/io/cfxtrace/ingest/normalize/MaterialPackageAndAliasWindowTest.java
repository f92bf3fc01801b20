package io.cfxtrace.ingest.normalize;

import static io.cfxtrace.ingest.normalize.SmtLine.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.value.EnumValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * what V4 adds to the event store: material packages with their label data, the splice chain,
 * alternate parts and rejected components of a placement, and the validity window of a reusable
 * carrier's provisional keys. Fixtures under {@code src/test/resources/cfx/}:
 *
 * <ul>
 *   <li>{@code CFX.Production.Assembly.MaterialsInstalled.splice.json}: a placement from reel
 *       REEL-C, spliced onto REEL-B, itself spliced onto REEL-A (MaterialPackage.
 *       LeadingMaterialPackage, GreyZone 3); an alternate part (ReferencePartNumber); R11 picked
 *       once and discarded (SMTNonInstalledComponent) before it was placed; the reel carries
 *       MaterialPackageDetail members (Manufacturer, MPN, lot code, expiry) as a station deriving
 *       from the SDK's MaterialPackageDetail sends them.
 *   <li>{@code CFX.Materials.Storage.MaterialsLoaded.detail.json}: REEL-C loaded with its label
 *       data and a vendor, an hour and a half before the placement.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class MaterialPackageAndAliasWindowTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "cfx");
  private static final String SPLICE = "CFX.Production.Assembly.MaterialsInstalled.splice.json";
  private static final String LOADED = "CFX.Materials.Storage.MaterialsLoaded.detail.json";
  private static final String STATION = "Line9.Test.T01";

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

  private static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** the fixture as another message (a new UniqueID), so that it is not dropped as a redelivery. */
  private void storeAgain(String name, String uniqueId) {
    store.store(TestMessages.json(fixture(name).replaceFirst("\"UniqueID\": \"[^\"]+\"", "\"UniqueID\": \"" + uniqueId + "\"")));
  }

  private void storeFixture(String name) {
    store.store(TestMessages.json(fixture(name)));
  }

  // ---- unit_material: splice chain, alternate part, rejected components

  @Test
  void placementNearASpliceKeepsTheLeadingPackageAndTheWholeChain() throws SQLException {
    storeFixture(SPLICE);

    assertThat(store.rows("select material_package_id, lot, leading_package_id, grey_zone, splice_chain->1->>'id', splice_chain->1->>'lot',"
            + " jsonb_array_length(splice_chain) from unit_material where reference_designator = 'R10'"))
        .containsExactly(List.of("REEL-C", "LOT-C", "REEL-B", "3", "REEL-A", "LOT-A", "2"));
    assertThat(store.count("select count(*) from unit_material where leading_package_id = 'REEL-B'")).isEqualTo(3);
  }

  @Test
  void alternatePartPlacedKeepsThePartTheRecipeAskedFor() throws SQLException {
    storeFixture(SPLICE);

    assertThat(store.column("select distinct reference_part_number from unit_material")).containsExactly("IPN-10K-0402-PRIMARY");
  }

  @Test
  void componentPickedAndDiscardedIsKeptAsNotInstalledWithItsReasonAndNozzle() throws SQLException {
    storeFixture(SPLICE);

    assertThat(store.rows("select unit_id, reference_designator, link_kind, rejection_reason, head_and_nozzle, details->>'location',"
            + " details->>'rejectionComment', installed_at = timestamptz '2026-03-14T09:29:58.5+01:00' from unit_material where link_kind <> 'installed'"))
        .containsExactly(List.of("SN-SPLICE-1", "R11", "not_installed", "BadVisionTestAfterPickup", "head HEAD2 nozzle 5 (N0402)", "Lost",
            "tombstoned in the nozzle", "t"));
    assertThat(store.column("select string_agg(reference_designator, ',' order by reference_designator) from unit_material where link_kind = 'installed'"))
        .containsExactly("R10,R11");
  }

  // ---- material_package

  @Test
  void detailMembersSentInsideAMaterialPackageAreKeptAsColumns() throws SQLException {
    storeFixture(LOADED);

    assertThat(store.rows("select material_package_id, internal_part_number, lot, manufacturer, manufacturer_part_number, manufacturer_lot_code,"
            + " vendor, vendor_part_number, quantity, expires_at = timestamptz '2028-01-31T00:00:00Z', station, message_name from material_package"))
        .containsExactly(List.of("REEL-C", "IPN-10K-0402", "LOT-C", "YAGEO", "RC0402FR-0710KL", "2611-C", "Arrow", "ARW-RC0402-10K", "5000", "t",
            "SMTPlus.Model_21232.SN23123", "CFX.Materials.Storage.MaterialsLoaded"));
  }

  @Test
  void reelRepeatedInEveryPlacementIsWrittenOnceUntilItsDataChange() throws SQLException {
    storeFixture(SPLICE);
    storeAgain(SPLICE, UUID.randomUUID().toString());
    storeAgain(SPLICE, UUID.randomUUID().toString());

    assertThat(store.count("select count(*) from unit_material where reference_designator = 'R10'")).isEqualTo(3);
    assertThat(store.count("select count(*) from material_package where material_package_id = 'REEL-C'")).isEqualTo(1);
  }

  @Test
  void placementDoesNotRecordTheReelsCountdownAsItsQuantity() throws SQLException {
    storeFixture(SPLICE);

    assertThat(store.rows("select quantity, leading_package_id, manufacturer from material_package where material_package_id = 'REEL-C'"))
        .containsExactly(java.util.Arrays.asList(null, "REEL-B", "YAGEO"));
  }

  @Test
  void currentViewGivesEachAttributesLatestKnownValueAndWhenThePackageWasSeen() throws SQLException {
    storeFixture(LOADED);
    storeFixture(SPLICE);

    assertThat(store.count("select count(*) from material_package where material_package_id = 'REEL-C'")).isEqualTo(2);
    assertThat(store.rows("select vendor, quantity, internal_package_name, leading_package_id, first_seen = timestamptz '2026-03-14T08:00:00+01:00',"
            + " last_seen = timestamptz '2026-03-14T09:30:00+01:00' from material_package_current where material_package_id = 'REEL-C'"))
        .containsExactly(List.of("Arrow", "5000", "0402", "REEL-B", "t", "t"));
  }

  @Test
  void packageStatedAgainByAnotherMessageKeepsOneRowForItsContent() throws SQLException {
    storeFixture(SPLICE);
    store.restartNormalizer();
    storeAgain(SPLICE, UUID.randomUUID().toString());

    assertThat(store.count("select count(*) from material_package where material_package_id = 'REEL-C'"))
        .as("the same content stated by a second message (after a restart): one row, the earliest message's")
        .isEqualTo(1);
    assertThat(store.count("select count(*) from material_package_current where material_package_id = 'REEL-C'")).isEqualTo(1);
  }

  // ---- defect index

  @Test
  void defectsAreIndexedByTheirUniqueIdentifier() throws SQLException {
    assertThat(store.column("select indexdef from pg_indexes where tablename = 'defect' and indexname = 'defect_defect_id'"))
        .singleElement().asString().contains("(defect_id)");
  }

  // ---- unit_alias validity window: a reusable carrier

  private static List<UnitPosition> serials(String... ids) {
    return java.util.stream.IntStream.range(0, ids.length).mapToObj(i -> position(ids[i], i + 1)).toList();
  }

  private static CfxMessage trip(String tx, String a, String b) {
    return new WorkStarted("CARRIER-7", null, tx, 1, 2, serials(a, b), null, null, null, null);
  }

  /** a tester that knows only the carrier and the position (CFX 5.6 panel mode). */
  private static CfxMessage testedByCarrier(String tx) {
    return new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, null, null, null, List.of(
        new TestedUnit("CARRIER-7", 1, EnumValue.of(TestResult.PASSED), List.of()),
        new TestedUnit("CARRIER-7", 2, EnumValue.of(TestResult.FAILED), List.of())));
  }

  private void twoTripsOfOneCarrier() {
    store.store(SmtLine.envelope(STATION, 0, 0, trip("7a000000-0000-4000-8000-000000000001", "SN-A1", "SN-A2")));
    store.store(SmtLine.envelope(STATION, 5, 0, testedByCarrier("7a000000-0000-4000-8000-000000000002")));
    store.store(SmtLine.envelope(STATION, 60, 0, trip("7a000000-0000-4000-8000-000000000003", "SN-B1", "SN-B2")));
    store.store(SmtLine.envelope(STATION, 65, 0, testedByCarrier("7a000000-0000-4000-8000-000000000004")));
  }

  @Test
  void reusedCarrierPositionIsAliasedToEachTripsSerialFromItsStart() throws SQLException {
    twoTripsOfOneCarrier();

    assertThat(store.rows("select alias, unit_id, valid_from = ? from unit_alias where alias = 'CARRIER-7#1' order by valid_from",
            SmtLine.at(0, 0)))
        .containsExactly(List.of("CARRIER-7#1", "SN-A1", "t"), List.of("CARRIER-7#1", "SN-B1", "f"));
    assertThat(store.count("select count(*) from unit_alias where alias = 'CARRIER-7#1' and unit_id = 'SN-B1' and valid_from = ?",
        SmtLine.at(60, 0))).isEqualTo(1);
  }

  @Test
  void carrierPositionResolvesToTheSerialOfTheTripAtTheEventTime() throws SQLException {
    twoTripsOfOneCarrier();

    assertThat(store.rows("select unit_id, unit_at(unit_id, event_time) from unit_event where event_type = 'tested' order by event_time, position"))
        .containsExactly(List.of("CARRIER-7#1", "SN-A1"), List.of("CARRIER-7#2", "SN-A2"), List.of("CARRIER-7#1", "SN-B1"),
            List.of("CARRIER-7#2", "SN-B2"));
  }

  @Test
  void unitKeysBoundEachAliasToItsTrip() throws SQLException {
    twoTripsOfOneCarrier();

    assertThat(store.rows("select key, lower_bound = '-infinity', upper_bound = ? from unit_keys('SN-A1') order by key", SmtLine.at(60, 0)))
        .containsExactly(List.of("CARRIER-7#1", "t", "t"), List.of("SN-A1", "t", "f"));
    assertThat(store.rows("select key, lower_bound = ?, upper_bound = 'infinity' from unit_keys('SN-B1') where key <> 'SN-B1'", SmtLine.at(60, 0)))
        .containsExactly(List.of("CARRIER-7#1", "t", "t"));
  }

  @Test
  void serialNamedLaterInATransactionHoldsFromTheTransactionsFirstUseOfThePosition() throws SQLException {
    String tx = "7a000000-0000-4000-8000-0000000000aa";
    store.store(SmtLine.envelope(STATION, 0, 0, new WorkStarted("PANEL-L", null, tx, 1, 2, serials("PANEL-L", "PANEL-L"), null, null, null, null)));
    store.store(SmtLine.envelope(STATION, 3, 0, new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, null, null, null,
        List.of(new TestedUnit("SN-L2", 2, EnumValue.of(TestResult.PASSED), List.of())))));

    assertThat(store.rows("select alias, unit_id, valid_from = ?, event_time = ? from unit_alias", SmtLine.at(0, 0), SmtLine.at(3, 0)))
        .containsExactly(List.of("PANEL-L#2", "SN-L2", "t", "t"));
  }
}
