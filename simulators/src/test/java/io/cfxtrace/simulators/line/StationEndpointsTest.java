package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.structures.BasicEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** the stations as CFX endpoints: publishing to a listener, answering requests at their handles. */
@Timeout(120)
class StationEndpointsTest {

  @TempDir static Path spool;

  private static CfxEndpoint peer;
  private static Listener listener;
  private static final ConcurrentLinkedQueue<InboundMessage> received = new ConcurrentLinkedQueue<>();
  private static StationEndpoints stations;
  private static List<Station> line;

  @BeforeAll
  static void start() throws Exception {
    peer = CfxEndpoint.start(EndpointIdentity.of("Test.Peer", null), CfxEndpoint.Options.defaults());
    listener = peer.listen(ListenerConfig.anonymous("test", "127.0.0.1", 0), m -> {
      received.add(m);
      return CompletableFuture.completedFuture(null);
    });
    line = LineSimulator.stations(new SimulationPlan(1, 1, 1, 1, OffsetDateTime.parse("2026-05-04T06:00:00Z")));
    stations = StationEndpoints.open(line,
        new StationEndpoints.Settings(AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/cfx"), true, "127.0.0.1", 0, spool));
  }

  @AfterAll
  static void stop() {
    if (stations != null) {
      stations.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void eachStationAnswersAreYouThereAtItsOwnHandleWithItsRequestUri() throws Exception {
    Map<String, String> uris = stations.requestUris();
    assertThat(uris.keySet()).containsExactlyElementsOf(line.stream().map(Station::handle).toList());
    for (Map.Entry<String, String> station : uris.entrySet()) {
      CfxEnvelope response = peer.request(AmqpUri.parse(station.getValue()), null, station.getKey(), new AreYouThereRequest(station.getKey()),
          Duration.ofSeconds(20)).toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(response.source()).isEqualTo(station.getKey());
      assertThat(response.messageBody()).isInstanceOfSatisfying(AreYouThereResponse.class, r -> {
        assertThat(r.cfxHandle()).isEqualTo(station.getKey());
        assertThat(r.requestNetworkUri()).isEqualTo(station.getValue());
      });
    }
  }

  @Test
  void getEndpointInformationDescribesTheStation() throws Exception {
    String handle = "Line1.SPI.SPI01";
    CfxEnvelope response = peer.request(AmqpUri.parse(stations.requestUris().get(handle)), null, handle, new GetEndpointInformationRequest(handle),
        Duration.ofSeconds(20)).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(response.messageBody()).isInstanceOfSatisfying(GetEndpointInformationResponse.class, r -> {
      BasicEndpoint e = (BasicEndpoint) r.endpointInformation();
      assertThat(e.cfxHandle()).isEqualTo(handle);
      assertThat(e.requestNetworkUri()).isEqualTo(stations.requestUris().get(handle));
      assertThat(e.modelNumber()).isEqualTo(StationKind.SPI.model());
      assertThat(e.vendor()).isEqualTo("cfx-trace simulator");
    });
  }

  @Test
  void aStationPublishesUnderItsHandleToTheTarget() throws Exception {
    String handle = "Line1.Oven.RFL01";
    CfxEnvelope sent = CfxEnvelope.event(handle, new UnitsArrived("PNL-X", null, 1, List.of(), 1));

    stations.publish(handle, sent).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(received).flatMap(InboundMessage::envelopes).extracting(e -> e.envelope().uniqueId()).contains(sent.uniqueId());
    assertThat(received).filteredOn(m -> m.envelopes().stream().anyMatch(e -> e.envelope().uniqueId().equals(sent.uniqueId())))
        .singleElement().satisfies(m -> assertThat(m.origin().remoteContainerId()).isEqualTo(handle));
  }
}
