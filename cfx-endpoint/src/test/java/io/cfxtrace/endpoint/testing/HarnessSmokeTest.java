package io.cfxtrace.endpoint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.testing.JmsMachine.BodyKind;
import io.cfxtrace.endpoint.testing.JmsMachine.Kind;
import io.cfxtrace.endpoint.testing.JmsMachine.Outgoing;
import io.cfxtrace.endpoint.testing.JmsMachine.Received;
import jakarta.jms.JMSSecurityException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proves the test harness itself: embedded Artemis broker + Qpid JMS machines. */
@Timeout(60)
class HarnessSmokeTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private EmbeddedArtemis broker;

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static String envelope(String messageName, String uniqueId, String source, String target, String requestId) {
    return "{\"MessageName\":\"" + messageName + "\",\"Version\":\"2.1\",\"TimeStamp\":\"2024-05-01T10:00:00.1234567+02:00\","
        + "\"UniqueID\":\"" + uniqueId + "\",\"Source\":\"" + source + "\","
        + "\"Target\":" + (target == null ? "null" : "\"" + target + "\"") + ","
        + "\"RequestID\":" + (requestId == null ? "null" : "\"" + requestId + "\"") + ","
        + "\"MessageBody\":{\"$type\":\"" + messageName + ", CFX\"}}";
  }

  @Test
  @Timeout(60)
  void aHundredPersistentBytesMessagesPublishedToAnAnycastAddressAreAllConsumedInOrder() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).start();
    broker.createAnycastQueue("cfx.smoke");
    assertThat(broker.port()).isPositive().isNotEqualTo(5672);
    assertThat(broker.amqpUri()).isEqualTo("amqp://127.0.0.1:" + broker.port());

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri())) {
      for (int i = 0; i < 100; i++) {
        machine.publish(
            "cfx.smoke",
            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
            Map.of("cfx-topic", "CFX.Smoke", "cfx-message", "CFX.Smoke.Tick"),
            false,
            "msg-" + i);
      }
      broker.awaitMessageCount("cfx.smoke", 100, WAIT);

      List<Received> got = machine.consume("cfx.smoke", 100, WAIT);

      assertThat(got).extracting(Received::messageId)
          .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "msg-" + i).toList());
      assertThat(got).allSatisfy(r -> {
        assertThat(r.bodyKind()).isEqualTo(BodyKind.DATA);
        assertThat(r.durable()).isTrue();
        assertThat(r.contentEncoding()).isNull();
        assertThat(r.applicationProperties()).containsEntry("cfx-topic", "CFX.Smoke");
      });
      assertThat(got.get(42).text()).isEqualTo("{\"n\":42}");
      broker.awaitMessageCount("cfx.smoke", 0, WAIT);
    }
  }

  @Test
  @Timeout(60)
  void aWrongPasswordIsRefusedWithAClearExceptionWhileTheRightOneWorks() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).user("cfx", "secret").start();
    assertThat(broker.securityEnabled()).isTrue();

    assertThatThrownBy(() -> JmsMachine.connect(broker.amqpUri(), "cfx", "wrong").close())
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasMessageContaining("cannot connect to amqp://127.0.0.1:" + broker.port())
        .hasMessageContaining("as user 'cfx'")
        .hasCauseInstanceOf(JMSSecurityException.class);
    assertThatThrownBy(() -> JmsMachine.connect(broker.amqpUri()).close())
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasMessageContaining("anonymously")
        .hasCauseInstanceOf(JMSSecurityException.class);

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri("cfx", "secret"))) {
      machine.publishText("cfx.secure", "{}");
      assertThat(machine.consume("cfx.secure", 1, WAIT)).hasSize(1);
    }
  }

  @Test
  @Timeout(90)
  void persistentMessagesSurviveABrokerRestartOnTheSamePortAndNonPersistentOnesDoNot() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).user("cfx", "secret").start();
    broker.createAnycastQueue("/queue/spool");
    int port = broker.port();

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri(), "cfx", "secret")) {
      for (int i = 0; i < 10; i++) {
        machine.publish("/queue/spool", Outgoing.data(new byte[] {(byte) i}).messageId("p-" + i));
      }
      machine.publish("/queue/spool", Outgoing.data(new byte[] {99}).messageId("volatile").durable(false));
    }
    broker.awaitMessageCount("/queue/spool", 11, WAIT);

    broker.restart();

    assertThat(broker.port()).isEqualTo(port);
    assertThat(broker.isRunning()).isTrue();
    broker.awaitMessageCount("/queue/spool", 10, WAIT);
    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri(), "cfx", "secret")) {
      List<Received> got = machine.consume("/queue/spool", 10, WAIT);
      assertThat(got).extracting(Received::messageId)
          .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "p-" + i).toList());
      assertThat(machine.receiveUpTo("/queue/spool", 1, Duration.ofMillis(300))).isEmpty();
    }

    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    broker.start();
    assertThat(broker.port()).isEqualTo(port);
    broker.awaitMessageCount("/queue/spool", 0, WAIT);
  }

  @Test
  @Timeout(60)
  void gzipContentEncodingAndTheSdkPropertiesArriveExactlyAsSet() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).start();
    broker.createAnycastQueue("/queue/cfx");
    String json = envelope("CFX.Production.WorkStarted", "3f2b1c4d-0000-4000-8000-000000000001", "SMTPlus.Model_21232.SN23123", null, null);

    try (JmsMachine machine = JmsMachine.builder(broker.amqpUri()).handle("SMTPlus.Model_21232.SN23123").connect();
        JmsMachine observer = JmsMachine.connect(broker.amqpUri())) {
      machine.publishCfx("/queue/cfx", json.getBytes(StandardCharsets.UTF_8), true);
      machine.publishCfx("/queue/cfx", json.getBytes(StandardCharsets.UTF_8), false);
      machine.publishText("/queue/cfx", json);

      List<Received> got = observer.consume("/queue/cfx", 3, WAIT);

      Received gz = got.get(0);
      assertThat(gz.bodyKind()).isEqualTo(BodyKind.DATA);
      assertThat(gz.contentEncoding()).isEqualTo("gzip");
      assertThat(gz.body()[0] & 0xff).isEqualTo(0x1f);
      assertThat(gz.body()[1] & 0xff).isEqualTo(0x8b);
      assertThat(gz.text()).isEqualTo(json);
      assertThat(gz.contentType()).isEqualTo(JmsMachine.CFX_CONTENT_TYPE);
      assertThat(gz.messageId()).isEqualTo("3f2b1c4d-0000-4000-8000-000000000001");
      assertThat(gz.subject()).isEqualTo("SMTPlus.Model_21232.SN23123.CFX.Production.WorkStarted");
      assertThat(gz.to()).isEqualTo("/queue/cfx");
      assertThat(gz.durable()).isTrue();
      assertThat(gz.applicationProperties())
          .containsEntry("cfx-topic", "CFX.Production")
          .containsEntry("cfx-message", "CFX.Production.WorkStarted")
          .containsEntry("cfx-handle", "SMTPlus.Model_21232.SN23123")
          .doesNotContainKey("cfx-target");

      Received raw = got.get(1);
      assertThat(raw.contentEncoding()).isNull();
      assertThat(new String(raw.body(), StandardCharsets.UTF_8)).isEqualTo(json);

      Received text = got.get(2);
      assertThat(text.bodyKind()).isEqualTo(BodyKind.AMQP_VALUE_STRING);
      assertThat(text.contentType()).isNull();
      assertThat(text.text()).isEqualTo(json);
      assertThat(text.messageIdString()).startsWith("ID:");
    }
  }

  @Test
  @Timeout(60)
  void onTheWireABytesMessageIsOneDataSectionAndATextMessageOneAmqpValue() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).start();
    broker.createAnycastQueue("wire");
    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri())) {
      machine.publish("wire", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of("cfx-handle", "M.1"), true, "uid-1");
      machine.publishText("wire", "{\"a\":2}");
    }

    broker.awaitMessageCount("wire", 2, WAIT); // Artemis counts after it settles
    List<EmbeddedArtemis.StoredMessage> stored = broker.browse("wire");

    assertThat(stored).hasSize(2);
    EmbeddedArtemis.StoredMessage bytes = stored.get(0);
    assertThat(bytes.bodySections()).hasSize(1).first().isInstanceOf(Data.class);
    assertThat(bytes.header().getDurable()).isTrue();
    assertThat(bytes.properties().getMessageId()).isEqualTo("uid-1");
    assertThat((Object) bytes.properties().getContentEncoding()).isEqualTo(Symbol.valueOf("gzip"));
    assertThat((Object) bytes.properties().getContentType()).isEqualTo(Symbol.valueOf(JmsMachine.CFX_CONTENT_TYPE));
    assertThat(bytes.applicationProperties()).containsExactly(Map.entry("cfx-handle", "M.1"));
    assertThat(JmsMachine.gunzip(bytes.dataBytes())).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
    EmbeddedArtemis.StoredMessage text = stored.get(1);
    assertThat(text.bodySections()).singleElement().isInstanceOf(AmqpValue.class);
    assertThat(((AmqpValue) text.bodySections().get(0)).getValue()).isEqualTo("{\"a\":2}");
    assertThat(text.properties().getMessageId()).asString().startsWith("ID:");
  }

  @Test
  @Timeout(60)
  void aRequestIsAnsweredOnItsOwnReplyAddressAndCorrelatedByTheEnvelopeRequestId() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).start();
    String target = "SMTPlus.Model_21232.SN23123";
    try (JmsMachine server = JmsMachine.builder(broker.amqpUri()).handle(target).connect();
        JmsMachine client = JmsMachine.builder(broker.amqpUri()).handle("CfxTrace.Test").connect();
        JmsMachine.Responder responder = server.serveRequests(target, request -> {
          String requestId = JmsMachine.envelopeField(request.decodedBody(), "RequestID");
          return envelope("CFX.AreYouThereResponse", "00000000-0000-4000-8000-0000000000aa", target, "CfxTrace.Test", requestId)
              .getBytes(StandardCharsets.UTF_8);
        })) {
      String request = envelope("CFX.AreYouThereRequest", "00000000-0000-4000-8000-000000000001", "CfxTrace.Test", target, "REQUEST-abc");

      byte[] response = client.request(target, request.getBytes(StandardCharsets.UTF_8), WAIT);

      assertThat(JmsMachine.envelopeField(response, "MessageName")).isEqualTo("CFX.AreYouThereResponse");
      assertThat(JmsMachine.envelopeField(response, "RequestID")).isEqualTo("REQUEST-abc");
      // the responder records a request after it has answered it
      assertThat(EmbeddedArtemis.awaitCondition(() -> !responder.served().isEmpty(), WAIT)).as("the responder recorded the request").isTrue();
      Received seen = responder.served().get(0);
      assertThat(seen.messageId()).isEqualTo(JmsMachine.SDK_REQUEST_MESSAGE_ID);
      assertThat(seen.replyTo()).startsWith("CfxTrace.Test-");
      assertThat(seen.correlationId()).isEqualTo("REQUEST-abc");
      assertThat(seen.contentEncoding()).isEqualTo("gzip");
      assertThat(seen.applicationProperties()).containsOnlyKeys("offset").containsEntry("offset", 1);
      assertThat(responder.failures()).isEmpty();

      Received viaTemporaryQueue = client.request(target, request.getBytes(StandardCharsets.UTF_8), WAIT,
          JmsMachine.ReplyMode.TEMPORARY_QUEUE, false);
      assertThat(viaTemporaryQueue.correlationId()).isEqualTo(JmsMachine.SDK_REQUEST_MESSAGE_ID);
      assertThat(viaTemporaryQueue.text()).contains("REQUEST-abc");
    }

    try (JmsMachine client = JmsMachine.connect(broker.amqpUri())) {
      assertThatThrownBy(() -> client.request("Nobody.Home", envelope("CFX.AreYouThereRequest",
              "00000000-0000-4000-8000-000000000002", client.handle(), "Nobody.Home", "REQUEST-lost")
              .getBytes(StandardCharsets.UTF_8), Duration.ofMillis(500)))
          .isInstanceOf(JmsMachine.RequestTimeoutException.class)
          .hasMessageContaining("REQUEST-lost")
          .hasMessageContaining("Nobody.Home");
    }
  }

  @Test
  @Timeout(90)
  void anExchangeBindingAndAMulticastAddressRouteLikeRabbitMqAndSurviveARestart() {
    broker = EmbeddedArtemis.builder().dataDirectory(dir).start();
    broker.bindExchangeToQueue("/exchange/cfx", "/queue/cfx");
    broker.createMulticastAddressWithQueue("cfx.events", "cfx.events.store");

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri())) {
      JmsMachine.Subscription live = machine.subscribe("cfx.events", Kind.TOPIC);
      machine.publish("/exchange/cfx", Outgoing.data(new byte[] {1}).messageId("q"));
      machine.publish("/exchange/cfx", Kind.TOPIC, Outgoing.data(new byte[] {2}).messageId("t"));
      machine.publish("cfx.events", Kind.TOPIC, Outgoing.data(new byte[] {3}).messageId("e"));

      assertThat(machine.consume("/queue/cfx", 2, WAIT)).extracting(Received::messageId).containsExactly("q", "t");
      assertThat(live.receive(1, WAIT)).extracting(Received::messageId).containsExactly("e");
      assertThat(machine.consume("cfx.events::cfx.events.store", 1, WAIT)).extracting(Received::messageId).containsExactly("e");
    }

    broker.restart();

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri())) {
      machine.publish("/exchange/cfx", Outgoing.data(new byte[] {4}).messageId("after-restart"));
      assertThat(machine.consume("/queue/cfx", 1, WAIT)).extracting(Received::messageId).containsExactly("after-restart");
      assertThat(broker.queueExists("cfx.events.store")).isTrue();
    }
  }
}
