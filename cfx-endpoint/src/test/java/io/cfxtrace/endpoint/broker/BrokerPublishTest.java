package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.MACHINE;
import static io.cfxtrace.endpoint.broker.BrokerTesting.publisher;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis.StoredMessage;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.Heartbeat;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * our publisher against an embedded Artemis broker: what it stores is exactly the SDK's message
 * layout (cfx-sdk-notes part b, "Message layout"), read both from the broker's own store (no JMS
 * involved) and by an independent Qpid JMS consumer.
 */
class BrokerPublishTest {

  private static final String HANDLE = "CfxTrace.Test.Publisher";
  private static final String QUEUE = "cfx.out";
  private static final String CONTENT_TYPE = "application/json; charset=\"utf-8\"";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  @TempDir Path dir;
  private CfxEndpoint endpoint;

  @BeforeEach
  void start() {
    broker.createAnycastQueue(QUEUE);
    endpoint = BrokerTesting.endpoint(HANDLE);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  /** an envelope with every routing member set, so that every property has something to carry. */
  private static CfxEnvelope addressedEnvelope() {
    CfxTimestamp time = CfxTimestamp.of(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_700, ZoneOffset.ofHours(2)));
    WorkStarted body = new WorkStarted(null, null, "tx-42", 1, 1, List.of(), null, null, null, null);
    return new CfxEnvelope(CfxEnvelope.CURRENT_VERSION, time, UUID.randomUUID().toString(), MACHINE, "CfxTrace.Store", "REQUEST-7", body, Map.of());
  }

  private StoredMessage publishAndBrowse(CfxEnvelope envelope, boolean gzip) throws Exception {
    try (Publisher publisher = endpoint.publisher(publisher(uri(broker), QUEUE, dir.resolve("spool"), gzip, Duration.ZERO))) {
      publisher.publish(envelope).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
    broker.awaitMessageCount(QUEUE, 1, Duration.ofSeconds(20)); // Artemis counts after it settles
    List<StoredMessage> stored = broker.browse(QUEUE);
    assertThat(stored).hasSize(1);
    return stored.get(0);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {true, false})
  @Timeout(30)
  void aPublishedEnvelopeIsStoredAsOneDataSectionWithTheSdkProperties(boolean gzip) throws Exception {
    CfxEnvelope envelope = addressedEnvelope();

    StoredMessage m = publishAndBrowse(envelope, gzip);

    assertThat(m.bodySections()).singleElement().isInstanceOf(Data.class);
    assertThat(m.header().getDurable()).isTrue();
    assertThat(m.properties().getMessageId()).isEqualTo(envelope.uniqueId());
    assertThat(m.properties().getSubject()).isEqualTo(MACHINE + ".CFX.Production.WorkStarted");
    assertThat((Object) m.properties().getContentType()).isEqualTo(Symbol.valueOf(CONTENT_TYPE));
    assertThat((Object) m.properties().getContentEncoding()).isEqualTo(gzip ? Symbol.valueOf("gzip") : null);
    assertThat(m.properties().getTo()).isEqualTo("CfxTrace.Store");
    assertThat(m.properties().getReplyTo()).isEqualTo(MACHINE);
    assertThat(m.properties().getCorrelationId()).isEqualTo("REQUEST-7");
    assertThat(m.properties().getCreationTime()).isEqualTo(Date.from(envelope.timeStamp().instant().orElseThrow()));
    assertThat(m.applicationProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cfx-topic", "CFX.Production",
                "cfx-message", "CFX.Production.WorkStarted",
                "cfx-handle", MACHINE,
                "cfx-target", "CfxTrace.Store"));
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {true, false})
  @Timeout(30)
  void theStoredBodyDecodesToThePublishedEnvelope(boolean gzip) throws Exception {
    CfxEnvelope envelope = addressedEnvelope();

    byte[] body = publishAndBrowse(envelope, gzip).dataBytes();

    if (gzip) {
      assertThat(body).startsWith((byte) 0x1f, (byte) 0x8b); // RFC 1952 gzip magic
      body = JmsMachine.gunzip(body);
    }
    assertThat(body[0]).isEqualTo((byte) '{');
    assertThat(CODEC.decodeEnvelope(body)).isEqualTo(envelope);
  }

  @Test
  @Timeout(30)
  void anEventWithoutTargetCarriesNoCfxTargetProperty() throws Exception {
    CfxEnvelope event = workStarted(1);

    StoredMessage m = publishAndBrowse(event, true);

    assertThat(m.applicationProperties()).containsOnlyKeys("cfx-topic", "cfx-message", "cfx-handle");
    assertThat(m.properties().getTo()).isNull();
    assertThat(m.properties().getCorrelationId()).isNull();
  }

