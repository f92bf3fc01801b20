package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.MACHINE;
import static io.cfxtrace.endpoint.broker.BrokerTesting.WAIT;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.brokerSideCredit;
import static io.cfxtrace.endpoint.broker.BrokerTesting.consumerCount;
import static io.cfxtrace.endpoint.broker.BrokerTesting.deliveringCount;
import static io.cfxtrace.endpoint.broker.BrokerTesting.fastReconnect;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.RequestChannel;
import io.cfxtrace.endpoint.RequestChannelConfig;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.endpoint.internal.BrokerRequestChannel;
import io.cfxtrace.endpoint.internal.NettyIo;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.endpoint.testing.JmsMachine.ReplyMode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.GenericMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.value.EnumValue;
import jakarta.jms.BytesMessage;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.protocol.amqp.proton.AMQPConnectionContext;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * an endpoint takes the CFX requests addressed to it from a broker queue (a CFX.EndpointConnected's
 * RequestTargetAddress, {@code "/queue/SN23123"} in the CFX examples) and answers through the
 * broker; the machine (Qpid JMS) asks as the SDK's requester does (cfx-sdk-notes part b,
 * "Request/response exchange"): message-id {@code command-request}, reply-to its reply address,
 * and it correlates on the envelope RequestID.
 */
@Timeout(60)
class BrokerRequestChannelTest {

  private static final String HANDLE = "CfxTrace.Test.Responder";
  private static final String REQUESTS = "/queue/" + HANDLE;
  private static final String DLQ = "DLQ";
  private static final String RECIPE_REQUEST = "CFX.Production.GetActiveRecipeRequest";
  private static final NotSupportedResponse CUSTOM =
      new NotSupportedResponse(new RequestResult(EnumValue.of(StatusResult.SUCCESS), 42, "answered by the handler"), Map.of());

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  private final List<AutoCloseable> open = new ArrayList<>();
  private final ExecutorService handlerThreads = Executors.newFixedThreadPool(2);
  private final ExecutorService requesters = Executors.newCachedThreadPool();

