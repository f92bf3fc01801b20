package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.RepairResult;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.ValidationStatus;
import io.cfxtrace.model.cfx.structures.ValidationType;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import io.cfxtrace.query.interlock.InterlockService;
import io.cfxtrace.query.interlock.Interlocks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * the interlocks end to end over CFX: stations ask the query service's interlock listener the
 * way the SDK sends requests (a connection to its request URI, a link to its handle), against a
 * store filled through the real ingest path; holds are put and released over HTTP. Each step's
 * request and answer is kept in {@code target/interlock-transcript.jsonl}.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterlocksOverCfxTest {

  private static final String AOI = "Line1.AOI.AOI01";
  static final String ICT = "Line1.ICT.ICT01";
  private static final String REPAIR = "Line1.Repair.RPR01";
  private static final String PLACER = "Line1.Placer.PNP01";
  static final String HANDLE = "CfxTrace.Interlocks";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 5, 4, 10, 40, 0, 0, ZoneOffset.UTC);

  private static QueryServiceFixture service;
  private static CfxEndpoint ict;
  private static CfxEndpoint placer;
  private static AmqpUri uri;
  private static final List<String> TRANSCRIPT = new ArrayList<>();

  @BeforeAll
  static void start() {
    List<CfxEnvelope> line = line();
    service = QueryServiceFixture.storing(line, Map.of("cfx.query.interlocks.enabled", true, "cfx.query.interlocks.port", 0, "cfx.query.interlocks.host",
        "127.0.0.1", "cfx.query.interlocks.rules", Path.of("interlock-rules.example.yaml").toAbsolutePath().toString()));
    uri = AmqpUri.parse("amqp://127.0.0.1:" + service.context().getBean(InterlockService.class).port());
    ict = CfxEndpoint.start(EndpointIdentity.of(ICT, null), CfxEndpoint.Options.defaults());
    placer = CfxEndpoint.start(EndpointIdentity.of(PLACER, null), CfxEndpoint.Options.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    if (ict != null) {
      ict.close();
    }
    if (placer != null) {
      placer.close();
    }
    if (service != null) {
      service.close();
    }
    Path out = Path.of("target", "interlock-transcript.jsonl");
    Files.createDirectories(out.getParent());
    Files.write(out, TRANSCRIPT, StandardCharsets.UTF_8);
  }

  /** the store the interlocks read: SN-IL-1 failed at AOI, its panel mate SN-IL-2 passed; reel REEL-IL-1 (lot LOT-IL-7) loaded at the placer. */
  static List<CfxEnvelope> line() {
    return List.of(
        CfxEnvelope.event(AOI, new UnitsInspected(null, EnumValue.of(InspectionMethod.AOI), null, null, "BOARD-A", "1", List.of(
            new InspectedUnit("SN-IL-1", null, EnumValue.of(TestResult.FAILED), List.of(), null, null),
            new InspectedUnit("SN-IL-2", null, EnumValue.of(TestResult.PASSED), List.of(), null, null)), null), CfxTimestamp.of(T0.plusMinutes(2))),
        CfxEnvelope.event(PLACER, new MaterialsLoaded(List.of(new MaterialLocation(null, "1-01", "Slot 1",
            new MaterialPackage("REEL-IL-1", "RES-10K-0402", "0402", 5000.0, null, "LOT-IL-7", null, null), null))), CfxTimestamp.of(T0)));
  }

  private static CfxEnvelope ask(CfxEndpoint station, CfxMessage body) throws Exception {
    CfxEnvelope response = station.request(uri, null, HANDLE, body, WAIT).toCompletableFuture().get(30, TimeUnit.SECONDS);
    var codec = new io.cfxtrace.model.codec.CfxCodec();
    // the request as sent, but for its UniqueID and TimeStamp (made inside the requester): its RequestID is the one the answer repeats
    CfxEnvelope made = CfxEnvelope.request(station.identity().cfxHandle(), HANDLE, body);
    CfxEnvelope sent = new CfxEnvelope(made.version(), made.timeStamp(), made.uniqueId(), made.source(), made.target(), response.requestId(), body, Map.of());
    TRANSCRIPT.add("{\"request\":" + new String(codec.encode(sent), StandardCharsets.UTF_8)
        + ",\"response\":" + new String(codec.encode(response), StandardCharsets.UTF_8) + "}");
    return response;
  }

  static ValidateUnitsRequest units(String... serials) {
    List<io.cfxtrace.model.cfx.structures.UnitPosition> u = new ArrayList<>();
    for (int i = 0; i < serials.length; i++) {
      u.add(new BasicUnitPosition(serials[i], i + 1, "CIRCUIT" + (i + 1), null, null, null, null, null, null, null));
    }
    return new ValidateUnitsRequest(List.of(EnumValue.of(ValidationType.UNIT_ROUTE_VALIDATION), EnumValue.of(ValidationType.UNIT_STATUS_VALIDATION)),
        null, null, u, null);
  }

  private static ValidateStationSetupRequest setup() {
    return new ValidateStationSetupRequest(new StationSetupRequirements(null, null, "BOARD-A",
        List.of(new MaterialSetupRequirement("1-01", "RES-10K-0402", List.of(), List.of())), List.of()));
  }

  private static HttpResponse<String> post(String path, String json) {
    return service.send(HttpRequest.newBuilder(URI.create(service.url() + path)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + QueryServiceFixture.TOKEN).timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  @Order(1)
  void theInterlockHandleAnswersTheStandardRequestsToo() throws Exception {
    CfxEnvelope r = ask(ict, new AreYouThereRequest(HANDLE));

    assertThat(r.messageBody()).isInstanceOfSatisfying(AreYouThereResponse.class, a -> assertThat(a.cfxHandle()).isEqualTo(HANDLE));
  }

  @Test
  @Order(2)
  void aBoardThatFailedAoiIsRefusedAtIctAndItsPanelMateAccepted() throws Exception {
    CfxEnvelope r = ask(ict, units("SN-IL-1", "SN-IL-2"));

    assertThat(r.target()).isEqualTo(ICT);
    ValidateUnitsResponse v = (ValidateUnitsResponse) r.messageBody();
    assertThat(v.result().result().known()).contains(StatusResult.SUCCESS);
    assertThat(v.primaryResult().result().known()).contains(ValidationStatus.FAILED);
    assertThat(v.validationResults()).hasSize(2);
    assertThat(v.validationResults().get(0).uniqueIdentifier()).isEqualTo("SN-IL-1");
    assertThat(v.validationResults().get(0).result().known()).contains(ValidationStatus.FAILED);
    assertThat(v.validationResults().get(0).failureCode()).isEqualTo(Interlocks.UNREPAIRED);
    assertThat(v.validationResults().get(0).message())
        .isEqualTo("rule 'ict-after-aoi' (rules 2026-05-04.1): AOI01 (Line1.AOI.AOI01) result Failed at 2026-05-04T10:42:00Z, no repair since");
    assertThat(v.validationResults().get(1).result().known()).contains(ValidationStatus.PASSED);
    assertThat(v.validationResults().get(1).positionNumber()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void theSameBoardIsAcceptedOnceItsRepairIsStored() throws Exception {
    service.store(List.of(CfxEnvelope.event(REPAIR, new UnitsRepaired(null, null,
        List.of(new RepairedUnit("SN-IL-1", null, EnumValue.of(RepairResult.REPAIR_SUCCESSFUL), List.of()))), CfxTimestamp.of(T0.plusMinutes(9)))));

    ValidateUnitsResponse v = (ValidateUnitsResponse) ask(ict, units("SN-IL-1")).messageBody();

    assertThat(v.primaryResult().result().known()).contains(ValidationStatus.PASSED);
    assertThat(v.validationResults().get(0).message()).isEqualTo("rule 'ict-after-aoi' (rules 2026-05-04.1): passed");
  }

  @Test
  @Order(4)
  void aLotPutOnHoldStopsTheNextSetupOfItsReelAndItsReleaseLetsItThrough() throws Exception {
    ValidateStationSetupResponse before = (ValidateStationSetupResponse) ask(placer, setup()).messageBody();
    assertThat(before.result().result().known()).as(before.result().message()).contains(StatusResult.SUCCESS);

    HttpResponse<String> held = post("/api/holds", "{\"kind\":\"lot\",\"value\":\"LOT-IL-7\",\"reason\":\"supplier recall 2026-17\",\"by\":\"Quality\"}");
    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    long id = QueryServiceFixture.json(held).at("/holds/0/id").asLong();

    ValidateStationSetupResponse during = (ValidateStationSetupResponse) ask(placer, setup()).messageBody();
    assertThat(during.result().result().known()).contains(StatusResult.FAILED);
    assertThat(during.result().resultCode()).isEqualTo(Interlocks.HOLD);
    assertThat(during.result().message()).startsWith("position 1-01 reel REEL-IL-1 lot LOT-IL-7: hold #" + id + " on lot LOT-IL-7: supplier recall 2026-17 (by token-")
        .contains(" Quality at ");

    HttpResponse<String> released = post("/api/holds/" + id + "/release", "{\"reason\":\"supplier cleared the lot\"}");
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    JsonNode h = QueryServiceFixture.json(released);
    assertThat(h.get("releasedBy").asText()).startsWith("token-");
    assertThat(h.get("releaseReason").asText()).isEqualTo("supplier cleared the lot");

    ValidateStationSetupResponse after = (ValidateStationSetupResponse) ask(placer, setup()).messageBody();
    assertThat(after.result().result().known()).contains(StatusResult.SUCCESS);
  }

  @Test
  @Order(5)
  void aUnitHeldThroughItsWhereUsedIsRefusedEverywhere() throws Exception {
    // SN-IL-1 and SN-IL-2 carry no installation record: hold the one unit by itself
    HttpResponse<String> held = post("/api/holds", "{\"kind\":\"unit\",\"values\":[\"SN-IL-2\"],\"reason\":\"x-ray sample\"}");
    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);

    ValidateUnitsResponse v = (ValidateUnitsResponse) ask(ict, units("SN-IL-2")).messageBody();

    assertThat(v.validationResults().get(0).failureCode()).isEqualTo(Interlocks.HOLD);
    assertThat(v.validationResults().get(0).message()).contains("SN-IL-2 is held: hold #").contains("on unit SN-IL-2: x-ray sample (by token-");
  }

  @Test
  @Order(6)
  void aHoldWithoutAReasonIsRefusedNamingTheProblem() {
    HttpResponse<String> r = post("/api/holds", "{\"kind\":\"reel\",\"value\":\"REEL-IL-1\"}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("reason is missing");
  }

  @Test
  @Order(7)
  void aRequestAndAnAnswerLargerThanAFrameArriveInSeveralFramesAndAreAnsweredWhole() throws Exception {
    // the listener and the requester both take frames of 16 KiB (a connection per request: its
    // buffers are sized by the frame); a carrier of 2,000 units is more than that both ways
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      serials.add("SN-" + java.util.UUID.randomUUID());
    }
    ValidateUnitsRequest request = units(serials.toArray(String[]::new));
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(new io.cfxtrace.model.codec.CfxCodec().encode(CfxEnvelope.request(ICT, HANDLE, request)));
    }
    assertThat(gz.size()).as("the request as sent (gzip)").isGreaterThan(16 * 1024);

    CfxEnvelope r = ask(ict, request);

    ValidateUnitsResponse v = (ValidateUnitsResponse) r.messageBody();
    assertThat(new io.cfxtrace.model.codec.CfxCodec().encode(r).length).as("the answer (raw JSON)").isGreaterThan(16 * 1024);
    assertThat(v.validationResults()).extracting(io.cfxtrace.model.cfx.structures.ValidationResult::uniqueIdentifier).containsExactlyElementsOf(serials);
    // boards that never reached AOI: the route rule refuses each, naming itself
    assertThat(v.validationResults()).allSatisfy(u -> {
      assertThat(u.failureCode()).isEqualTo(Interlocks.ROUTE);
      assertThat(u.message()).startsWith("rule 'ict-after-aoi'");
    });
  }
}
