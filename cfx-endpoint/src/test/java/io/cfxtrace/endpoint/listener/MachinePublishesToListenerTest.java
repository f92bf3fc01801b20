package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * a machine (Qpid JMS) publishes CFX messages to our listener the way the SDK publishes to a
 * broker exchange (cfx-sdk-notes part b, "Message layout" and "Peer-to-peer": AddListener).
 */
@Timeout(30)
class MachinePublishesToListenerTest {

  private static final String ADDRESS = "/exchange/cfx";

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

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {true, false})
  void sdkShapedMessageArrivesAsOneTypedEnvelope(boolean gzip) throws Exception {
    CfxEnvelope sent = Cfx.workStarted(7);

    machine.publishCfx(ADDRESS, Cfx.json(sent), gzip);

    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).singleElement().satisfies(e -> {
      assertThat(e.typed()).isTrue();
      assertThat(e.index()).isZero();
      assertThat(e.envelope()).isEqualTo(sent);
    });
    assertThat(got.origin().properties().contentEncoding()).isEqualTo(gzip ? "gzip" : null);
  }

  @Test
  void batchBodyFromOldFirmwareArrivesAsAllItsEnvelopesInOrderInOneMessage() throws Exception {
    List<CfxEnvelope> batch = IntStream.range(0, 5).mapToObj(Cfx::workStarted).collect(Collectors.toList());

    // SDK <= 1.1: plain JSON array, only message-id (a fresh one) and creation-time, no cfx-* properties
    machine.publish(ADDRESS, Cfx.CODEC.encodeBatch(batch), Map.of(), false, "batch-" + batch.get(0).uniqueId());

    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).extracting(InboundMessage.Envelope::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(got.envelopes()).extracting(InboundMessage.Envelope::envelope).containsExactlyElementsOf(batch);
    assertThat(under.sink.queued()).isZero();
  }

  @Test
  void amqpValueStringBodyIsAcceptedLikeADataSection() throws Exception {
    CfxEnvelope sent = Cfx.workStarted(3);

    machine.publishText(ADDRESS, new String(Cfx.json(sent), StandardCharsets.UTF_8));

    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).extracting(InboundMessage.Envelope::envelope).containsExactly(sent);
  }

  @Test
  void messagesFromOneMachineArriveInTheOrderSent() throws Exception {
    for (int lane = 0; lane < 20; lane++) {
      machine.publishCfx(ADDRESS, Cfx.json(Cfx.workStarted(lane)), lane % 2 == 0);
    }

    List<CfxEnvelope> got = under.sink.envelopes(20, 10);
    assertThat(got).extracting(Cfx::lane).containsExactlyElementsOf(IntStream.range(0, 20).boxed().collect(Collectors.toList()));
  }

  @Test
  void originNamesChannelAddressMachineAndTheAmqpPropertiesAsSent() throws Exception {
    CfxEnvelope sent = Cfx.workStarted(1);

    machine.publishCfx(ADDRESS, Cfx.json(sent), true);

    MessageOrigin origin = under.sink.next(10).origin();
    assertThat(origin.channel()).isEqualTo(TestListener.NAME);
    assertThat(origin.address()).isEqualTo(ADDRESS);
    assertThat(origin.remoteContainerId()).isEqualTo(Cfx.MACHINE);
    assertThat(origin.remoteAddress()).startsWith("127.0.0.1:");
    assertThat(origin.user()).isNull();
    assertThat(origin.connectionId()).isNotBlank();
    AmqpProperties p = origin.properties();
    assertThat(p.messageId()).isEqualTo(sent.uniqueId());
    assertThat(p.subject()).isEqualTo(Cfx.MACHINE + "." + WorkStarted.MESSAGE_NAME);
    assertThat(p.to()).isEqualTo(ADDRESS);
    assertThat(p.contentType()).isEqualTo(JmsMachine.CFX_CONTENT_TYPE);
    assertThat(p.contentEncoding()).isEqualTo("gzip");
    assertThat(p.creationTime()).isNotNull();
    assertThat(p.durable()).isTrue();
    assertThat(p.applicationProperties())
        .containsEntry("cfx-topic", "CFX.Production")
        .containsEntry("cfx-message", WorkStarted.MESSAGE_NAME)
        .containsEntry("cfx-handle", Cfx.MACHINE)
        .doesNotContainKey("cfx-target");
  }
}
