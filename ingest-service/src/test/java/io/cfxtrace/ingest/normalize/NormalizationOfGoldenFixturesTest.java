package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.registry.CfxRegistry;
import io.cfxtrace.model.registry.MessageEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * every typed golden fixture of cfx-model (the SDK's documented examples in SDK-2.1 envelopes, see
 * cfx-model's {@code src/test/resources/cfx/examples/INDEX.md}) through an {@link
 * io.cfxtrace.ingest.pipeline.IngestPipeline} into an emptied event store: each is kept in the raw
 * log without a dead letter, and produces exactly the rows its mapping promises (the table in
 * {@link #expectations()}); messages without a mapping produce the raw row only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class NormalizationOfGoldenFixturesTest {

  private static final Path EXAMPLES = Path.of("..", "cfx-model", "src", "test", "resources", "cfx", "examples");
  private static final ObjectMapper JSON = new ObjectMapper();

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

  // ---- the fixtures

  /** the fixtures whose message the model types: file name to message name, as cfx-model names them. */
  static List<Path> typedFixtures() {
    Set<String> typed =
        CfxRegistry.get().messages().stream().filter(m -> m.type().isPresent()).map(MessageEntry::name).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).filter(p -> typed.contains(messageNameOf(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code CFX.Production.WorkStarted.v2.json} to {@code CFX.Production.WorkStarted}. */
  static String messageNameOf(Path file) {
    String[] parts = file.getFileName().toString().replaceFirst("\\.json$", "").split("\\.");
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (!b.isEmpty() && !Character.isUpperCase(p.charAt(0))) {
        break; // a variant suffix such as v2, reflow, smt
      }
      b.append(b.isEmpty() ? "" : ".").append(p);
    }
    return b.toString();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void storeFixture(String fileName) {
    store.store(TestMessages.decode(read(EXAMPLES.resolve(fileName))));
  }

  // ---- every fixture: kept raw, no dead letter

  @Test
  void everyTypedMessageOfTheCatalogueHasAFixtureHere() {
    Set<String> covered = typedFixtures().stream().map(NormalizationOfGoldenFixturesTest::messageNameOf).collect(Collectors.toSet());

    assertThat(covered).hasSize(62);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedFixtures")
  void fixtureIsKeptInTheRawLogWithoutADeadLetter(Path fixture) throws SQLException {
    store.store(TestMessages.decode(read(fixture)));

    assertThat(store.rows("select message_name, typed from raw_message")).containsExactly(List.of(messageNameOf(fixture), "t"));
    assertThat(store.rows("select kind, reason from dead_letter")).as("dead letters (NORMALIZATION = the normaliser threw)").isEmpty();
  }

  /**
   * the same fixture with every scalar member of the body set to null, and a null and an empty
   * object added to every array: doc examples and other vendors omit members; no mapping may throw.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("typedFixtures")
  void fixtureWithItsMembersNulledIsStillNormalisedWithoutFailing(Path fixture) throws SQLException {
    ObjectNode envelope = (ObjectNode) tree(read(fixture));
    hollow(envelope.get("MessageBody"));

    store.store(TestMessages.json(envelope.toString()));

    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
    assertThat(store.count("select count(*) from raw_message")).isEqualTo(1);
  }

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** nulls every scalar (keeping {@code $type}), appends null to every array, and {} to arrays of objects. */
  private static void hollow(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = o.get(name);
        if (child.isContainerNode()) {
          hollow(child);
        } else if (!name.equals("$type")) {
          o.putNull(name);
        }
      }
    } else if (node instanceof ArrayNode a) {
      boolean ofObjects = false;
      for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
        JsonNode child = it.next();
        ofObjects |= child.isObject();
        if (child.isContainerNode()) {
          hollow(child);
        }
      }
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).isContainerNode()) {
          a.set(i, a.nullNode());
        }
      }
      a.addNull();
      if (ofObjects) {
        a.addObject();
      }
    }
  }

  // ---- the rows each fixture produces

  @Test
  void everyTypedFixtureHasAnExpectationInTheTable() {
    Set<String> expected = expectations().map(Expectation::fixture).collect(Collectors.toSet());

    assertThat(expected).containsExactlyInAnyOrderElementsOf(typedFixtures().stream().map(p -> p.getFileName().toString()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void fixtureProducesExactlyTheRowsOfItsMapping(Expectation expected) throws SQLException {
    storeFixture(expected.fixture());

    Map<String, Long> counts = new LinkedHashMap<>();
    EventStore.DERIVED_TABLES.forEach(t -> counts.put(t, expected.counts().getOrDefault(t, 0L)));
    assertThat(store.derivedRowCounts()).isEqualTo(counts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectationsWithProbes")
  void fixtureRowsCarryTheValuesOfTheMessage(Expectation expected) throws SQLException {
    storeFixture(expected.fixture());

    for (Probe p : expected.probes()) {
      assertThat(store.rows(p.sql())).as(p.sql()).containsExactly(p.row());
    }
  }

  Stream<Expectation> expectationsWithProbes() {
    return expectations().filter(e -> !e.probes().isEmpty());
  }

  /** a query expected to return exactly one row with these values (as PostgreSQL prints them). */
  record Probe(String sql, List<String> row) {}

  /** what storing one fixture must produce: rows per derived table (others none), and probes. */
  record Expectation(String fixture, Map<String, Long> counts, List<Probe> probes) {
    Expectation rows(String table, long n) {
      Map<String, Long> c = new LinkedHashMap<>(counts);
      c.put(table, n);
      return new Expectation(fixture, c, probes);
    }

    Expectation has(String sql, String... row) {
      List<Probe> p = new ArrayList<>(probes);
      p.add(new Probe(sql, Arrays.asList(row)));
      return new Expectation(fixture, counts, p);
    }

    @Override
    public String toString() {
      return fixture;
    }
  }

  private static Expectation fixture(String fileName) {
    return new Expectation(fileName, Map.of(), List.of());
  }

  /** a fixture whose message has no mapping, or none that applies to it alone: the raw row only. */
  private static Expectation rawOnly(String fileName) {
    return fixture(fileName);
  }

  /**
   * a time as the store keeps it; a CFX time's seventh fraction digit (100 ns) is cut off
   * (StoreTime), so a literal of the expectation gives six digits.
   */
  private static final Function<String, String> AT = t -> "= timestamptz '" + t + "'";

  static Stream<Expectation> expectations() {
    return Stream.of(
        // ---- root CFX topic: endpoint management, requests and responses: raw log only
        rawOnly("CFX.AreYouThereRequest.json"),
        rawOnly("CFX.AreYouThereResponse.json"),
        rawOnly("CFX.EndpointConnected.json"),
        rawOnly("CFX.EndpointShuttingDown.json"),
        rawOnly("CFX.GetEndpointInformationRequest.json"),
        rawOnly("CFX.GetEndpointInformationResponse.json"),
        rawOnly("CFX.GetEndpointInformationResponse.v2.json"),
        rawOnly("CFX.Heartbeat.json"),
        rawOnly("CFX.NotSupportedResponse.json"),
        rawOnly("CFX.NotSupportedResponse.v2.json"),
        rawOnly("CFX.WhoIsThereRequest.json"),
        rawOnly("CFX.WhoIsThereResponse.json"),
        // ---- validation requests and responses (interlocks): raw log only
        rawOnly("CFX.InformationSystem.UnitValidation.ValidateUnitsRequest.json"),
        rawOnly("CFX.InformationSystem.UnitValidation.ValidateUnitsResponse.json"),
        rawOnly("CFX.InformationSystem.OperatorValidation.ValidateOperatorRequest.json"),
        rawOnly("CFX.InformationSystem.OperatorValidation.ValidateOperatorResponse.json"),
        rawOnly("CFX.Materials.Storage.ValidateStationSetupRequest.json"),
        rawOnly("CFX.Materials.Storage.ValidateStationSetupResponse.json"),

        // ---- CFX.Materials.Management: material package life
        fixture("CFX.Materials.Management.MaterialsConsumed.json")
            .rows("material_package", 2)
            .rows("material_event", 2)
            .has("select event_type, part_number, quantity, details->>'spoiled', details->>'location' from material_event"
                    + " where material_package_id = 'MAT238908348903'",
                "consumed", "IPN-1222-55555", "42", "2.0", "3245434554"),
        fixture("CFX.Materials.Management.MaterialsInitialized.json")
            .rows("material_event", 2)
            .rows("material_package", 2)
            // MaterialPackageDetail: the label data of the reel, in columns of its own
            .has("select internal_part_number, manufacturer, manufacturer_part_number, manufacturer_lot_code, vendor, vendor_part_number, quantity,"
                    + " message_name from material_package where material_package_id = 'MAT4566556456'",
                "IPN47788", "MOTOROLA", "MOT231234", "LOT2016110588", "Digikey", "DIG23452442", "887", "CFX.Materials.Management.MaterialsInitialized")
            .has("select initial_quantity, status, details->>'hazardousMaterialType', manufactured_at " + AT.apply("2016-11-05T00:00:00Z")
                    + " from material_package where material_package_id = 'MAT4566556456'",
                "1000", "Active", "RoHS", "t")
            .has("select event_type, part_number, quantity, details->>'manufacturer', details->>'manufacturerLotCode' from material_event"
                    + " where material_package_id = 'MAT4566556456'",
                "initialized", "IPN47788", "887", "MOTOROLA", "LOT2016110588"),
        fixture("CFX.Materials.Management.MaterialsJoined.json")
            .rows("material_package", 2)
            .rows("material_event", 2)
            .has("select material_package_id, related_package_id from material_event where event_type = 'joined'", "MAT4566589856", "MAT4563453457")
            .has("select material_package_id, related_package_id from material_event where event_type = 'joined_to'", "MAT4563453457",
                "MAT4566589856"),
        fixture("CFX.Materials.Management.MaterialsModified.json")
            .rows("material_event", 3)
            .rows("material_package", 3)
            .has("select event_type, quantity, details->>'reason' from material_event where material_package_id = 'MAT4566553421'", "modified", "151",
                "ManualCountAndQuantityUpdate"),
        fixture("CFX.Materials.Management.MaterialsRetired.json")
            .rows("material_package", 3)
            .rows("material_event", 3)
            .has("select event_type, part_number from material_event where material_package_id = 'MAT4566554543'", "retired", "IPN48899"),
        fixture("CFX.Materials.Management.MaterialsSplit.json")
            .rows("material_event", 2)
            .has("select event_type, quantity, related_package_id from material_event where material_package_id = 'MAT4566589856'", "split", "121",
                "MAT4563453457")
            .has("select event_type, quantity, related_package_id from material_event where material_package_id = 'MAT4563453457'", "split_from",
                "30", "MAT4566589856"),

        // ---- CFX.Materials.Storage: which reel sat where, when
        fixture("CFX.Materials.Storage.MaterialCarriersLoaded.json")
            .rows("station_event", 3)
            .has("select event_type, details->>'location', details->>'locationName' from station_event where details->>'carrier' = '1233335B'",
                "carrier_loaded", "5555646455", "LANEB"),
        fixture("CFX.Materials.Storage.MaterialCarriersUnloaded.json")
            .rows("station_event", 2)
            .has("select distinct event_type, details->>'carrier' from station_event", "carrier_unloaded", "1233334"),
        fixture("CFX.Materials.Storage.MaterialsEmpty.json")
            .rows("material_package", 2)
            .rows("material_event", 2)
            .has("select event_type, quantity, details->>'location' from material_event where material_package_id = 'MAT238908323434'", "empty", "0",
                "3245435784"),
        fixture("CFX.Materials.Storage.MaterialsLoaded.json")
            .rows("material_setup", 6)
            .rows("material_event", 6)
            .rows("material_package", 6)
            .has("select internal_part_number, quantity, manufacturer from material_package_current where material_package_id = 'MAT4566554543'",
                "IPN48899", "748", null)
            .has("select location_identifier, location_name, part_number, carrier_id, carrier->>'type', unloaded_at from material_setup"
                    + " where material_package_id = 'MAT4566554543'",
                "5555646454", "SLOT44", "IPN48899", "1233334", "SMDTapeFeeder", null)
            .has("select count(*) from material_setup where station = 'SMTPlus.Model_21232.SN23123' and unloaded_at is null", "6"),
        fixture("CFX.Materials.Storage.MaterialsUnloaded.json")
            .rows("material_event", 4)
            .has("select count(*) from material_event where event_type = 'unloaded'", "4"),
        fixture("CFX.Materials.Storage.SplicePointDetected.json")
            .rows("material_package", 2)
            .rows("material_setup", 1)
            .rows("material_event", 2)
            .has("select material_package_id, location_identifier, unloaded_at from material_setup", "MAT238908348904", "3245435784", null)
            .has("select material_package_id, related_package_id from material_event where event_type = 'splice_depleted'", "MAT238908348903",
                "MAT238908348904"),

        // ---- CFX.Production: work flow. Alone, a transaction's later messages know no units.
        rawOnly("CFX.Production.ActivitiesExecuted.json"),
        rawOnly("CFX.Production.WorkCompleted.json"),
        rawOnly("CFX.Production.WorkCompleted.v2.json"),
        rawOnly("CFX.Production.WorkCompleted.v3.json"),
        rawOnly("CFX.Production.WorkStageCompleted.json"),
        rawOnly("CFX.Production.WorkStagePaused.json"),
        rawOnly("CFX.Production.WorkStageResumed.json"),
        rawOnly("CFX.Production.WorkStageStarted.json"),
        fixture("CFX.Production.WorkStarted.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .has("select unit_id, panel_id, position, lane, recipe, details->>'workOrder' from unit_event where position = 2 and event_type = 'work_started'",
                "CARRIER5566#2", "CARRIER5566", "2", "1", "Recipe1 rev 2.0", "WO-1000-1000")
            // WorkOrderIdentifier as columns of its own
            .has("select work_order, work_order_batch from unit_event where position = 1", "WO-1000-1000", "WO-1000-1000-B1")
            .has("select string_agg(unit_id, ',' order by position) from transaction_unit where transaction_id = '2c24590d-39c5-4039-96a5-91900cecedfa'",
                "CARRIER5566#1,CARRIER5566#2"),
        fixture("CFX.Production.WorkStarted.v2.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .has("select string_agg(unit_id, ',' order by position) from unit_event", "CARRIER5566#1,CARRIER5566#2"),
        fixture("CFX.Production.UnitsArrived.json")
            .rows("unit_event", 2)
            .has("select string_agg(unit_id || ':' || event_type, ',' order by position) from unit_event", "CARRIER5566#1:arrived,CARRIER5566#2:arrived"),
        fixture("CFX.Production.UnitsDeparted.json")
            .rows("unit_event", 2)
            .has("select string_agg(unit_id || ':' || event_type, ',' order by position) from unit_event",
                "CARRIER5566#1:departed,CARRIER5566#2:departed"),
        fixture("CFX.Production.UnitsDisqualified.json")
            .rows("unit_event", 2)
            .has("select event_type, result, details->>'comments' from unit_event where unit_id = 'CARRIER5566#1'", "disqualified",
                "DefectiveRepairNotPossible", "The units were accidentally dropped, and irrepairably damaged"),
        fixture("CFX.Production.UnitsInitialized.json")
            .rows("unit_event", 2)
            .has("select unit_id, position, event_type, details->>'workOrder', details->>'batch', transaction_id from unit_event where position = 1",
                "UNIT5566687", "1", "initialized", "WO45648798", "BATCH45648798-1", null)
            .has("select work_order, work_order_batch from unit_event where position = 1", "WO45648798", "BATCH45648798-1"),
        fixture("CFX.Production.OperatorActivated.json")
            .rows("operator_session", 1)
            .has("select station, operator_id, operator_name, login_name, deactivated_at from operator_session", "SMTPlus.Model_21232.SN23123",
                "42b7a5cc-3bbd-4010-8a01-1c5851b9a2a3", "Bill Smith", "bill.smith@domain1.com", null),
        // closes the session of its operator (alone there is none), and is kept as the fact a
        // session stored later ends at
        fixture("CFX.Production.OperatorDeactivated.json")
            .rows("station_event", 1)
            .has("select event_type, details->>'operator' from station_event", "operator_deactivated", "ea9da45d-9b1f-4e6a-974f-df06aeede42f"),
        fixture("CFX.Production.RecipeActivated.json")
            .rows("station_event", 1)
            .has("select event_type, state_name, details->>'workOrder' from station_event", "recipe_activated", "RECIPE3234 rev B", "WO-1000-1000"),
        fixture("CFX.Production.ReadingsRecorded.json")
            .rows("measurement", 3)
            .rows("transaction_unit", 2)
            .has("select check_kind, designators, value, expected, lower_limit, upper_limit, unit_of_measure, result, sequence from measurement"
                    + " where name = 'VOLTAGE1'",
                "reading", "R11,C12", "219.7", "221.5", "220", "223", "V", "Failed", "2")
            .has("select unit_id from measurement where name = 'CHIPTEMP1'", "5d0c2f3e-7a41-4b8e-9c65-1e2f3a4b5c6d#1")
            .has("select value, details->>'mimeType' from measurement where name = 'LABELIMAGE1'", null, "image/png"),

        // ---- CFX.Production.Processing: process data per zone, stroke, parameter
        fixture("CFX.Production.Processing.UnitsProcessed.json")
            .rows("process_value", 8)
            .has("select process_kind, value, unit_of_measure, unit_id from process_value where parameter = 'setpoint:ConveyorSpeed'", "generic", "1.4",
                "m/min", null),
        fixture("CFX.Production.Processing.UnitsProcessed.generic.json")
            .rows("process_value", 8)
            .has("select zone, value, unit_of_measure from process_value where parameter = 'reading:ActualHeaterTemperature'", "Stage1", "221.3", "Cel")
            .has("select zone, value_text from process_value where parameter = 'parameter:GasType'", "Stage1", "Nitrogen"),
        fixture("CFX.Production.Processing.UnitsProcessed.printing.json")
            .rows("process_value", 14)
            .has("select value, unit_of_measure from process_value where parameter = 'OffsetX'", "1.5", "mm")
            .has("select value from process_value where zone = 'stroke 2' and parameter = 'PrintSpeed'", "9")
            .has("select value_text from process_value where parameter = 'RecipeName'", "RECIPE_123"),
        fixture("CFX.Production.Processing.UnitsProcessed.v6.json")
            .rows("process_value", 14)
            .has("select value from process_value where parameter = 'SeparationSpeed'", "1.6"),
        fixture("CFX.Production.Processing.UnitsProcessed.reflow.json")
            .rows("process_value", 41)
            .has("select value from process_value where zone = 'Zone1' and sub_zone = 'Top' and parameter = 'setpoint:Temperature'", "220")
            .has("select value from process_value where zone = 'Zone3' and sub_zone = 'WholeZone' and parameter = 'setpoint:O2'", "500")
            .has("select value from process_value where zone = 'Zone4' and sub_zone = 'Bottom' and parameter = 'reading:PowerLevel'", "25")
            // the zones' places in the oven (ReflowZone.StageSequence), one per zone name (V10)
            .has("select string_agg(distinct zone || '=' || zone_sequence, ',') from process_value where zone is not null", "Zone1=1,Zone2=2,Zone3=3,Zone4=4")
            .has("select count(*) from process_value where zone is null and zone_sequence is not null", "0")
            .has("select process_kind, value, transaction_id from process_value where parameter = 'ConveyorSpeed'", "reflow", "60",
                "a881ac27-9649-41c8-a13e-df118471eb1e"),
        fixture("CFX.Production.Processing.UnitsProcessed.v2.json")
            .rows("process_value", 41)
            .has("select count(distinct zone) from process_value where zone is not null", "4"),
        fixture("CFX.Production.Processing.UnitsProcessed.reflowprofiling.json")
            .rows("process_value", 44)
            .has("select value from process_value where parameter = 'ProductionUnitPWI'", "89.6")
            .has("select value_text from process_value where parameter = 'LotID'", "Lot5564"),
        fixture("CFX.Production.Processing.UnitsProcessed.v4.json")
            .rows("process_value", 44)
            .has("select process_kind, value from process_value where parameter = 'MeasuredConveyorSpeed'", "reflow_profiling", "102.3"),
        // coating, per unit, a process the model does not type: flattened by path
        fixture("CFX.Production.Processing.UnitsProcessed.v3.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("process_value", 36)
            .has("select process_kind, value from process_value where unit_id = 'CARRIER55678#2' and parameter = 'Readings[1].ActualValue'",
                "CoatingProcessData", "32.5")
            .has("select string_agg(unit_id || ':' || result, ',' order by position) from unit_event where event_type = 'processed'",
                "CARRIER55678#1:Succeeded,CARRIER55678#2:Succeeded"),
        fixture("CFX.Production.Processing.UnitsProcessed.v5.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("process_value", 123)
            .has("select process_kind, value from process_value where unit_id = 'PANEL4325435#1' and parameter = 'ZoneData[2].Bath_Temp'",
                "SelectiveSolderPCBProcessData", "305")
            .has("select process_kind, value, unit_id from process_value where parameter = 'Nitrogen_Pressure'", "SelectiveSolderProcessData", "54",
                null),
        fixture("CFX.Production.Processing.UnitsProcessed.v7.json")
            .rows("process_value", 11)
            .has("select process_kind, value from process_value where parameter = 'CleaningSteps[0].Readings[1].ReadingValue'", "CleaningProcessData",
                "20"),
        fixture("CFX.Production.Processing.UnitsProcessed.v8.json")
            .rows("process_value", 27)
            .has("select process_kind, value from process_value where parameter = 'ToolBitDistanceRouted'", "RouterToolParameters", "30000")
            .has("select value_text from process_value where parameter = 'ToolBitStartTime'", "2021-12-20TT 10:18:42"),

        // ---- CFX.Production.Assembly / Application: component lot to unit
        fixture("CFX.Production.Assembly.MaterialsInstalled.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 7)
            .rows("material_package", 1)
            // NonInstalledComponents: picked for the unit and not placed
            .has("select reference_designator, material_package_id, rejection_reason, details->>'location', details->>'rejectionBoxId' from unit_material"
                    + " where link_kind = 'not_installed'",
                "R1", "MAT4566556456", "BadElectricalTest", "RejectionBox", "RejectionBox1")
            .has("select material_package_id, part_number, lot, location_identifier, carrier_id, link_kind, installed_at " + AT.apply("2018-10-03T16:03:05.109190-04:00")
                    + " from unit_material where unit_id = 'PANEL23423432#2' and reference_designator = 'R3'",
                "MAT4566556456", "IPN47788", null, "UID384234893", "1233334", "installed", "t")
            .has("select string_agg(distinct unit_id, ',') from unit_material", "PANEL23423432#1,PANEL23423432#2"),
        fixture("CFX.Production.Assembly.MaterialsInstalled.smt.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 4)
            .rows("material_package", 1)
            .has("select unit_id, reference_designator, rejection_reason, head_and_nozzle from unit_material where link_kind = 'not_installed'",
                "PANEL23423432#2", "R2", "BadVisionTestAfterPickup", null)
            .has("select internal_part_number, internal_package_name, lot, quantity from material_package", "IPN47788", "0402", "LOT-2026-0311-A", null)
            .has("select material_package_id, part_number, lot, location_identifier, carrier_id, head_and_nozzle, installed_at "
                    + AT.apply("2026-03-14T09:26:50.4567891+01:00") + " from unit_material where unit_id = 'PANEL23423432#1' and reference_designator = 'R1'",
                "MAT4566556456", "IPN47788", "LOT-2026-0311-A", "UID384234893", "1233334", "head HEAD1 nozzle 3 (N0402)", "t")
            .has("select string_agg(reference_designator, ',' order by reference_designator) from unit_material where unit_id = 'PANEL23423432#2'"
                + " and link_kind = 'installed'", "R1")
            .has("select string_agg(unit_id || ':' || event_type, ',' order by unit_id) from unit_event",
                "PANEL23423432#1:materials_installed,PANEL23423432#2:materials_installed"),
        fixture("CFX.Production.Assembly.MaterialsUninstalled.json")
            .rows("material_package", 1)
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 6)
            .has("select material_package_id, link_kind from unit_material where unit_id = 'PANEL23423432#1' and reference_designator = 'R2'",
                "MAT4566556456", "uninstalled")
            .has("select result from unit_event where unit_id = 'PANEL23423432#2'", "DefectiveMaterial"),
        fixture("CFX.Production.Application.MaterialsApplied.json")
            .rows("material_package", 1)
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 2)
            .has("select material_package_id, quantity, link_kind from unit_material where unit_id = 'PANEL23423432#1'", "MAT4566556456", "3.57", "applied"),
        // AppliedMaterial (CFX 1.7) with QuantityApplied
        fixture("CFX.Production.Application.MaterialsApplied.v2.json")
            .rows("material_package", 1)
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 2)
            .has("select material_package_id, quantity, link_kind from unit_material where unit_id = 'PANEL23423432#2'", "MAT4566556456", "3.45", "applied"),
        fixture("CFX.Production.Application.MaterialsUnapplied.json")
            .rows("material_package", 1)
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_material", 2)
            .has("select material_package_id, quantity, link_kind from unit_material where unit_id = 'PANEL23423432#2'", "MAT4566556456", "3.55",
                "unapplied"),
        fixture("CFX.Production.Assembly.UnitsPersonalized.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_characteristic", 2)
            .has("select name, value, transaction_id from unit_characteristic where unit_id = 'PANEL23423432#2'", "MAC Address", "C0-15-B9-2D-0F-3C",
                "e5cf340c-6858-4e26-893d-deae86bc09f1"),
        fixture("CFX.Production.LoadingAndUnloading.UnitsLoaded.json")
            .rows("unit_event", 2)
            .rows("unit_edge", 2)
            .has("select parent_id, kind, position from unit_edge where child_id = 'MODULE2'", "PALLET123", "carrier", "2")
            .has("select event_type, details->>'carrier' from unit_event where unit_id = 'MODULE1'", "loaded_into_carrier", "PALLET123"),
        fixture("CFX.Production.LoadingAndUnloading.UnitsUnloaded.json")
            .rows("unit_event", 2)
            .has("select event_type, details->>'carrier' from unit_event where unit_id = 'MODULE2'", "unloaded_from_carrier", "PALLET123"),

        // ---- CFX.Production.TestAndInspection / ReworkAndRepair
        // panel-level inspections only (CFX 1.6 InspectedPanel)
        fixture("CFX.Production.TestAndInspection.UnitsInspected.json")
            .rows("unit_event", 1)
            .rows("unit_check", 2)
            .has("select check_kind, result, method, operator from unit_check where unit_id = 'PN123456789' and name = 'INSPECT_F1'", "inspection",
                "Passed", "AOI", "BADGE489435")
            .has("select event_type, result, details->>'pcbVariant' from unit_event where unit_id = 'PN123456789'", "inspected", "Passed", "Variant 1"),
        fixture("CFX.Production.TestAndInspection.UnitsInspected.spi.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_check", 2)
            .rows("measurement", 4)
            .has("select check_name, designators, value, expected, result from measurement where unit_id = 'PANEL34543535#1' and name = 'R1.1'",
                "INSPECT_PASTE_DEPOSITIONS", "R1.1", "5.11", "5.1", "Passed")
            .has("select string_agg(unit_id || ':' || result, ',' order by unit_id) from unit_event", "PANEL34543535#1:Passed,PANEL34543535#2:Failed"),
        fixture("CFX.Production.TestAndInspection.UnitsInspected.v3.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_check", 2)
            .rows("measurement", 4)
            .has("select method from unit_check where unit_id = 'PANEL34543535#2'", "SPI"),
        fixture("CFX.Production.TestAndInspection.UnitsInspected.v2.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_check", 5)
            .rows("defect", 3)
            .has("select check_name, defect_code, category, reference_designator, part_number, priority, confidence from defect"
                    + " where defect_id = '53c7d9e7-e43f-4415-a3ff-8932f0437dde'",
                "INSPECT_R22", "ISFSLD112", "Solder Problems", "R22.1", "11123-8897", "1", "100")
            .has("select string_agg(distinct unit_id, ',') from defect", "PANEL34543535#2"),
        // PCBInspection.OffsetMeasurement per designator
        fixture("CFX.Production.TestAndInspection.UnitsInspected.v4.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_check", 2)
            .rows("measurement", 8)
            .has("select name, round(value::numeric, 4), rzx, details->>'rzx' from measurement where unit_id = 'PANEL34543535#1' and designators = 'R1'",
                "R1", "0.0224", "0.15", null),
        // TransactionId is the all-zero GUID: no transaction; InspectionMeasurementLean
        fixture("CFX.Production.TestAndInspection.UnitsInspected.v5.json")
            .rows("unit_event", 1)
            .rows("unit_check", 2)
            .rows("measurement", 2)
            // the deposit's geometry in its columns (V17), nothing of it left in details
            .has("select x, y, z, dx, dy, vol, a, ex, details from measurement order by x limit 1", "0.76", "1.53", "0.086", "0.035", "0.009", "7.8e-05",
                "1.234", null, null)
            .has("select unit_id, transaction_id, recipe from unit_event", "FFSHkkskamJDHS", null, "SolderRecipeXYZ_TextBoard1 rev 1.3.3.33")
            .has("select count(*) from measurement where transaction_id is null and value is not null", "2"),
        fixture("CFX.Production.TestAndInspection.UnitsTested.json")
            .rows("unit_event", 2)
            .rows("transaction_unit", 2)
            .rows("unit_check", 4)
            .rows("measurement", 4)
            .rows("defect", 1)
            .has("select value, unit_of_measure, expected, lower_limit, upper_limit, designators, result from measurement"
                    + " where unit_id = 'PANEL34543535#1' and name = 'RESISTANCE_MEASUREMENT_R21'",
                "28300", "Ohm", "28.2", "28", "28.4", "R21", "Passed")
            // the failing value is only in the symptom's RelatedMeasurements
            .has("select value, unit_of_measure, check_name, details->>'relatedTo' from measurement where unit_id = 'PANEL34543535#1'"
                    + " and name = 'RESISTANCE_MEASUREMENT_R22'",
                "28.52", "kOhm", "RESISTANCE_CHECK_R22", "4db5cb60-140c-41ba-9a27-116dfe3a12cd")
            .has("select category, reference_designator from defect where unit_id = 'PANEL34543535#1'", "symptom:Electrical Tests", "R22.1,R22.2")
            .has("select result, method, operator from unit_check where unit_id = 'PANEL34543535#1' and name = 'RESISTANCE_CHECK_R22'", "Failed",
                "Automated", "BADGE489499"),
        fixture("CFX.Production.TestAndInspection.UnitsTested.v2.json")
            .rows("unit_event", 1)
            .rows("transaction_unit", 1)
            .rows("unit_check", 2)
            .has("select result, started_at " + AT.apply("2018-10-03T16:02:33.283198-04:00") + ", ended_at " + AT.apply("2018-10-03T16:03:05.284200-04:00")
                    + " from unit_check where unit_id = 'UNIT123456789' and name = 'HOT_TEST'",
                "Passed", "t", "t"),
        fixture("CFX.Production.ReworkAndRepair.UnitsRepaired.json")
            .rows("unit_event", 1)
            .rows("transaction_unit", 1)
            .rows("unit_check", 2)
            .has("select result, operator, details->>'referenceDesignator', details->'relatedDefects'->>0 from unit_check"
                    + " where check_id = 'a604ed78-c314-48ab-b963-8111bf4d85ef'",
                "RepairSuccessful", "BADGE489499", "U34.5", "b1031227-d911-4be2-ba74-7a3fe019e5fa")
            .has("select event_type, result from unit_event where unit_id = 'FFSHkkskamJDHS'", "repaired", "RepairSuccessful"),

        // ---- CFX.ResourcePerformance: station states and faults
        fixture("CFX.ResourcePerformance.StationStateChanged.json")
            .rows("station_event", 1)
            .has("select event_type, state_code, state_name, old_state_code, details->>'oldStateDuration' from station_event", "state_changed", "1100",
                "PRD_RegularWork", "2200", "00:01:25"),
        fixture("CFX.ResourcePerformance.StationStateChanged.v2.json")
            .rows("station_event", 1)
            .has("select state_code, old_state_code, fault_code, fault_id, severity from station_event", "5500", "1100", "ERROR 3943480",
                "3de0cfce-42f4-4302-982b-96dba4ec3de0", "Error"),
        fixture("CFX.ResourcePerformance.FaultOccurred.json")
            .rows("station_event", 1)
            .has("select event_type, fault_code, fault_id, severity, details->>'cause' from station_event", "fault_occurred", "ERROR 3943480",
                "ea170e0a-43fb-4b02-af2c-928a8401dd51", "Error", "MechanicalFailure"),
        fixture("CFX.ResourcePerformance.FaultOccurred.v2.json")
            .rows("station_event", 1)
            .has("select fault_code, fault_id, details->>'type', details->>'referenceDesignator', details->>'materialPackage' from station_event",
                "ERROR 3943480", "a5c05bdc-41a3-4e50-b421-b084eb12ba2b", "SMTPlacementFault", "R31", "UID34280923084932849"),
        // THTInsertionFault: not typed by the model, read from its members
        fixture("CFX.ResourcePerformance.FaultOccurred.v3.json")
            .rows("station_event", 1)
            .has("select fault_code, fault_id, severity from station_event", "ERROR 3943480", "cdc5d80e-bd0a-4b3b-9d85-9084b23f95e5", "Error"),
        fixture("CFX.ResourcePerformance.FaultOccurred.v4.json")
            .rows("station_event", 1)
            .has("select fault_code, fault_id, details->>'printingFaultType', details->>'stage' from station_event", "ERROR 234333",
                "1610b591-eba0-4d30-b56e-89fdc94f865e", "SqueegeeError", "PRINTSTAGE"),
        fixture("CFX.ResourcePerformance.FaultCleared.json")
            .rows("station_event", 1)
            .has("select event_type, fault_id, details->>'operator' from station_event", "fault_cleared", "22ac3c8a-9e6d-42f8-85b2-f51bf2224ecc",
                "BADGE4486"),
        fixture("CFX.ResourcePerformance.FaultAcknowledged.json")
            .rows("station_event", 1)
            .has("select event_type, fault_id from station_event", "fault_acknowledged", "5af7e56c-cfbf-4f1f-aa4c-79d94a7442bc"),
        fixture("CFX.ResourcePerformance.StationOnline.json")
            .rows("station_event", 1)
            .has("select event_type, details->>'offlineDuration' from station_event", "online", "00:23:00"),
        fixture("CFX.ResourcePerformance.StationOffline.json")
            .rows("station_event", 1)
            .has("select event_type, station from station_event", "offline", "SMTPlus.Model_21232.SN23123"),
        fixture("CFX.ResourcePerformance.SMTPlacement.ComponentsPlaced.json")
            .rows("station_event", 1)
            .has("select event_type, details->>'placed', details->>'notPlaced' from station_event", "components_placed", "875", "45"),

        // ---- CFX.Sensor.Identification
        fixture("CFX.Sensor.Identification.IdentifiersRead.json")
            .rows("unit_event", 1)
            .has("select unit_id, event_type, station from unit_event", "CARRIER21342", "identified", "ScanTech.BCR_200.SN00981"),
        fixture("CFX.Sensor.Identification.IdentifiersRead.v2.json")
            .rows("unit_event", 2)
            .has("select string_agg(unit_id, ',' order by position) from unit_event", "CARRIER21342#1,CARRIER21342#2"));
  }

  // ---- the doc examples that share one transaction

  /**
   * the SDK's WorkStarted, WorkStage*, ActivitiesExecuted and WorkCompleted examples all carry
   * TransactionID 2c24590d-…: with event times in a plausible order, each position gets every
   * event. (The examples' own TimeStamps are unrelated dates; a transaction's messages are
   * normalised in event-time order, so they are given one minute apart here.)
   */
  @Test
  void docExamplesOfOneTransactionGiveEachPositionItsWorkEvents() throws SQLException {
    List<String> files =
        List.of(
            "CFX.Production.WorkStarted.json",
            "CFX.Production.WorkStageStarted.json",
            "CFX.Production.ActivitiesExecuted.json",
            "CFX.Production.WorkStagePaused.json",
            "CFX.Production.WorkStageResumed.json",
            "CFX.Production.WorkStageCompleted.json",
            "CFX.Production.WorkCompleted.json");
    for (int i = 0; i < files.size(); i++) {
      String json = new String(read(EXAMPLES.resolve(files.get(i))), java.nio.charset.StandardCharsets.UTF_8)
          .replaceFirst("\"TimeStamp\": *\"[^\"]*\"", "\"TimeStamp\": \"2026-03-16T08:0" + i + ":00+00:00\"");
      store.store(TestMessages.json(json));
    }

    assertThat(store.column("select event_type from unit_event where unit_id = 'CARRIER5566#2'"))
        .containsExactlyInAnyOrder("work_started", "stage_started", "activities", "stage_paused", "stage_resumed", "stage_completed", "work_completed");
  }
}
