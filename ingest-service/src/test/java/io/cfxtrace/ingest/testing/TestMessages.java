package io.cfxtrace.ingest.testing;

import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** inbound messages as the endpoint would hand them to the sink, for pipeline tests. */
public final class TestMessages {

  private static final CfxCodec CODEC = new CfxCodec();

  private TestMessages() {}

  /** the origin of a test message. */
  public static MessageOrigin origin() {
    return new MessageOrigin("test", "c0", "127.0.0.1:1", "Test.Machine", null, "cfx", AmqpProperties.NONE, Instant.now());
  }

  /** a message holding envelopes, encoded and decoded as the endpoint would. */
  public static InboundMessage of(CfxEnvelope... envelopes) {
    List<InboundMessage.Envelope> out = new ArrayList<>();
    int i = 0;
    for (CfxEnvelope e : envelopes) {
      DecodeOutcome.Decoded d = (DecodeOutcome.Decoded) CODEC.decode(CODEC.encode(e)).get(0);
      out.add(new InboundMessage.Envelope(i++, d.envelope(), d.raw(), d.typed(), d.json()));
    }
    return new InboundMessage(origin(), out, List.of());
  }

  /** a message decoded from a payload (JSON, gzip, batch), dead letters included. */
  public static InboundMessage decode(byte[] payload) {
    List<InboundMessage.Envelope> envelopes = new ArrayList<>();
    List<InboundMessage.DeadLetter> dead = new ArrayList<>();
    for (DecodeOutcome o : CODEC.decode(payload)) {
      if (o instanceof DecodeOutcome.Decoded d) {
        envelopes.add(new InboundMessage.Envelope(d.index(), d.envelope(), d.raw(), d.typed(), d.json()));
      } else {
        DecodeOutcome.Rejected r = (DecodeOutcome.Rejected) o;
        dead.add(new InboundMessage.DeadLetter(r.index(), payload, r.error().kind(), r.error().toString()));
      }
    }
    return new InboundMessage(origin(), envelopes, dead);
  }

  /** a message decoded from JSON text. */
  public static InboundMessage json(String json) {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }
}
