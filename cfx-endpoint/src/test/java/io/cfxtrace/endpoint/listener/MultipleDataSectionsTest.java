package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Sender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * message bodies the CFX SDK never writes but AMQP 1.0 allows (part 3.2, "a sequence of one or
 * more data sections"): the listener joins every Data section into one CFX payload, raw JSON or a
 * gzip stream, wherever the sender split it. An AmqpSequence body, or an AmqpValue holding a map,
 * carries no CFX payload: it is kept whole (as JSON, see AmqpBodyJson) as a dead letter and
 * Accepted, like any other undecodable message. A null application property arrives as null. Sent
 * with a bare Proton-J sender, since Qpid JMS writes exactly one Data section.
 */
@Timeout(30)
class MultipleDataSectionsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ADDRESS = "CFXListener";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestListener under;
  private RawAmqpClient client;
  private Sender sender;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    under = TestListener.start();
    client = RawAmqpClient.connect(under.listener.port());
    sender = client.anonymousSender(Cfx.MACHINE, "multi-data", ADDRESS, WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      client.close();
    } finally {
      under.close();
    }
  }

  /** an envelope and its JSON as the SDK writes it, raw or gzipped. */
  static Stream<Arguments> payloads() {
    CfxEnvelope raw = Cfx.workStarted(1);
    CfxEnvelope gzipped = Cfx.workStarted(2);
    return Stream.of(
        Arguments.of("raw JSON", raw, Cfx.json(raw), null),
        Arguments.of("gzip", gzipped, JmsMachine.gzip(Cfx.json(gzipped)), "gzip"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void envelopeSplitAcrossThreeDataSectionsIsJoinedIntoOneEnvelope(String what, CfxEnvelope original, byte[] payload, String contentEncoding)
      throws Exception {
    // the first section holds one byte: it cuts the opening brace, or the gzip magic number, in two
    int middle = payload.length / 2;
    List<Section> body =
        List.of(
            new Data(new Binary(Arrays.copyOfRange(payload, 0, 1))),
            new Data(new Binary(Arrays.copyOfRange(payload, 1, middle))),
            new Data(new Binary(Arrays.copyOfRange(payload, middle, payload.length))));

    DeliveryState outcome = send(encode(properties(original.uniqueId(), contentEncoding), body));

    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(original));
    assertThat(got.origin().properties().contentEncoding()).isEqualTo(contentEncoding);
    assertThat(under.sink.queued()).isZero();
  }

  @Test
  void amqpSequenceBodyIsKeptAsADeadLetterNamingItAndAccepted() throws Exception {
    String json = new String(Cfx.json(Cfx.workStarted(3)), StandardCharsets.UTF_8);
    List<Section> body = List.of(new AmqpSequence(List.of(json)));

    DeliveryState outcome = send(encode(properties("sequence-1", null), body));

    // Accepted, not Rejected: the SDK resends a rejected message in a tight loop
    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).isEmpty();
    assertThat(got.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.reason()).contains("AmqpSequence");
      assertThat(JSON.readTree(d.payload())).isEqualTo(JSON.createObjectNode().set("amqp-body",
          JSON.createArrayNode().add(JSON.createObjectNode().set("amqp-sequence", JSON.createArrayNode().add(json)))));
    });
    assertThat(got.origin().properties().messageId()).isEqualTo("sequence-1");
  }

  @Test
  void amqpValueMapBodyIsKeptWholeInADeadLetterNamingItAndAccepted() throws Exception {
    // what an AMQP client sends when handed a dictionary instead of the JSON text of an envelope
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("MessageName", "CFX.Production.WorkStarted");
    map.put("UniqueID", "6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11");
    map.put("MessageBody", Map.of("Lane", 1));
    List<Section> body = List.of(new AmqpValue(map));

    DeliveryState outcome = send(encode(properties("map-1", null), body));

    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).isEmpty();
    assertThat(got.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isNull();
      assertThat(d.reason()).contains("AmqpValue body holds an AMQP map");
      assertThat(JSON.readTree(d.payload()))
          .isEqualTo(JSON.readTree("{\"amqp-body\":[{\"amqp-value\":{\"MessageName\":\"CFX.Production.WorkStarted\","
              + "\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\",\"MessageBody\":{\"Lane\":{\"$int\":1}}}}]}"));
    });
    assertThat(got.origin().properties().messageId()).isEqualTo("map-1");
  }

  @Test
  void nullApplicationPropertyArrivesAsNullNotAsTheTextNull() throws Exception {
    // the SDK (SDK 1.2+) writes cfx-target = Target, null for every event
    Properties p = properties("null-target-1", null);
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("cfx-handle", Cfx.MACHINE);
    app.put("cfx-target", null);
    CfxEnvelope sent = Cfx.workStarted(4);

    DeliveryState outcome = send(encode(p, new ApplicationProperties(app), List.of(new Data(new Binary(Cfx.json(sent))))));

    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(sent));
    Map<String, String> read = got.origin().properties().applicationProperties();
    assertThat(read).containsKey("cfx-target").containsEntry("cfx-handle", Cfx.MACHINE);
    assertThat(read.get("cfx-target")).isNull();
  }

  private static Properties properties(String messageId, String contentEncoding) {
    Properties p = new Properties();
    p.setMessageId(messageId);
    p.setContentType(Symbol.valueOf(JmsMachine.CFX_CONTENT_TYPE));
    if (contentEncoding != null) {
      p.setContentEncoding(Symbol.valueOf(contentEncoding));
    }
    return p;
  }

  /** a message's sections written one after the other, as on the wire: header, properties, body. */
  private static byte[] encode(Properties properties, List<Section> body) {
    return encode(properties, null, body);
  }

  /** header, properties, application properties (when given), body. */
  private static byte[] encode(Properties properties, ApplicationProperties app, List<Section> body) {
    DecoderImpl decoder = new DecoderImpl();
    EncoderImpl encoder = new EncoderImpl(decoder);
    AMQPDefinedTypes.registerAllTypes(decoder, encoder);
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    encoder.setByteBuffer(buffer);
    Header header = new Header();
    header.setDurable(true);
    encoder.writeObject(header);
    encoder.writeObject(properties);
    if (app != null) {
      encoder.writeObject(app);
    }
    body.forEach(encoder::writeObject);
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** sends one unsettled delivery and returns the outcome the listener settles it with. */
  private DeliveryState send(byte[] message) throws Exception {
    Delivery delivery = sender.delivery(("d-" + deliveries++).getBytes(StandardCharsets.US_ASCII));
    sender.send(message, 0, message.length);
    sender.advance();
    client.pumpUntil("the listener settles the delivery", WAIT, () -> delivery.remotelySettled() && delivery.getRemoteState() != null);
    delivery.settle();
    return delivery.getRemoteState();
  }
}
