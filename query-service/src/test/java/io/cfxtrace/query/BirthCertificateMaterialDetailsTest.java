package io.cfxtrace.query;

import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * what the birth certificate and where-used answer from the V4 store: the label data of a reel
 * (material_package), the splice chain, an alternate part and a discarded part of a placement,
 * the work order of each route step, and a reusable carrier whose {@code CARRIER-7#1} named a
 * different board on each of two trips. The placement and the load are the ingest service's
 * fixtures ({@code cfx/CFX.Production.Assembly.MaterialsInstalled.splice.json}, {@code
 * cfx/CFX.Materials.Storage.MaterialsLoaded.detail.json}: reel REEL-C spliced onto REEL-B onto
 * REEL-A, R10 and R11 placed, R11 discarded once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BirthCertificateMaterialDetailsTest {

  private static final String PLACER = "SMTPlus.Model_21232.SN23123";
  private static final String SPLICE_TX = "0b6c7d8e-1f20-4a3b-8c4d-5e6f7a8b9c01";
  private static final String TESTER = "Line9.Test.T01";
  private static final OffsetDateTime PLACEMENT = OffsetDateTime.parse("2026-03-14T09:29:00+01:00");

  private QueryServiceFixture service;
  private JsonNode spliced;

  @BeforeAll
  void storeAndStart() {
    List<CfxEnvelope> envelopes = new ArrayList<>();
    envelopes.add(fixture("cfx/CFX.Materials.Storage.MaterialsLoaded.detail.json"));
    envelopes.add(CfxEnvelope.event(PLACER, new WorkStarted("SN-SPLICE-1", null, SPLICE_TX, 1, 1, List.of(position("SN-SPLICE-1", 1)), "RECIPE-9",
        null, null, new WorkOrderIdentifier("WO-77", "WO-77-B1")), CfxTimestamp.of(PLACEMENT)));
    envelopes.add(fixture("cfx/CFX.Production.Assembly.MaterialsInstalled.splice.json"));
    envelopes.add(CfxEnvelope.event(PLACER, new WorkCompleted(SPLICE_TX, EnumValue.of(WorkResult.COMPLETED), "SN-SPLICE-1", null, 1, List.of(position("SN-SPLICE-1", 1)), List.of()),
        CfxTimestamp.of(PLACEMENT.plusMinutes(2))));
    // a reusable carrier, two trips an hour apart; the tester knows only carrier and position
    envelopes.add(SmtLineAccess.envelope(TESTER, 0, 0, trip("7a000000-0000-4000-8000-000000000001", "SN-A1", "SN-A2")));
    envelopes.add(SmtLineAccess.envelope(TESTER, 5, 0, testedByCarrier("7a000000-0000-4000-8000-000000000002", TestResult.PASSED)));
    envelopes.add(SmtLineAccess.envelope(TESTER, 60, 0, trip("7a000000-0000-4000-8000-000000000003", "SN-B1", "SN-B2")));
    envelopes.add(SmtLineAccess.envelope(TESTER, 65, 0, testedByCarrier("7a000000-0000-4000-8000-000000000004", TestResult.FAILED)));
    service = QueryServiceFixture.storing(envelopes);
    spliced = certificate("SN-SPLICE-1");
  }

  @AfterAll
  void stop() {
    service.close();
  }

  private static CfxEnvelope fixture(String resource) {
    try (InputStream in = BirthCertificateMaterialDetailsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("ingest-service test resource %s", resource).isNotNull();
      DecodeOutcome outcome = new CfxCodec().decode(in.readAllBytes()).get(0);
      return ((DecodeOutcome.Decoded) outcome).envelope();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UnitPosition position(String id, int n) {
    return new BasicUnitPosition(id, n, "CIRCUIT" + n, null, null, null, null, null, null, null);
  }

  private static CfxMessage trip(String tx, String a, String b) {
    return new WorkStarted("CARRIER-7", null, tx, 1, 2, List.of(position(a, 1), position(b, 2)), null, null, null, null);
  }

  private static CfxMessage testedByCarrier(String tx, TestResult first) {
    return new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, null, null, null, List.of(
        new TestedUnit("CARRIER-7", 1, EnumValue.of(first), List.of()),
        new TestedUnit("CARRIER-7", 2, EnumValue.of(TestResult.PASSED), List.of())));
  }

  private JsonNode certificate(String unit) {
    HttpResponse<String> response = service.get("/api/units/" + QueryServiceFixture.encode(unit));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode material(JsonNode certificate, String link, String designator) {
    return list(certificate.get("materials")).stream()
        .filter(m -> link.equals(m.get("link").asText()) && designator.equals(m.path("referenceDesignator").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + link + " material at " + designator + " in " + certificate.get("materials")));
  }

  @Test
  void exactMaterialCarriesTheReelsManufacturerPartNumberLotCodeAndVendor() {
    JsonNode r10 = material(spliced, "exact", "R10");

    assertThat(List.of(r10.get("materialPackage").asText(), r10.get("manufacturer").asText(), r10.get("manufacturerPartNumber").asText(),
            r10.get("manufacturerLotCode").asText(), r10.get("vendor").asText(), r10.get("expiresAt").asText(), r10.get("kind").asText()))
        .containsExactly("REEL-C", "YAGEO", "RC0402FR-0710KL", "2611-C", "Arrow", "2028-01-31T00:00:00Z", "installed");
  }

  @Test
  void exactMaterialNamesItsSpliceChainAndGreyZone() {
    JsonNode r10 = material(spliced, "exact", "R10");

    assertThat(r10.get("leadingPackage").asText()).isEqualTo("REEL-B");
    assertThat(r10.get("greyZone").asDouble()).isEqualTo(3.0);
    assertThat(list(r10.get("spliceChain"))).extracting(p -> p.get("id").asText() + "/" + p.get("lot").asText())
        .containsExactly("REEL-B/LOT-B", "REEL-A/LOT-A");
  }

  @Test
  void alternatePartNamesThePartTheRecipeAskedFor() {
    assertThat(material(spliced, "exact", "R11").get("referencePartNumber").asText()).isEqualTo("IPN-10K-0402-PRIMARY");
  }

  @Test
  void discardedPartIsListedAsRejectedWithItsReason() {
    JsonNode rejected = material(spliced, "rejected", "R11");

    assertThat(List.of(rejected.get("kind").asText(), rejected.get("rejectionReason").asText(), rejected.get("headAndNozzle").asText()))
        .containsExactly("not_installed", "BadVisionTestAfterPickup", "head HEAD2 nozzle 5 (N0402)");
  }

  @Test
  void everyStepOfTheTransactionShowsItsWorkOrder() {
    assertThat(spliced.get("workOrders")).extracting(JsonNode::asText).containsExactly("WO-77");
    assertThat(list(spliced.get("route"))).extracting(s -> s.get("eventType").asText() + ":" + s.path("workOrder").asText() + ":"
            + s.path("workOrderBatch").asText())
        .containsExactly("work_started:WO-77:WO-77-B1", "materials_installed:WO-77:WO-77-B1", "work_completed:WO-77:WO-77-B1");
  }

  @Test
  void whereUsedOfTheReelLeavesTheDiscardedPartOut() {
    JsonNode answer = json(service.get("/api/materials/REEL-C/units"));

    assertThat(list(answer.get("units"))).extracting(u -> u.get("unit").asText() + ":" + u.get("referenceDesignator").asText())
        .containsExactly("SN-SPLICE-1:R10", "SN-SPLICE-1:R11");
  }

  @Test
  void boardOfTheCarriersFirstTripHasOnlyThatTripsTest() {
    JsonNode first = certificate("SN-A1");

    assertThat(list(first.get("route"))).extracting(s -> s.get("eventType").asText() + ":" + s.path("result").asText() + ":" + s.get("key").asText())
        .containsExactly("work_started::SN-A1", "tested:Passed:CARRIER-7#1");
  }

  @Test
  void boardOfTheCarriersSecondTripHasOnlyThatTripsTest() {
    JsonNode second = certificate("SN-B1");

    assertThat(list(second.get("route"))).extracting(s -> s.get("eventType").asText() + ":" + s.path("result").asText() + ":" + s.get("key").asText())
        .containsExactly("work_started::SN-B1", "tested:Failed:CARRIER-7#1");
  }

  @Test
  void carrierPositionAloneNamesTheBoardOfItsLatestTrip() {
    assertThat(certificate("CARRIER-7#1").get("unit").asText()).isEqualTo("SN-B1");
  }
}
