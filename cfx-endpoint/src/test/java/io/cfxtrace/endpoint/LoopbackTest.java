package io.cfxtrace.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.production.WorkStarted;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** our publisher and requester against our own listener, over real sockets. */
@Timeout(30)
class LoopbackTest {

  @TempDir Path dir;
  private CfxEndpoint endpoint;
  private RecordingSink sink;
  private Listener listener;

  @BeforeEach
  void start() throws CfxEndpointException {
    endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Test.Broker", null), CfxEndpoint.Options.defaults());
    sink = new RecordingSink();
    listener = endpoint.listen(ListenerConfig.anonymous("test", "127.0.0.1", 0), sink);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private AmqpUri uri(String address) {
    return AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/" + address);
  }

  private static CfxEnvelope workStarted(int lane) {
    return CfxEnvelope.event("Line1.Printer", new WorkStarted(null, null, "tx-" + lane, lane, 1, List.of(), null, null, null, null));
  }

  @Test
  void publishedEnvelopesReachTheSinkInOrderAndArePublishedOnlyOnce() throws Exception {
    PublisherConfig config =
        new PublisherConfig("p", uri("cfx"), "cfx", null, null, true, dir.resolve("spool"), SpoolOptions.defaults(), 8, Duration.ZERO, ReconnectPolicy.defaults());
    Publisher publisher = endpoint.publisher(config);

    List<CompletableFuture<Void>> acks =
        IntStream.range(0, 50).mapToObj(i -> publisher.publish(workStarted(i)).toCompletableFuture()).collect(Collectors.toList());
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

    List<CfxEnvelope> received = sink.envelopes(50, 10);
    assertThat(received).extracting(e -> ((WorkStarted) e.messageBody()).lane()).containsExactlyElementsOf(IntStream.range(0, 50).boxed().collect(Collectors.toList()));
    assertThat(publisher.pending()).isZero();
  }

  @Test
  void areYouThereIsAnsweredWithOurHandleAndTheRequestId() throws Exception {
    CfxEnvelope response =
        endpoint.request(uri(""), null, "CfxTrace.Test.Broker", new AreYouThereRequest("CfxTrace.Test.Broker"), Duration.ofSeconds(10)).toCompletableFuture().get();

    assertThat(response.messageBody()).isInstanceOf(AreYouThereResponse.class);
    assertThat(((AreYouThereResponse) response.messageBody()).cfxHandle()).isEqualTo("CfxTrace.Test.Broker");
    assertThat(response.requestId()).startsWith("REQUEST-");
    assertThat(response.source()).isEqualTo("CfxTrace.Test.Broker");
  }

  @Test
  void getEndpointInformationDescribesThisEndpoint() throws Exception {
    CfxEnvelope response =
        endpoint.request(uri(""), null, "CfxTrace.Test.Broker", new GetEndpointInformationRequest("CfxTrace.Test.Broker"), Duration.ofSeconds(10)).toCompletableFuture().get();

    GetEndpointInformationResponse body = (GetEndpointInformationResponse) response.messageBody();
    assertThat(body.endpointInformation()).isNotNull();
  }

  @Test
  void unsupportedRequestIsAnsweredWithNotSupported() throws Exception {
    CfxEnvelope response =
        endpoint
            .request(uri(""), null, "CfxTrace.Test.Broker", new io.cfxtrace.model.GenericMessage("CFX.Production.GetActiveRecipeRequest", Map.of()), Duration.ofSeconds(10))
            .toCompletableFuture()
            .get();

    assertThat(response.messageBody()).isInstanceOf(NotSupportedResponse.class);
  }

  @Test
  void requestToAPortWhereNothingListensFailsAtOnceWithConnectionRefused() throws Exception {
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    CompletableFuture<CfxEnvelope> f =
        endpoint.request(AmqpUri.parse("amqp://127.0.0.1:" + freePort), null, "Nobody", new AreYouThereRequest("Nobody"), Duration.ofSeconds(20)).toCompletableFuture();

    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(CfxEndpointException.class)
        .satisfies(e -> assertThat(((CfxEndpointException) e).code()).isEqualTo(CfxEndpointException.Code.CONNECTION_REFUSED));
  }

  @Test
  void requestToAPeerThatNeverAnswersFailsWithATimeoutNamingIt() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      CompletableFuture<CfxEnvelope> f =
          endpoint.request(AmqpUri.parse("amqp://127.0.0.1:" + silent.getLocalPort()), null, "Silent.Peer", new AreYouThereRequest("Silent.Peer"), Duration.ofMillis(500)).toCompletableFuture();

      assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(CfxEndpointException.class)
          .hasMessageContaining("Silent.Peer")
          .hasMessageContaining("500 ms")
          .satisfies(e -> assertThat(((CfxEndpointException) e).code()).isEqualTo(CfxEndpointException.Code.TIMEOUT));
    }
  }
}
