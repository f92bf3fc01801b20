package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.value.EnumValue;
import io.cfxtrace.query.interlock.InterlockService;
import io.cfxtrace.simulators.testing.Services;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the simulated line asks cfx-trace first (issue #15): its stations publish to the real ingest
 * service and ask the query service's interlock listener over CFX (ICT and FCT before they work,
 * the placers before each reel), and act on the answers. Checked against the simulator's ground
 * truth, not the answers: every board the simulator let skip rework after a failed AOI is refused
 * at ICT, reworked, and accepted once repaired; every other board is accepted; a lot put on hold
 * before the shift keeps its reel off the placer (the store has no load of it) until the hold is
 * released, and then it is loaded. Each question and answer is kept in {@code
 * target/simulated-line-interlocks.jsonl}.
 */
@Timeout(240)
class SimulatedLineInterlocksTest {

  private static final OffsetDateTime START = OffsetDateTime.of(2026, 5, 4, 6, 0, 0, 0, ZoneOffset.UTC);
  /** a plan whose line lets boards skip rework after a failed AOI (the seed is chosen so that some do). */
  private static final SimulationPlan PLAN = new SimulationPlan(1, 160, 4, 3, START, 0, 1);

  @TempDir static Path dir;

  private static Services services;
  private static final List<InterlockTruth> decisions = new CopyOnWriteArrayList<>();
  private static final List<String> transcript = new ArrayList<>();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static String heldLot;
  private static String heldReel;
  private static Instant released;
  private static LineSimulator.Summary summary;

  @BeforeAll
  static void runTheLine() throws Exception {
    services = Services.start();
    Path rules = dir.resolve("interlock-rules.yaml");
    try (InputStream in = SimulatedLineInterlocksTest.class.getResourceAsStream("/io/cfxtrace/simulators/demo/interlock-rules.yaml")) {
      Files.copy(in, rules);
    }
    EmbeddedServer query = services.startQuery(Map.of("cfx.query.interlocks.enabled", true, "cfx.query.interlocks.port", 0,
        "cfx.query.interlocks.host", "127.0.0.1", "cfx.query.interlocks.rules", rules.toString()));
    AmqpUri interlockUri = AmqpUri.parse("amqp://127.0.0.1:" + query.getApplicationContext().getBean(InterlockService.class).port());

    // the shift's set-up is the same whatever the answers: a probe that passes everything names its reels
    List<InterlockTruth> probe = new ArrayList<>();
    LineSimulator dry = new LineSimulator(PLAN, l -> {}, passing(), probe::add);
    while (probe.isEmpty() && dry.hasNext()) {
      dry.next();
    }
    InterlockTruth first = probe.stream().filter(d -> d.station().endsWith("PNP02")).findFirst().orElseThrow();
    heldLot = first.lot();
    heldReel = first.subject();
    HttpResponse<String> hold = post(query, "/api/holds", "{\"kind\":\"lot\",\"value\":\"" + heldLot + "\",\"reason\":\"incoming inspection\",\"by\":\"test\"}");
    assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
    long holdId = Long.parseLong(hold.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));

