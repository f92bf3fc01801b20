package io.cfxtrace.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.GenericMessage;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import io.cfxtrace.model.codec.DecodeError;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * one received AMQP message: its envelopes (a batch from old firmware holds several) and the parts
 * that could not be decoded, which are kept as dead letters. Handed to an {@link EnvelopeSink}; the
 * AMQP delivery is settled when the sink has stored all of it.
 *
 * @param origin where it came from.
 * @param envelopes the decoded envelopes, in payload order.
 * @param deadLetters what could not be decoded: the whole payload, or single envelopes of a batch.
 * @param large for a body too large to decode on the network thread, the body as received: until
 *     {@link #decodeLarge} both lists are empty; after it, the body stays here as the text of an
 *     envelope that was decoded as a stream ({@link Envelope#json()} null). Null otherwise.
 */
public record InboundMessage(MessageOrigin origin, List<Envelope> envelopes, List<DeadLetter> deadLetters, @Nullable LargeBody large) {

  /** copies the lists. */
  public InboundMessage {
    Objects.requireNonNull(origin, "origin");
    envelopes = List.copyOf(envelopes);
    deadLetters = List.copyOf(deadLetters);
  }

  /**
   * a decoded message.
   *
   * @param origin where it came from.
   * @param envelopes the decoded envelopes.
   * @param deadLetters what could not be decoded.
   */
  public InboundMessage(MessageOrigin origin, List<Envelope> envelopes, List<DeadLetter> deadLetters) {
    this(origin, envelopes, deadLetters, null);
  }

  /**
   * a message whose body the sink decodes on its own thread ({@link EnvelopeSink#decodesLargeBodies}).
   *
   * @param origin where it came from.
   * @param body the body.
   * @return the undecoded message.
   */
  public static InboundMessage undecoded(MessageOrigin origin, LargeBody body) {
    return new InboundMessage(origin, List.of(), List.of(), body);
  }

  /**
   * the decoded form of a message from {@link #of}: one per envelope, dead letters for what could
   * not be decoded.
   *
   * @param origin where it came from.
   * @param body the AMQP body the outcomes were decoded from.
   * @param outcomes the codec's outcomes.
   * @return the message.
   */
  public static InboundMessage of(MessageOrigin origin, byte[] body, List<DecodeOutcome> outcomes) {
    List<Envelope> envelopes = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (DecodeOutcome o : outcomes) {
      if (o instanceof DecodeOutcome.Decoded d) {
        envelopes.add(new Envelope(d.index(), d.envelope(), d.raw(), d.typed(), d.json()));
      } else {
        DecodeOutcome.Rejected r = (DecodeOutcome.Rejected) o;
        byte[] payload = outcomes.size() > 1 && r.raw().isPresent() ? r.raw().get().toString().getBytes(StandardCharsets.UTF_8) : body;
        dead.add(new DeadLetter(r.index(), payload, r.error().kind(), r.error().toString()));
      }
    }
    return new InboundMessage(origin, envelopes, dead);
  }

  /**
   * whether the body still waits for {@link #decodeLarge}.
   *
   * @return true for an undecoded large body.
   */
  public boolean needsDecoding() {
    return large != null && envelopes.isEmpty() && deadLetters.isEmpty();
  }

  /**
   * decodes a large body as a stream (issue #13: a 30 MB UnitsInspected must not be held as text,
   * tree and records at once): a single envelope comes back with {@code raw} and {@code json} null,
   * its text being {@link #large}'s; an SDK 1.0/1.1 batch is decoded element by element as usual;
   * an undecodable body becomes a dead letter holding it.
   *
   * @return the decoded message; this one if it needs no decoding.
   */
  public InboundMessage decodeLarge() {
    if (!needsDecoding()) {
      return this;
    }
    try {
      CfxEnvelope e = large.codec().decodeStreaming(large.body());
      if (e == null) {
        return of(origin, large.body(), large.codec().decode(large.body()));
      }
      return new InboundMessage(origin, List.of(new Envelope(0, e, null, !(e.messageBody() instanceof GenericMessage), null)), List.of(), large);
    } catch (CfxDecodeException e) {
      return new InboundMessage(origin, List.of(), List.of(new DeadLetter(0, large.body(), e.error().kind(), e.error().toString())));
    } catch (RuntimeException e) {
      // the codec's contract is to never throw; if it does, the payload is still kept
      return new InboundMessage(origin, List.of(), List.of(new DeadLetter(0, large.body(), null, "internal decoder error: " + e)));
    }
  }

  /**
   * a body held as received until the sink decodes it.
   *
   * @param body the AMQP body: JSON or gzip.
   * @param codec the codec with the endpoint's limits.
   */
  public record LargeBody(byte[] body, CfxCodec codec) {

    /** checks the parts. */
    public LargeBody {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(codec, "codec");
    }

    /**
     * the envelope's JSON text as received, read again from the body (inflated as it is read).
     *
     * @return the text's UTF-8 bytes.
     */
    public InputStream openText() {
      return codec.openText(body);
    }
  }

  /**
   * a decoded envelope with the JSON it came from.
   *
   * @param index position in the payload's batch (0 for a single envelope).
   * @param envelope the envelope.
   * @param raw the envelope's JSON as received, parsed; treat as read-only. Null for an envelope
   *     decoded as a stream from a {@link LargeBody}.
   * @param typed whether the body was decoded into a typed record.
   * @param json the envelope's JSON text as received (a batch element's written compactly), for
   *     the raw message log. Null for an envelope decoded as a stream: its text is the message's
   *     {@link LargeBody#openText()}.
   */
  public record Envelope(int index, CfxEnvelope envelope, @Nullable JsonNode raw, boolean typed, @Nullable String json) {

    /** checks the parts. */
    public Envelope {
      Objects.requireNonNull(envelope, "envelope");
      if ((raw == null) != (json == null)) {
        throw new IllegalArgumentException("raw and json are both given, or both null for an envelope decoded as a stream");
      }
    }
  }

  /**
   * something that could not be decoded, kept with the reason so nothing received is lost.
   *
   * @param index position in the batch, or 0 for the whole payload.
   * @param payload the bytes as received (the whole AMQP body, or the envelope's JSON in a batch);
   *     for a body that is not Data sections or an amqp-value string or binary (an amqp-value map,
   *     amqp-sequence sections), every body section as JSON, {@code {"amqp-body": [...]}}, with
   *     each AMQP type told apart; for bytes that are not an AMQP message, the whole message; for a
   *     message over the size limit, the first 64 KiB of the AMQP message as received (no more than
   *     the limit; the reason gives the real size and the limit).
   * @param kind the class of problem, or null for a transport-level problem that has no decode
   *     kind (a message over the size limit, a body that is not a Data or string section).
   * @param reason what was wrong, naming the path, value or limit.
   */
  public record DeadLetter(int index, byte[] payload, DecodeError.@Nullable Kind kind, String reason) {

    /** checks the parts. */
    public DeadLetter {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
