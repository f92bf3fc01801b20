package io.cfxtrace.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.DecodeError;
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
 */
public record InboundMessage(MessageOrigin origin, List<Envelope> envelopes, List<DeadLetter> deadLetters) {

  /** copies the lists. */
  public InboundMessage {
    Objects.requireNonNull(origin, "origin");
    envelopes = List.copyOf(envelopes);
    deadLetters = List.copyOf(deadLetters);
  }

  /**
   * a decoded envelope with the JSON it came from.
   *
   * @param index position in the payload's batch (0 for a single envelope).
   * @param envelope the envelope.
   * @param raw the envelope's JSON as received, parsed; treat as read-only.
   * @param typed whether the body was decoded into a typed record.
   * @param json the envelope's JSON text as received (a batch element's written compactly), for
   *     the raw message log.
   */
  public record Envelope(int index, CfxEnvelope envelope, JsonNode raw, boolean typed, String json) {

    /** checks the parts. */
    public Envelope {
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(json, "json");
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
