package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.endpoint.testing.JmsMachine.ReplyMode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.GenericMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.WhoIsThereRequest;
import io.cfxtrace.model.cfx.WhoIsThereResponse;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.value.EnumValue;
import jakarta.jms.BytesMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * a machine (Qpid JMS) sends CFX requests to our endpoint's handle over the listener, as the SDK's
 * requester does (cfx-sdk-notes part b, "Request/response exchange"), and gets the answers every
 * endpoint must give (CFX/NamespaceDoc: the root CFX topic "must be implemented by all
 * endpoints").
 */
@Timeout(30)
class RequestResponseTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestListener under;
  private JmsMachine machine;

  @BeforeEach
  void start() throws Exception {
    under = TestListener.start();
    machine = under.machine(Cfx.MACHINE);
  }

  @AfterEach
  void stop() {
    under.close();
  }

  static Stream<Arguments> standardRequests() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (ReplyMode mode : ReplyMode.values()) {
      b.add(Arguments.of(mode, new AreYouThereRequest(TestListener.HANDLE), AreYouThereResponse.class));
      b.add(Arguments.of(mode, new WhoIsThereRequest(null, null), WhoIsThereResponse.class));
      b.add(Arguments.of(mode, new GetEndpointInformationRequest(TestListener.HANDLE), GetEndpointInformationResponse.class));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{1} via {0}")
  @MethodSource("standardRequests")
  void standardRequestIsAnsweredWithItsResponseAddressedBackToTheRequester(
      ReplyMode mode, CfxMessage body, Class<? extends CfxMessage> responseType) throws Exception {
    CfxEnvelope request = Cfx.request(body);

    CfxEnvelope response = ask(request, mode);

    assertThat(response.messageBody()).isInstanceOf(responseType);
    assertThat(response.requestId()).isEqualTo(request.requestId());
    assertThat(response.source()).isEqualTo(TestListener.HANDLE);
    assertThat(response.target()).isEqualTo(Cfx.MACHINE);
  }

  @Test
  void areYouThereResponseNamesOurHandle() throws Exception {
    CfxEnvelope response = ask(Cfx.request(new AreYouThereRequest(TestListener.HANDLE)), ReplyMode.EXPLICIT_ADDRESS);

    AreYouThereResponse body = (AreYouThereResponse) response.messageBody();
    assertThat(body.cfxHandle()).isEqualTo(TestListener.HANDLE);
    assertThat(body.result().result()).isEqualTo(EnumValue.of(StatusResult.SUCCESS));
  }

  @ParameterizedTest
  @EnumSource(ReplyMode.class)
  void responseIsRawJsonWithTheSdkCorrelationId(ReplyMode mode) {
    JmsMachine.Received r =
        machine.request(TestListener.HANDLE, Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))), WAIT, mode, true);

    // the SDK's request processor never compresses responses and overwrites correlation-id with
    // the request's message-id, which is always "command-request". (The body section cannot be
    // checked here: Qpid JMS takes a JSON Data body without x-opt-jms-msg-type for a TextMessage
    // and its consumer's copy turns the Data section into an AmqpValue.)
    assertThat(r.contentEncoding()).isNull();
    assertThat(r.contentType()).isEqualTo(JmsMachine.CFX_CONTENT_TYPE);
    assertThat(r.correlationId()).isEqualTo(JmsMachine.SDK_REQUEST_MESSAGE_ID);
  }

  @Test
  void uncompressedRequestIsAnsweredToo() throws Exception {
    CfxEnvelope request = Cfx.request(new AreYouThereRequest(TestListener.HANDLE));

    JmsMachine.Received r = machine.request(TestListener.HANDLE, Cfx.json(request), WAIT, ReplyMode.EXPLICIT_ADDRESS, false);

    assertThat(Cfx.CODEC.decodeEnvelope(r.decodedBody()).requestId()).isEqualTo(request.requestId());
  }

  @ParameterizedTest
  @EnumSource(ReplyMode.class)
  void unknownRequestIsAnsweredWithAFailedNotSupportedResponse(ReplyMode mode) throws Exception {
    CfxEnvelope request = Cfx.request(new GenericMessage("CFX.Production.GetActiveRecipeRequest", Map.of()));

    CfxEnvelope response = ask(request, mode);

    assertThat(response.messageBody()).isInstanceOfSatisfying(NotSupportedResponse.class, n -> {
      assertThat(n.requestResult().result()).isEqualTo(EnumValue.of(StatusResult.FAILED));
      assertThat(n.requestResult().message()).contains("CFX.Production.GetActiveRecipeRequest");
    });
    assertThat(response.requestId()).isEqualTo(request.requestId());
  }

  @Test
  void customRequestHandlerAnswersBeforeTheStandardAnswers() throws Exception {
    NotSupportedResponse custom = new NotSupportedResponse(new RequestResult(EnumValue.of(StatusResult.SUCCESS), 42, "custom answer"), Map.of());
    try (TestListener withHandler =
        TestListener.start(
            TestListener.anonymous(),
            CfxEndpoint.Options.defaults()
                .withRequestHandler(r -> r.messageBody() instanceof AreYouThereRequest ? Optional.of(custom) : Optional.empty()))) {
      JmsMachine requester = withHandler.machine(Cfx.MACHINE);
      CfxEnvelope request = Cfx.request(new AreYouThereRequest(TestListener.HANDLE));

      byte[] response = requester.request(TestListener.HANDLE, Cfx.json(request), WAIT);

      CfxEnvelope envelope = Cfx.CODEC.decodeEnvelope(response);
      assertThat(envelope.messageBody()).isEqualTo(custom);
      assertThat(envelope.requestId()).isEqualTo(request.requestId());
      assertThat(envelope.target()).isEqualTo(Cfx.MACHINE);
    }
  }

  @Test
  void asynchronousHandlerAnswersFromItsOwnThreadWhileTheNetworkThreadServesOthers() throws Exception {
    // a handler that reads a database answers later (RequestHandler.respondAsync): the answer it
    // completes on its own thread reaches the requester with the request's RequestID, and a
    // request it leaves alone still gets the standard answer meanwhile
    java.util.concurrent.CompletableFuture<Optional<CfxMessage>> later = new java.util.concurrent.CompletableFuture<>();
    NotSupportedResponse custom = new NotSupportedResponse(new RequestResult(EnumValue.of(StatusResult.SUCCESS), 7, "answered later"), Map.of());
    io.cfxtrace.endpoint.RequestHandler handler = new io.cfxtrace.endpoint.RequestHandler() {
      @Override
      public Optional<CfxMessage> respond(CfxEnvelope request) {
        return Optional.empty();
      }

      @Override
      public java.util.concurrent.CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
        return request.messageBody() instanceof AreYouThereRequest ? later : java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
      }
    };
    try (TestListener withHandler = TestListener.start(TestListener.anonymous(), CfxEndpoint.Options.defaults().withRequestHandler(handler))) {
      CfxEnvelope slow = Cfx.request(new AreYouThereRequest(TestListener.HANDLE));
      java.util.concurrent.CompletableFuture<byte[]> slowAnswer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return withHandler.machine(Cfx.MACHINE).request(TestListener.HANDLE, Cfx.json(slow), WAIT);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });

      CfxEnvelope quick = Cfx.CODEC.decodeEnvelope(
          withHandler.machine(Cfx.MACHINE + ".Two").request(TestListener.HANDLE, Cfx.json(Cfx.request(new WhoIsThereRequest(null, null))), WAIT));
      assertThat(quick.messageBody()).isInstanceOf(WhoIsThereResponse.class);
      assertThat(slowAnswer).isNotDone();

      java.util.concurrent.Executors.newSingleThreadExecutor().execute(() -> later.complete(Optional.of(custom)));
      CfxEnvelope envelope = Cfx.CODEC.decodeEnvelope(slowAnswer.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
      assertThat(envelope.messageBody()).isEqualTo(custom);
      assertThat(envelope.requestId()).isEqualTo(slow.requestId());
    }
  }

  @Test
  void asynchronousHandlerThatFailsIsAnsweredWithAFailedResultNamingTheFailure() throws Exception {
    io.cfxtrace.endpoint.RequestHandler handler = new io.cfxtrace.endpoint.RequestHandler() {
      @Override
      public Optional<CfxMessage> respond(CfxEnvelope request) {
        return Optional.empty();
      }

      @Override
      public java.util.concurrent.CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("the rules file is unreadable"));
      }
    };
    try (TestListener withHandler = TestListener.start(TestListener.anonymous(), CfxEndpoint.Options.defaults().withRequestHandler(handler))) {
      CfxEnvelope envelope = Cfx.CODEC.decodeEnvelope(
          withHandler.machine(Cfx.MACHINE).request(TestListener.HANDLE, Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))), WAIT));

      assertThat(envelope.messageBody()).isInstanceOfSatisfying(NotSupportedResponse.class, n -> {
        assertThat(n.requestResult().result().known()).contains(StatusResult.FAILED);
        assertThat(n.requestResult().message()).contains("the rules file is unreadable");
      });
    }
  }

  @Test
  void requestWhoseReplyToHasNoAttachedLinkIsRejectedWithNotFound() throws Exception {
    Session session = machine.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageProducer producer = session.createProducer(session.createQueue(TestListener.HANDLE));
    BytesMessage request = session.createBytesMessage();
    request.writeBytes(Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))));
    request.setJMSReplyTo(session.createQueue(Cfx.MACHINE + "-nobody-listens"));

    // amqp:not-found on a delivery is InvalidDestinationException in Qpid JMS
    assertThatThrownBy(() -> producer.send(request))
        .isInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("no response link")
        .hasMessageContaining(Cfx.MACHINE + "-nobody-listens");
  }

  private CfxEnvelope ask(CfxEnvelope request, ReplyMode mode) throws Exception {
    JmsMachine.Received r = machine.request(TestListener.HANDLE, Cfx.json(request), WAIT, mode, true);
    return Cfx.CODEC.decodeEnvelope(r.decodedBody());
  }
}
