package io.cfxtrace.simulators.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.ingest.normalize.SmtLineTraffic;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.simulators.record.RecordedLine;
import io.cfxtrace.simulators.record.Recorder;
import io.cfxtrace.simulators.record.RecordingFormat;
import io.cfxtrace.simulators.testing.Services;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * records a line's traffic from a listener while the same traffic goes live into a store, then
 * replays the recording through the real ingest service into fresh stores.
 */
@Timeout(180)
class RecordReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** the derived tables whose rows a replay must not duplicate. */
  private static final List<String> DERIVED = List.of("unit_event", "unit_alias", "unit_edge", "transaction_unit", "material_setup",
      "material_event", "unit_material", "unit_check", "measurement", "defect");

  @TempDir static Path dir;
  private static Services live;
  private static Path recording;
  private static List<CfxEnvelope> traffic;

  @BeforeAll
  static void recordTheLine() throws Exception {
    live = Services.start();
    traffic = SmtLineTraffic.envelopes();
    recording = dir.resolve("line.jsonl.gz");
    try (Recorder recorder = Recorder.create(recording, true, false, 0);
        CfxEndpoint recorderEndpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Recorder", null), CfxEndpoint.Options.defaults());
        CfxEndpoint machine = CfxEndpoint.start(EndpointIdentity.of("Line1.Machines", null), CfxEndpoint.Options.defaults())) {
      Listener listener = recorderEndpoint.listen(ListenerConfig.anonymous("record", "127.0.0.1", 0), recorder);
      Publisher toRecorder = Services.publisher(machine, AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/cfx"), dir.resolve("spool-rec"));
      Publisher toStore = Services.publisher(machine, live.listener(), dir.resolve("spool-live"));
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (CfxEnvelope e : traffic) {
        acks.add(toRecorder.publish(e).toCompletableFuture());
        acks.add(toStore.publish(e).toCompletableFuture());
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      recorderEndpoint.close();
    }
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
  }

  private static Replayer.Result replay(Services into, ReplayState state, Replayer.Listener listener, AtomicReference<Replayer> handle)
      throws Exception {
    return replay(into, state, Replayer.Options.asFastAsPossible(), listener, handle);
  }

  private static Replayer.Result replay(Services into, ReplayState state, Replayer.Options options, Replayer.Listener listener,
      AtomicReference<Replayer> handle) throws Exception {
    try (CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Replay", null), CfxEndpoint.Options.defaults());
        Publisher publisher = Services.publisher(endpoint, into.listener(), Files.createTempDirectory(dir, "spool"))) {
      Replayer replayer = new Replayer(recording, ReplayState.defaultFile(recording), options, listener);
      handle.set(replayer);
      return replayer.run(publisher, state);
    }
  }

  private static Replayer.Result replayAll(Services into) throws Exception {
    ReplayState fresh = Replayer.prepare(recording, ReplayState.defaultFile(recording), false, true, false, null);
    return replay(into, fresh, new Replayer.Listener() {}, new AtomicReference<>());
  }

  /** every unit of a store with its birth certificate from the query service. */
  private static Map<String, JsonNode> birthCertificates(Services store) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String unit : store.rows("select distinct unit_id from unit_event order by 1")) {
      HttpResponse<String> r = store.query("/api/units/" + Services.encode(unit));
      assertThat(r.statusCode()).as("birth certificate of %s: %s", unit, r.body()).isEqualTo(200);
      out.put(unit, JSON.readTree(r.body()));
    }
    return out;
  }

  private static Map<String, Long> derivedRows(Services store) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : DERIVED) {
      out.put(table, store.count("select count(*) from " + table));
    }
    return out;
  }

  @Test
  void theRecordingHoldsEveryEnvelopeAsReceivedWithItsAmqpProperties() throws Exception {
    List<RecordedLine> lines = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(recording)) {
      RecordingReader.Line line;
      while ((line = reader.next()) != null) {
        lines.add(RecordingFormat.parse(line.text(), JSON));
      }
    }
    Map<String, String> liveText = new LinkedHashMap<>();
    for (String row : live.rows("select unique_id, envelope::text from raw_message")) {
      String[] parts = row.split("\t", 2);
      liveText.put(parts[0], parts[1]);
    }

    assertThat(lines).hasSize(traffic.size());
    for (int i = 0; i < lines.size(); i++) {
      RecordedLine line = lines.get(i);
      String id = traffic.get(i).uniqueId();
      assertThat(line.envelope().path("UniqueID").asText()).isEqualTo(id);
      assertThat(line.properties().path("messageId").asText()).isEqualTo(id);
      assertThat(line.properties().path("contentEncoding").asText()).isEqualTo("gzip");
      // the same text the live store kept as received
      assertThat(JSON.writeValueAsString(line.envelope())).isEqualTo(JSON.writeValueAsString(JSON.readTree(liveText.get(id))));
    }
  }

  @Test
  void replayingIntoAFreshStoreGivesTheSameGenealogyAsTheLiveTraffic() throws Exception {
    try (Services fresh = Services.start()) {
      Replayer.Result result = replayAll(fresh);

      assertThat(result.complete()).isTrue();
      assertThat(result.published()).isEqualTo(traffic.size());
      Map<String, JsonNode> expected = birthCertificates(live);
      assertThat(expected).containsKey(SmtLineTraffic.serial(1)).hasSizeGreaterThanOrEqualTo(4);
      assertThat(birthCertificates(fresh)).isEqualTo(expected);
      assertThat(fresh.rows("select unique_id, envelope::text from raw_message order by unique_id"))
          .isEqualTo(live.rows("select unique_id, envelope::text from raw_message order by unique_id"));
      assertThat(derivedRows(fresh)).isEqualTo(derivedRows(live));
    }
  }

  @Test
  void replayingTwiceIntoOneStoreStoresEveryMessageOnce() throws Exception {
    try (Services store = Services.start()) {
      replayAll(store);
      Map<String, Long> afterFirst = derivedRows(store);
      Map<String, JsonNode> certificatesAfterFirst = birthCertificates(store);

      Replayer.Result second = replayAll(store);

      assertThat(second.complete()).isTrue();
      assertThat(second.published()).isEqualTo(traffic.size());
      assertThat(store.count("select count(*) from raw_message")).isEqualTo(traffic.size());
      assertThat(store.count("select count(distinct unique_id) from raw_message")).isEqualTo(traffic.size());
      assertThat(derivedRows(store)).isEqualTo(afterFirst);
      assertThat(birthCertificates(store)).isEqualTo(certificatesAfterFirst);
    }
  }

  @Test
  void aReplayInterruptedAfterTenMessagesResumesAndStoresEveryMessageExactlyOnce() throws Exception {
    Path stateFile = ReplayState.defaultFile(recording);
    try (Services store = Services.start()) {
      AtomicReference<Replayer> handle = new AtomicReference<>();
      ReplayState fresh = Replayer.prepare(recording, stateFile, false, true, false, null);
      // one envelope in flight at a time, so the stop falls in the middle of the recording
      Replayer.Options oneAtATime = new Replayer.Options(1.0, true, null, Replayer.Clock.RECEIVED, false, 1);
      Replayer.Result first = replay(store, fresh, oneAtATime, new Replayer.Listener() {
        @Override
        public void settled(long linesDone) {
          if (linesDone >= 10) {
            handle.get().stop();
          }
        }
      }, handle);

      assertThat(first.complete()).isFalse();
      assertThat(first.error()).isNull();
      assertThat(first.linesDone()).isBetween(10L, (long) traffic.size() - 1);
      ReplayState saved = ReplayState.read(stateFile);
      assertThat(saved.linesDone()).isEqualTo(first.linesDone());

      ReplayState resumed = Replayer.prepare(recording, stateFile, true, false, false, null);
      Replayer.Result second = replay(store, resumed, new Replayer.Listener() {}, new AtomicReference<>());

      assertThat(second.complete()).as("%s after %s", second, first).isTrue();
      assertThat(second.published()).isEqualTo(traffic.size() - first.linesDone());
      assertThat(Files.exists(stateFile)).as("the state file of a completed replay is removed").isFalse();
      assertThat(store.count("select count(*) from raw_message")).isEqualTo(traffic.size());
      assertThat(store.rows("select unique_id from raw_message order by 1"))
          .containsExactlyElementsOf(traffic.stream().map(CfxEnvelope::uniqueId).sorted().toList());
      assertThat(derivedRows(store)).isEqualTo(derivedRows(live));
    }
  }
}