    try (StationEndpoints endpoints = StationEndpoints.open(LineSimulator.stations(PLAN),
        new StationEndpoints.Settings(services.listener(), true, "127.0.0.1", 0, dir.resolve("spool")))) {
      Semaphore window = new Semaphore(1000);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CfxInterlock[] client = new CfxInterlock[1];
      client[0] = new CfxInterlock(endpoints::request, interlockUri, "CfxTrace.Interlocks", Duration.ofSeconds(20), () -> {
        try {
          assertThat(window.tryAcquire(1000, 60, TimeUnit.SECONDS)).as("the ingest service accepts the line's envelopes").isTrue();
          window.release(1000);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, e -> transcript.add(client[0].json(e)), null);
      LineSimulator sim = new LineSimulator(PLAN, l -> {}, client[0], decisions::add);
      while (sim.hasNext()) {
        Emission e = sim.next();
        assertThat(window.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
        endpoints.publish(e.station(), e.envelope()).whenComplete((v, x) -> {
          if (x != null) {
            failure.compareAndSet(null, x);
          }
          window.release();
        });
        if (released == null && decisions.stream().anyMatch(d -> d.subject().equals(heldReel) && !d.accepted())) {
          // the refusal is in the truth: release the hold before the placer asks about the reel again
          HttpResponse<String> r = post(query, "/api/holds/" + holdId + "/release", "{\"reason\":\"inspection passed\"}");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          released = e.time();
        }
      }
      assertThat(window.tryAcquire(1000, 60, TimeUnit.SECONDS)).as("everything accepted").isTrue();
      assertThat(failure.get()).isNull();
      summary = sim.summary();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (services != null) {
      services.close();
    }
    Path out = Path.of("target", "simulated-line-interlocks.jsonl");
    Files.createDirectories(out.getParent());
    Files.write(out, transcript, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(EmbeddedServer query, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(query.getURL() + path)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** an interlock that passes everything, for the probe. */
  private static Interlock passing() {
    RequestResult ok = new RequestResult(EnumValue.of(StatusResult.SUCCESS), 0, "probe");
    return new Interlock() {
      @Override
      public ValidateUnitsResponse validateUnits(String station, Instant at, ValidateUnitsRequest request) {
        throw new AssertionError("the probe runs only the shift's set-up");
      }

      @Override
      public ValidateStationSetupResponse validateSetup(String station, Instant at, ValidateStationSetupRequest request) {
        return new ValidateStationSetupResponse(ok);
      }
    };
  }

  private static List<InterlockTruth> units(String stationSuffix) {
    return decisions.stream().filter(d -> d.kind().equals("units") && d.station().endsWith(stationSuffix)).toList();
  }

  @Test
  void everyBoardTheSimulatorLetSkipReworkIsRefusedAtIctNamingTheAoiFailure() {
    List<String> skipped = decisions.stream().filter(d -> d.kind().equals("rework-skipped")).map(InterlockTruth::subject).toList();
    assertThat(skipped).as("the seed lets some boards skip rework").isNotEmpty();

    for (String serial : skipped) {
      InterlockTruth firstAsk = units(".ICT.ICT01").stream().filter(d -> d.subject().equals(serial)).findFirst().orElseThrow();
      assertThat(firstAsk.accepted()).as(serial).isFalse();
      assertThat(firstAsk.code()).isEqualTo(13);
      assertThat(firstAsk.action()).isEqualTo("to rework");
      assertThat(firstAsk.message()).startsWith("rule 'ict-after-aoi' (rules demo-1): AOI01 (Line1.AOI.AOI01) result Failed at ")
          .endsWith(", no repair since");
    }
  }

  @Test
  void aRefusedBoardIsAcceptedAtIctOnceRepairedOrIsScrappedByTheRework() throws Exception {
    List<String> skipped = decisions.stream().filter(d -> d.kind().equals("rework-skipped")).map(InterlockTruth::subject).toList();
    assertThat(skipped).isNotEmpty();
    for (String serial : skipped) {
      List<InterlockTruth> asks = units(".ICT.ICT01").stream().filter(d -> d.subject().equals(serial)).toList();
      boolean scrapped = services.count("select count(*) from unit_event where unit_id = '" + serial + "' and event_type = 'disqualified'") > 0;
      if (scrapped) {
        assertThat(asks).as(serial + " was scrapped by the rework: asked about once").hasSize(1);
        continue;
      }
      assertThat(asks).as(serial).hasSize(2);
      assertThat(asks.get(1).accepted()).isTrue();
      assertThat(asks.get(1).message()).isEqualTo("rule 'ict-after-aoi' (rules demo-1): passed");
      // in the store: tested at ICT only after its repair
      List<String> steps = services.rows("select event_type from unit_event where unit_id = '" + serial
          + "' and event_type in ('repaired', 'tested') order by event_time");
      assertThat(steps.get(0)).as(serial + "'s steps " + steps).isEqualTo("repaired");
      assertThat(steps).contains("tested");
    }
  }

  @Test
  void everyOtherBoardIsAcceptedAtIctAtOnceAndAtFct() {
    Set<String> skipped = new LinkedHashSet<>(decisions.stream().filter(d -> d.kind().equals("rework-skipped")).map(InterlockTruth::subject).toList());
    List<InterlockTruth> others = units(".ICT.ICT01").stream().filter(d -> !skipped.contains(d.subject())).toList();
    assertThat(others).hasSizeGreaterThan(100);
    assertThat(others).allSatisfy(d -> assertThat(d.accepted()).as(d.toString()).isTrue());
    assertThat(units(".FCT.FCT01")).hasSizeGreaterThan(100).allSatisfy(d -> assertThat(d.accepted()).as(d.toString()).isTrue());
    assertThat(summary.unitsRefused()).isEqualTo(units("").stream().filter(d -> !d.accepted()).count());
  }

  @Test
  void aLotOnHoldKeepsItsReelOffThePlacerUntilReleased() throws Exception {
    List<InterlockTruth> asks = decisions.stream().filter(d -> d.kind().equals("setup") && d.subject().equals(heldReel)).toList();
    assertThat(asks).isNotEmpty();
    InterlockTruth refused = asks.get(0);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.code()).isEqualTo(10);
    assertThat(refused.action()).isEqualTo("set aside");
    assertThat(refused.message()).contains("lot " + heldLot + ": hold #").contains("on lot " + heldLot + ": incoming inspection (by anonymous test at ");
    assertThat(released).isNotNull();
    InterlockTruth loaded = asks.get(asks.size() - 1);
    assertThat(loaded.accepted()).isTrue();
    assertThat(loaded.action()).isEqualTo("load");
    assertThat(loaded.at()).isAfter(refused.at());
    // the store: the reel was loaded once, when the placer asked after the release, not at the set-up
    List<String> loads = services.rows("select loaded_at from material_setup where material_package_id = '" + heldReel + "'");
    assertThat(loads).hasSize(1);
    Instant loadedAt = OffsetDateTime.parse(loads.get(0).replace(' ', 'T').replaceAll("\\+00$", "+00:00")).toInstant();
    assertThat(loadedAt).isAfterOrEqualTo(loaded.at()).isAfter(refused.at());
  }
}
