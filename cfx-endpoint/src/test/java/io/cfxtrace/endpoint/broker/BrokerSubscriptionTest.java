package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.brokerConnectionOf;
import static io.cfxtrace.endpoint.broker.BrokerTesting.subscription;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.util.List;
import org.apache.activemq.artemis.protocol.amqp.proton.AMQPConnectionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * our subscription (client role) against an embedded Artemis broker, with a Qpid JMS machine as
 * the independent publisher: what the machine publishes reaches the sink, in order, whatever the
 * address form (cfx-sdk-notes part b, "Publish and subscribe channels").
 */
class BrokerSubscriptionTest {

  private static final String HANDLE = "CfxTrace.Test.Subscriber";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  private CfxEndpoint endpoint;
  private JmsMachine machine;
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void start() {
    endpoint = BrokerTesting.endpoint(HANDLE);
    machine = JmsMachine.builder(broker.amqpUri()).handle(BrokerTesting.MACHINE).connect();
  }

  @AfterEach
  void stop() {
    endpoint.close();
    machine.close();
  }

  @Test
  @Timeout(30)
  void gzipAndRawMessagesPublishedToAnAnycastQueueReachTheSinkInPublishOrder() throws Exception {
    broker.createAnycastQueue("cfx.line1");
    List<CfxEnvelope> sent = workStarted(0, 20);
    endpoint.subscribe(subscription(uri(broker), "cfx.line1"), sink);

    for (int i = 0; i < sent.size(); i++) {
      machine.publishCfx("cfx.line1", CODEC.encode(sent.get(i)), i % 2 == 0);
    }

    assertThat(sink.envelopes(sent.size(), 20)).containsExactlyElementsOf(sent);
  }

  @Test
  @Timeout(30)
  void messagesAlreadyQueuedBeforeTheSubscriptionAttachesAreDeliveredWithTheirAmqpProperties() throws Exception {
    broker.createAnycastQueue("cfx.backlog");
    CfxEnvelope sent = workStarted(1);
    machine.publishCfx("cfx.backlog", CODEC.encode(sent), true);

    endpoint.subscribe(subscription(uri(broker), "cfx.backlog"), sink);

    InboundMessage m = sink.next(20);
    assertThat(m.envelopes()).extracting(InboundMessage.Envelope::envelope).containsExactly(sent);
    assertThat(m.deadLetters()).isEmpty();
    assertThat(m.origin().address()).isEqualTo("cfx.backlog");
    assertThat(m.origin().channel()).isEqualTo("sub-cfx.backlog");
    assertThat(m.origin().properties().messageId()).isEqualTo(sent.uniqueId());
    assertThat(m.origin().properties().contentEncoding()).isEqualTo("gzip");
    assertThat(m.origin().properties().applicationProperties()).containsEntry("cfx-handle", BrokerTesting.MACHINE);
  }

