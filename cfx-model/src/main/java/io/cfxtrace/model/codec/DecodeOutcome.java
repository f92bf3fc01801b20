package io.cfxtrace.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxEnvelope;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * what became of one envelope of a payload: decoded, or rejected with a reason. A payload that
 * is not JSON at all gives a single rejection.
 */
public sealed interface DecodeOutcome permits DecodeOutcome.Decoded, DecodeOutcome.Rejected {

  /**
   * the position of the envelope in its batch.
   *
   * @return 0 for a single envelope, the array index in a batch.
   */
  int index();

  /**
   * a decoded envelope with the JSON it came from.
   *
   * @param index position in the batch.
   * @param envelope the envelope.
   * @param raw the envelope's JSON as received, parsed (read-only).
   * @param typed whether the body was decoded into a typed record (else a generic body).
   * @param json the envelope's JSON text for raw-message logs: exactly the payload's text for a
   *     single envelope; for an element of a batch, that element written compactly.
   */
  record Decoded(int index, CfxEnvelope envelope, JsonNode raw, boolean typed, String json)
      implements DecodeOutcome {

    /** checks the parts. */
    public Decoded {
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * an envelope, or a whole payload, that could not be decoded.
   *
   * @param index position in the batch (0 for a payload-level failure).
   * @param error what was wrong and where.
   * @param rawJson the offending JSON when the payload was JSON at all, else null.
   */
  record Rejected(int index, DecodeError error, @Nullable JsonNode rawJson)
      implements DecodeOutcome {

    /** checks the error. */
    public Rejected {
      Objects.requireNonNull(error, "error");
    }

    /**
     * the offending JSON.
     *
     * @return the element's JSON, or empty when the payload was not JSON.
     */
    public Optional<JsonNode> raw() {
      return Optional.ofNullable(rawJson);
    }
  }
}