  @Test
  @Timeout(30)
  void aJmsConsumerReceivesEnvelopesInPublishOrderWithTheSdkProperties() throws Exception {
    List<CfxEnvelope> sent = workStarted(0, 10);
    // raw JSON: Qpid JMS takes a Data body with a JSON content-type for a TextMessage, so it cannot
    // read a gzipped one, and its copy of the message carries the text as an AmqpValue; the
    // one-Data-section layout is checked on the broker's store above
    try (Publisher publisher = endpoint.publisher(publisher(uri(broker), QUEUE, dir.resolve("spool"), false, Duration.ZERO))) {
      for (CfxEnvelope e : sent) {
        publisher.publish(e);
      }

      try (JmsMachine consumer = JmsMachine.connect(broker.amqpUri())) {
        List<JmsMachine.Received> got = consumer.consume(QUEUE, sent.size(), BrokerTesting.WAIT);

        assertThat(got).extracting(JmsMachine.Received::messageId).containsExactlyElementsOf(BrokerTesting.uniqueIds(sent));
        assertThat(got).allSatisfy(r -> {
          assertThat(r.contentType()).isEqualTo(CONTENT_TYPE);
          assertThat(r.contentEncoding()).isNull();
          assertThat(r.durable()).isTrue();
          assertThat(r.subject()).isEqualTo(MACHINE + ".CFX.Production.WorkStarted");
          assertThat(r.property("cfx-message")).isEqualTo("CFX.Production.WorkStarted");
        });
        assertThat(got).extracting(r -> CODEC.decodeEnvelope(r.decodedBody())).containsExactlyElementsOf(sent);
      }
    }
  }

  @Test
  @Timeout(30)
  void anExchangeAddressInTheUriIsPassedThroughToTheBrokerVerbatim() throws Exception {
    // RabbitMQ style: publish to /exchange/X; the harness binds it to /queue/X like RabbitMQ would
    broker.bindExchangeToQueue("/exchange/cfx", "/queue/cfx");
    AmqpUri target = AmqpUri.parse(broker.amqpUri() + "/exchange/cfx");
    PublisherConfig config = PublisherConfig.of("rabbit-style", target, dir.resolve("spool"));
    CfxEnvelope event = workStarted(3);

    try (Publisher publisher = endpoint.publisher(config)) {
      publisher.publish(event).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    assertThat(config.address()).isEqualTo("/exchange/cfx");
    // the heartbeat sent when the channel opens (CFX.Heartbeat) and the event; Artemis counts
    // after it settles, so wait for both before browsing
    broker.awaitMessageCount("/queue/cfx", 2, Duration.ofSeconds(20));
    List<StoredMessage> routed = broker.browse("/queue/cfx");
    assertThat(routed).extracting(s -> s.properties().getMessageId()).contains(event.uniqueId());
  }

  @Test
  @Timeout(30)
  void aHeartbeatIsPublishedAsSoonAsThePublishChannelIsCreated() throws Exception {
    // CFX.Heartbeat: the SDK publishes one when a publish channel is added, then every interval
    PublisherConfig config = publisher(uri(broker), QUEUE, dir.resolve("spool"), false, Duration.ofMinutes(5));

    endpoint.publisher(config); // closed with the endpoint

    try (JmsMachine consumer = JmsMachine.connect(broker.amqpUri())) {
      JmsMachine.Received r = consumer.consume(QUEUE, 1, BrokerTesting.WAIT).get(0);

      CfxEnvelope heartbeat = CODEC.decodeEnvelope(r.decodedBody());
      assertThat(heartbeat.source()).isEqualTo(HANDLE);
      assertThat(r.subject()).isEqualTo(HANDLE + ".CFX.Heartbeat");
      assertThat(heartbeat.messageBody()).isEqualTo(new Heartbeat(HANDLE, CfxDuration.of(Duration.ofMinutes(5)), null, null));
    }
  }

  @Test
  @Timeout(30)
  void heartbeatsFollowEveryIntervalAfterTheFirst() throws Exception {
    PublisherConfig config = publisher(uri(broker), QUEUE, dir.resolve("spool"), false, Duration.ofSeconds(1));

    endpoint.publisher(config); // closed with the endpoint

    try (JmsMachine consumer = JmsMachine.connect(broker.amqpUri())) {
      List<JmsMachine.Received> got = consumer.consume(QUEUE, 2, Duration.ofSeconds(10));

      assertThat(got).extracting(JmsMachine.Received::subject).containsOnly(HANDLE + ".CFX.Heartbeat");
      assertThat(got).extracting(JmsMachine.Received::messageId).doesNotHaveDuplicates();
      assertThat(got).extracting(r -> CODEC.decodeEnvelope(r.decodedBody()).messageBody())
          .containsOnly(new Heartbeat(HANDLE, CfxDuration.of(Duration.ofSeconds(1)), null, null));
    }
  }
}
