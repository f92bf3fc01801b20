package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.Properties;
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

/**
 * the one retention rule for a message over the listener's size limit: it is read to its end and
 * becomes a dead letter holding its first 64 KiB exactly as they came on the wire, with the real
 * size and the limit in the reason, and is Accepted (the SDK resends anything else in a tight
 * loop). Sent with a bare Proton-J sender, so that the test knows every byte of the AMQP message.
 */
@Timeout(30)
class OversizeMessageTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ADDRESS = "CFXListener";
  private static final int LIMIT = 256 * 1024;
  private static final int KEPT = 64 * 1024;

  private TestListener under;
  private RawAmqpClient client;
  private Sender sender;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    ListenerConfig.Limits d = ListenerConfig.Limits.defaults();
    ListenerConfig.Limits limits =
        new ListenerConfig.Limits(d.maxConnections(), d.maxLinksPerConnection(), d.maxFrameSize(), LIMIT, 4L * LIMIT, d.idleTimeout(), d.credit());
    under = TestListener.start(TestListener.anonymous().withLimits(limits));
    client = RawAmqpClient.connect(under.listener.port());
    sender = client.anonymousSender(Cfx.MACHINE, "oversize", ADDRESS, WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      client.close();
    } finally {
      under.close();
    }
  }

  @Test
  void messageOverTheLimitKeepsItsFirst64KibAndTheReasonGivesItsSizeAndTheLimit() throws Exception {
    byte[] message = message("oversize-1", LIMIT + 40_000);
    assertThat(message.length).isGreaterThan(LIMIT);

    DeliveryState outcome = send(message);

    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).isEmpty();
    assertThat(got.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isNull();
      assertThat(d.payload()).hasSize(KEPT);
      assertThat(Arrays.equals(d.payload(), Arrays.copyOf(message, KEPT))).as("the payload is the message's first bytes").isTrue();
      assertThat(d.reason())
          .isEqualTo("AMQP message of " + message.length + " bytes exceeds the limit of " + LIMIT + " bytes; its first " + KEPT + " bytes are kept");
    });
    // the properties come before the body, so the kept start still says which message it was
    assertThat(got.origin().properties().messageId()).isEqualTo("oversize-1");
    assertThat(got.origin().properties().applicationProperties()).containsEntry("cfx-handle", Cfx.MACHINE);
  }

  @Test
  void messageOfExactlyTheLimitIsDecodedWhole() throws Exception {
    CfxEnvelope sent = Cfx.workStarted(7);
    byte[] message = message("at-limit-1", sent, LIMIT);
    assertThat(message.length).isEqualTo(LIMIT);

    DeliveryState outcome = send(message);

    assertThat(outcome).isInstanceOf(Accepted.class);
    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(sent));
  }

  @Test
  void linkTakesTheNextMessageAfterAnOversizedOne() throws Exception {
    send(message("oversize-2", LIMIT * 2));
    under.sink.next(10);
    CfxEnvelope sent = Cfx.workStarted(8);

    DeliveryState outcome = send(message("after-oversize", sent, 0));

    assertThat(outcome).isInstanceOf(Accepted.class);
    assertThat(under.sink.next(10).envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(sent));
  }

  /** an AMQP message with a WorkStarted body padded with spaces (still valid JSON) to {@code size} bytes in all. */
  private static byte[] message(String messageId, int size) {
    return message(messageId, Cfx.workStarted(9), size);
  }

  /**
   * header, properties, application properties and one Data section holding the envelope's JSON,
   * padded with trailing spaces so that the encoded message is {@code size} bytes (or unpadded when
   * {@code size} is smaller).
   */
  private static byte[] message(String messageId, CfxEnvelope envelope, int size) {
    byte[] json = Cfx.json(envelope);
    byte[] encoded = encode(messageId, json);
    if (encoded.length >= size) {
      return encoded;
    }
    // the Data section's length prefix is 4 bytes for any body over 255 bytes, so padding the body
    // by the difference gives the size exactly once the body is that long
    byte[] padded = Arrays.copyOf(json, json.length + (size - encoded.length));
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    byte[] out = encode(messageId, padded);
    if (out.length != size) {
      padded = Arrays.copyOf(padded, padded.length + (size - out.length));
      Arrays.fill(padded, json.length, padded.length, (byte) ' ');
      out = encode(messageId, padded);
    }
    return out;
  }

  private static byte[] encode(String messageId, byte[] body) {
    DecoderImpl decoder = new DecoderImpl();
    EncoderImpl encoder = new EncoderImpl(decoder);
    AMQPDefinedTypes.registerAllTypes(decoder, encoder);
    ByteBuffer buffer = ByteBuffer.allocate(body.length + 4096);
    encoder.setByteBuffer(buffer);
    Header header = new Header();
    header.setDurable(true);
    encoder.writeObject(header);
    Properties p = new Properties();
    p.setMessageId(messageId);
    p.setContentType(Symbol.valueOf(JmsMachine.CFX_CONTENT_TYPE));
    encoder.writeObject(p);
    encoder.writeObject(new ApplicationProperties(Map.of("cfx-handle", Cfx.MACHINE)));
    encoder.writeObject(new Data(new Binary(body)));
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