  @Test
  @Timeout(30)
  void aBatchBodyFromOldFirmwareFansOutIntoItsEnvelopesInPayloadOrder() throws Exception {
    broker.createAnycastQueue("cfx.batch");
    // SDK <= 1.1 sent up to 30 envelopes as one JSON array (cfx-sdk-notes part a, "Batches")
    List<CfxEnvelope> batch = workStarted(0, 5);
    endpoint.subscribe(subscription(uri(broker), "cfx.batch"), sink);

    machine.publish("cfx.batch", JmsMachine.Outgoing.data(CODEC.encodeBatch(batch)).gzip(true).messageId("batch-1"));

    InboundMessage m = sink.next(20);
    assertThat(m.envelopes()).extracting(InboundMessage.Envelope::envelope).containsExactlyElementsOf(batch);
    assertThat(m.envelopes()).extracting(InboundMessage.Envelope::index).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  @Timeout(30)
  void aMulticastAddressIsConsumedThroughItsSubscriptionQueue() throws Exception {
    broker.createMulticastAddressWithQueue("cfx.events", "cfx.events.trace");
    List<CfxEnvelope> sent = workStarted(0, 5);
    // Artemis' fully qualified queue name: address::queue
    endpoint.subscribe(subscription(uri(broker), "cfx.events::cfx.events.trace"), sink);

    for (CfxEnvelope e : sent) {
      machine.publish("cfx.events", JmsMachine.Kind.TOPIC, JmsMachine.Outgoing.cfxEnvelope(CODEC.encode(e)));
    }

    assertThat(sink.envelopes(sent.size(), 20)).containsExactlyElementsOf(sent);
  }

  @Test
  @Timeout(30)
  void aRabbitMqStyleQueueAddressInTheUriIsPassedThroughWithItsLeadingSlash() throws Exception {
    // RabbitMQ AMQP 1.0 convention from the SDK docs: publish to /exchange/X, consume /queue/Q
    broker.bindExchangeToQueue("/exchange/cfx", "/queue/cfx");
    AmqpUri withAddress = AmqpUri.parse(broker.amqpUri() + "/queue/cfx");
    List<CfxEnvelope> sent = workStarted(0, 3);
    assertThat(withAddress.address()).isEqualTo("/queue/cfx");
    endpoint.subscribe(SubscriptionConfig.of("rabbit-style", withAddress), sink);

    BrokerTesting.publishAll(machine, "/exchange/cfx", sent, true);

    assertThat(sink.envelopes(sent.size(), 20)).containsExactlyElementsOf(sent);
  }

  @Test
  @Timeout(30)
  void theOpenFrameCarriesOurHandleAsContainerIdAndTheVirtualHostAsHostname() {
    broker.createAnycastQueue("cfx.vhost");
    SubscriptionConfig base = subscription(uri(broker), "cfx.vhost");
    SubscriptionConfig withVhost =
        new SubscriptionConfig(
            base.name(), base.uri(), base.address(), "vhost:line1", null, false, base.limits(), base.reconnect());

    Subscription s = endpoint.subscribe(withVhost, sink);

    await("the subscription is connected", () -> s.status().isUp(), s::status);
    AMQPConnectionContext seenByBroker = brokerConnectionOf(broker, HANDLE);
    assertThat(seenByBroker).as("a broker connection with container-id %s", HANDLE).isNotNull();
    assertThat(seenByBroker.getHandler().getConnection().getRemoteHostname()).isEqualTo("vhost:line1");
  }

  @Test
  @Timeout(30)
  void withoutAVirtualHostTheOpenFrameCarriesTheBrokerHostName() {
    broker.createAnycastQueue("cfx.novhost");

    Subscription s = endpoint.subscribe(subscription(uri(broker), "cfx.novhost"), sink);

    await("the subscription is connected", () -> s.status().isUp(), s::status);
    assertThat(brokerConnectionOf(broker, HANDLE).getHandler().getConnection().getRemoteHostname()).isEqualTo("127.0.0.1");
  }

  @Test
  @Timeout(30)
  void aConnectedSubscriptionReportsConnectedWithNoError() {
    broker.createAnycastQueue("cfx.status");

    Subscription s = endpoint.subscribe(subscription(uri(broker), "cfx.status"), sink);

    await("the subscription is connected", () -> s.status().isUp(), s::status);
    ChannelStatus status = s.status();
    assertThat(status.state()).isEqualTo(ChannelStatus.State.CONNECTED);
    assertThat(status.failedAttempts()).isZero();
    assertThat(status.lastError()).isNull();
    await("the broker sees one consumer on cfx.status", () -> BrokerTesting.consumerCount(broker, "cfx.status") == 1, () -> broker.queueNames());
  }

  @Test
  @Timeout(30)
  void aClosedSubscriptionDetachesFromTheBrokerAndReportsClosed() {
    broker.createAnycastQueue("cfx.closing");
    Subscription s = endpoint.subscribe(subscription(uri(broker), "cfx.closing"), sink);
    await("the broker sees our consumer", () -> BrokerTesting.consumerCount(broker, "cfx.closing") == 1, s::status);

    s.close();

    assertThat(s.status().state()).isEqualTo(ChannelStatus.State.CLOSED);
    await("the broker dropped our consumer", () -> BrokerTesting.consumerCount(broker, "cfx.closing") == 0, s::status);
  }

  @Test
  @Timeout(30)
  void aDurableSourceOnAMulticastAddressKeepsWhatIsPublishedWhileTheSubscriberIsAway() throws Exception {
    broker.createMulticastAddressWithQueue("cfx.fanout", "cfx.fanout.other");
    SubscriptionConfig base = subscription(uri(broker), "cfx.fanout");
    // the SDK's DurableReceiverSetting 1: terminus durability unsettled-state, expiry never
    SubscriptionConfig durable =
        new SubscriptionConfig(base.name(), base.uri(), base.address(), null, null, true, base.limits(), base.reconnect());
    Subscription first = endpoint.subscribe(durable, sink);
    await("the subscription is connected", () -> first.status().isUp(), first::status);
    String subscriptionQueue = HANDLE + ".cfx.fanout"; // Artemis names it <container-id>.<link name>
    first.close();
    await("we are detached", () -> BrokerTesting.consumerCount(broker, subscriptionQueue) == 0, broker::queueNames);
    CfxEnvelope sentWhileAway = workStarted(9);

    machine.publish("cfx.fanout", JmsMachine.Kind.TOPIC, JmsMachine.Outgoing.cfxEnvelope(CODEC.encode(sentWhileAway)));
    broker.awaitMessageCount(subscriptionQueue, 1, java.time.Duration.ofSeconds(20));
    endpoint.subscribe(durable, sink); // same container-id (our handle) and link name

    assertThat(sink.envelopes(1, 20)).containsExactly(sentWhileAway);
  }
}