  @BeforeEach
  void topology() {
    broker.createAnycastQueue(REQUESTS);
    broker.createAnycastQueue(DLQ);
  }

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
    handlerThreads.shutdownNow();
    requesters.shutdownNow();
  }

  /** answers the recipe request on a thread of its own, as a handler reading a database does. */
  private RequestHandler slowHandler() {
    return new RequestHandler() {
      @Override
      public Optional<CfxMessage> respond(CfxEnvelope request) {
        return Optional.empty();
      }

      @Override
      public CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
        if (!request.messageName().equals(RECIPE_REQUEST)) {
          return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> Optional.of(CUSTOM), handlerThreads);
      }
    };
  }

  /** a handler whose answers wait until {@code gate} completes; {@code asked} gets each request. */
  private static RequestHandler gatedHandler(CompletableFuture<Void> gate, List<CfxEnvelope> asked) {
    return new RequestHandler() {
      @Override
      public Optional<CfxMessage> respond(CfxEnvelope request) {
        return Optional.empty();
      }

      @Override
      public CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
        asked.add(request);
        return gate.thenApply(v -> Optional.of(CUSTOM));
      }
    };
  }

  private RequestChannelConfig config(int maxInFlight) {
    return new RequestChannelConfig("requests", uri(broker), REQUESTS, null, null, maxInFlight, fastReconnect());
  }

  private RequestChannel serve(RequestHandler handler, int maxInFlight) {
    CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of(HANDLE, null), CfxEndpoint.Options.defaults().withRequestHandler(handler));
    open.add(endpoint);
    RequestChannel channel = endpoint.serveRequests(config(maxInFlight));
    await("the request channel is up", () -> channel.status().isUp(), channel::status);
    return channel;
  }

  private RequestChannel serve(RequestHandler handler) {
    return serve(handler, RequestChannelConfig.DEFAULT_MAX_IN_FLIGHT);
  }

  private JmsMachine machine() {
    JmsMachine machine = JmsMachine.builder(broker.amqpUri()).handle(MACHINE).connect();
    open.add(machine);
    return machine;
  }

  private static CfxEnvelope recipeRequest() {
    return CfxEnvelope.request(MACHINE, HANDLE, new GenericMessage(RECIPE_REQUEST, Map.of()));
  }

  private static CfxEnvelope ask(JmsMachine machine, CfxEnvelope request, ReplyMode mode) throws Exception {
    return CODEC.decodeEnvelope(machine.request(REQUESTS, CODEC.encode(request), WAIT, mode, true).decodedBody());
  }

  private ListAppender<ILoggingEvent> captureLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Logger logger = (Logger) LoggerFactory.getLogger(BrokerRequestChannel.class);
    logger.addAppender(appender);
    open.add(() -> logger.detachAppender(appender));
    return appender;
  }

  private CompletableFuture<CfxEnvelope> askInTheBackground(JmsMachine machine, CfxEnvelope request) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return ask(machine, request, ReplyMode.TEMPORARY_QUEUE);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, requesters);
  }

  private static List<String> warnings(ListAppender<ILoggingEvent> appender) {
    return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @ParameterizedTest(name = "reply via {0}")
  @EnumSource(ReplyMode.class)
  void aRequestAtTheRequestAddressIsAnsweredByTheHandlerAtItsReplyToWithItsRequestIdCopied(ReplyMode mode) throws Exception {
    serve(slowHandler());
    CfxEnvelope request = recipeRequest();

    CfxEnvelope response = ask(machine(), request, mode);

    assertThat(response.messageBody()).isEqualTo(CUSTOM);
    assertThat(response.requestId()).isEqualTo(request.requestId());
    assertThat(response.source()).isEqualTo(HANDLE);
    assertThat(response.target()).isEqualTo(MACHINE);
    broker.awaitMessageCount(REQUESTS, 0, WAIT); // accepted, so the broker let it go
  }

  @Test
  void onABrokerWhoseAutoCreatedAddressesAreMulticastTheRequestAddressIsStillAQueue() throws Exception {
    // Artemis' own default: a link without capabilities to a new address gets a subscription of
    // its own, and requests sent to the address as a queue (JMS, the SDK) would never reach it
    try (EmbeddedArtemis multicast = EmbeddedArtemis.builder().defaultRoutingType(RoutingType.MULTICAST).start();
        CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of(HANDLE, null), CfxEndpoint.Options.defaults().withRequestHandler(slowHandler()))) {
      RequestChannel channel =
          endpoint.serveRequests(new RequestChannelConfig("requests", uri(multicast), REQUESTS, null, null, 100, fastReconnect()));
      await("the request channel is up", () -> channel.status().isUp(), channel::status);
      CfxEnvelope request = recipeRequest();
      try (JmsMachine machine = JmsMachine.builder(multicast.amqpUri()).handle(MACHINE).connect()) {
        assertThat(ask(machine, request, ReplyMode.TEMPORARY_QUEUE).requestId()).isEqualTo(request.requestId());
      }
    }
  }

  @Test
  void theResponseIsRawJsonWhoseCorrelationIdIsTheRequestsMessageId() {
    serve(slowHandler());
    String messageId = "request-" + UUID.randomUUID();

    JmsMachine.Received r = machine().request(REQUESTS, CODEC.encode(recipeRequest()), WAIT, ReplyMode.TEMPORARY_QUEUE, true, messageId);

    // the SDK's responder answers raw JSON and puts the request's message-id in correlation-id
    assertThat(r.correlationId()).hasToString(messageId);
    assertThat(r.contentEncoding()).isNull();
    assertThat(r.contentType()).isEqualTo(JmsMachine.CFX_CONTENT_TYPE);
  }

  @Test
  void aRequestTheHandlerLeavesAloneGetsTheStandardAnswer() throws Exception {
    serve(slowHandler());

    CfxEnvelope response = ask(machine(), CfxEnvelope.request(MACHINE, HANDLE, new AreYouThereRequest(HANDLE)), ReplyMode.EXPLICIT_ADDRESS);

    assertThat(response.messageBody()).isInstanceOfSatisfying(AreYouThereResponse.class, a -> assertThat(a.cfxHandle()).isEqualTo(HANDLE));
  }

  @Test
  void anUndecodableRequestIsRejectedNamingTheProblemAndTheChannelKeepsServing() throws Exception {
    serve(slowHandler());
    JmsMachine machine = machine();
    ListAppender<ILoggingEvent> log = captureLog();

    machine.publish(REQUESTS, JmsMachine.Outgoing.data("this is no CFX envelope".getBytes(StandardCharsets.UTF_8)));

    // Rejected: the broker dead-letters it at once (a released or modified request would come back)
    broker.awaitMessageCount(DLQ, 1, WAIT);
    await("the rejection is logged", () -> !warnings(log).isEmpty(), log::toString);
    assertThat(warnings(log)).singleElement().asString().contains("request rejected").contains("request is not a CFX envelope");
    CfxEnvelope request = recipeRequest();
    assertThat(ask(machine, request, ReplyMode.TEMPORARY_QUEUE).requestId()).isEqualTo(request.requestId());
  }

  @Test
  void aRequestWithoutReplyToIsRejectedNamingTheMissingReplyTo() {
    serve(slowHandler());
    ListAppender<ILoggingEvent> log = captureLog();
    CfxEnvelope request = recipeRequest();

    machine().publish(REQUESTS, JmsMachine.Outgoing.cfxEnvelope(CODEC.encode(request)));

    broker.awaitMessageCount(DLQ, 1, WAIT);
    await("the rejection is logged", () -> !warnings(log).isEmpty(), log::toString);
    assertThat(warnings(log)).singleElement().asString().contains(request.requestId()).contains("has no reply-to");
  }

  @ParameterizedTest(name = "anonymous relay used: {0}")
  @ValueSource(booleans = {true, false})
  void aRequestWhoseResponseTheBrokerRefusesIsNotAcceptedButLeftToTheBrokerToRedeliverAndDeadLetter(boolean relay) throws Exception {
    // the broker refuses the reply address (no auto-create), and dead-letters a request after its third failed delivery
    broker.server().getAddressSettingsRepository().addMatch("refused.#", new AddressSettings().setAutoCreateAddresses(false).setAutoCreateQueues(false));
    broker.server().getAddressSettingsRepository().addMatch(REQUESTS, new AddressSettings().setMaxDeliveryAttempts(3).setDeadLetterAddress(SimpleString.of(DLQ)));
    NettyIo io = new NettyIo(1);
    open.add(io::close);
    BrokerRequestChannel channel =
        new BrokerRequestChannel(io, EndpointIdentity.of(HANDLE, null), config(RequestChannelConfig.DEFAULT_MAX_IN_FLIGHT), slowHandler(), relay);
    open.add(channel);
    channel.start();
    await("the request channel is up", () -> channel.status().isUp(), channel::status);
    JmsMachine machine = machine();
    CfxEnvelope request = recipeRequest();

    try (Session s = machine.connection().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      MessageProducer producer = s.createProducer(s.createQueue(REQUESTS));
      BytesMessage m = s.createBytesMessage();
      m.writeBytes(CODEC.encode(request));
      m.setJMSReplyTo(s.createQueue("refused.reply-" + UUID.randomUUID()));
      producer.send(m);
    }

    broker.awaitMessageCount(DLQ, 1, WAIT);
    assertThat(new String(broker.browse(DLQ).get(0).dataBytes(), StandardCharsets.UTF_8)).contains(request.requestId());
    broker.awaitMessageCount(REQUESTS, 0, WAIT);
    await("the channel is up again (a refused link may have recycled its connection)", () -> channel.status().isUp(), channel::status);
    CfxEnvelope next = recipeRequest();
    assertThat(ask(machine, next, ReplyMode.TEMPORARY_QUEUE).requestId()).isEqualTo(next.requestId());
  }

  @Test
  void withoutAnonymousRelayOnlyTheLastUsedReplyLinksStayOpen() throws Exception {
    NettyIo io = new NettyIo(1);
    open.add(io::close);
    BrokerRequestChannel channel =
        new BrokerRequestChannel(io, EndpointIdentity.of(HANDLE, null), config(RequestChannelConfig.DEFAULT_MAX_IN_FLIGHT), slowHandler(), false);
    open.add(channel);
    channel.start();
    await("the request channel is up", () -> channel.status().isUp(), channel::status);
    JmsMachine machine = machine();

    for (int i = 0; i < 40; i++) { // each request with a reply address of its own
      CfxEnvelope request = recipeRequest();
      assertThat(ask(machine, request, ReplyMode.EXPLICIT_ADDRESS).requestId()).isEqualTo(request.requestId());
    }

    // 32 = BrokerRequestChannel.MAX_REPLY_LINKS; the request link is the broker's sender, not counted
    assertThat(brokerSideReceiverLinks(HANDLE)).isEqualTo(32);
  }

  /** the links on which the broker receives from the client with this container-id, counted on the broker's connection thread. */
  private int brokerSideReceiverLinks(String containerId) throws Exception {
    AMQPConnectionContext c = BrokerTesting.brokerConnectionOf(broker, containerId);
    CompletableFuture<Integer> count = new CompletableFuture<>();
    c.runLater(() -> {
      int n = 0;
      for (Link l = c.getHandler().getConnection().linkHead(EnumSet.of(EndpointState.ACTIVE), EnumSet.of(EndpointState.ACTIVE)); l != null;
          l = l.next(EnumSet.of(EndpointState.ACTIVE), EnumSet.of(EndpointState.ACTIVE))) {
        n += l instanceof Receiver ? 1 : 0;
      }
      count.complete(n);
    });
    return count.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aRequestStaysUnsettledUntilItsResponseIsSentAndAnotherResponderAnswersItAfterTheFirstStops() throws Exception {
    CompletableFuture<Void> never = new CompletableFuture<>();
    List<CfxEnvelope> asked = new CopyOnWriteArrayList<>();
    CfxEndpoint first = CfxEndpoint.start(EndpointIdentity.of(HANDLE, null), CfxEndpoint.Options.defaults().withRequestHandler(gatedHandler(never, asked)));
    open.add(first);
    RequestChannel channel = first.serveRequests(config(RequestChannelConfig.DEFAULT_MAX_IN_FLIGHT));
    await("the request channel is up", () -> channel.status().isUp(), channel::status);
    JmsMachine machine = machine();
    CfxEnvelope request = recipeRequest();

    CompletableFuture<CfxEnvelope> answer = askInTheBackground(machine, request);
    await("the first responder's handler has the request", () -> asked.size() == 1, asked::toString);

    assertThat(deliveringCount(broker, REQUESTS)).as("out for delivery, not settled").isEqualTo(1);
    first.close();
    await("the request is back in its queue", () -> deliveringCount(broker, REQUESTS) == 0 && broker.messageCount(REQUESTS) == 1,
        () -> deliveringCount(broker, REQUESTS) + " delivering of " + broker.messageCount(REQUESTS));
    serve(slowHandler());
    assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).messageBody()).isEqualTo(CUSTOM);
    assertThat(answer.get().requestId()).isEqualTo(request.requestId());
    broker.awaitMessageCount(REQUESTS, 0, WAIT);
  }

  @Test
  void noMoreRequestsThanMaxInFlightAreTakenAndEachAnswerLetsTheNextIn() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    List<CfxEnvelope> asked = new CopyOnWriteArrayList<>();
    serve(gatedHandler(gate, asked), 1);
    JmsMachine machine = machine();
    List<CompletableFuture<CfxEnvelope>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(askInTheBackground(machine, recipeRequest()));
    }
    await("three requests queued or taken", () -> broker.messageCount(REQUESTS) == 3, () -> broker.messageCount(REQUESTS));
    await("one request taken", () -> asked.size() == 1, asked::toString);

    assertThat(brokerSideCredit(broker, REQUESTS)).as("credit left to the broker").isZero();
    assertThat(deliveringCount(broker, REQUESTS)).isEqualTo(1);
    gate.complete(null);
    for (CompletableFuture<CfxEnvelope> a : answers) {
      assertThat(a.get(WAIT.toSeconds(), TimeUnit.SECONDS).messageBody()).isEqualTo(CUSTOM);
    }
    assertThat(asked).hasSize(3);
  }

  @Test
  void theChannelReconnectsAfterTheBrokerRestartsAndAnswersAgain() throws Exception {
    RequestChannel channel = serve(slowHandler());
    broker.stop();
    await("the channel notices", () -> channel.status().failedAttempts() >= 1, channel::status);
    assertThat(channel.status().state()).isIn(ChannelStatus.State.RECONNECTING, ChannelStatus.State.CONNECTING);

    broker.start();

    await("connected again", () -> channel.status().isUp(), channel::status);
    CfxEnvelope request = recipeRequest();
    assertThat(ask(machine(), request, ReplyMode.TEMPORARY_QUEUE).requestId()).isEqualTo(request.requestId());
  }

  @Test
  void aClosedChannelSaysClosedAndLeavesTheQueue() {
    RequestChannel channel = serve(slowHandler());

    channel.close();

    assertThat(channel.status().state()).isEqualTo(ChannelStatus.State.CLOSED);
    await("the broker lost its consumer", () -> consumerCount(broker, REQUESTS) == 0, () -> consumerCount(broker, REQUESTS));
  }
}
