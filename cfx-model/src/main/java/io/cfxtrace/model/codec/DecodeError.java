package io.cfxtrace.model.codec;

import java.util.Objects;

/**
 * why a payload or one envelope in it could not be decoded.
 *
 * @param kind the class of problem, for metrics and dead-letter reasons.
 * @param path where: a JSON path such as {@code $.MessageBody.Units[1].X}, or {@code $} for the
 *     payload as a whole.
 * @param reason what was wrong, naming the bad value or the limit.
 */
public record DecodeError(Kind kind, String path, String reason) {

  /** checks all parts. */
  public DecodeError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  /** the classes of decode problems. */
  public enum Kind {
    /** nothing to decode. */
    EMPTY,
    /** the payload is over {@link CodecLimits#maxPayloadBytes()}. */
    TOO_LARGE,
    /** the payload starts like gzip but is not a valid gzip stream. */
    BAD_GZIP,
    /** the gzip stream ends early. */
    TRUNCATED_GZIP,
    /** the gzip stream inflates beyond {@link CodecLimits#maxInflatedBytes()}. */
    INFLATED_TOO_LARGE,
    /** the text is not JSON (syntax, encoding, trailing content). */
    NOT_JSON,
    /** JSON nests deeper than {@link CodecLimits#maxDepth()}. */
    TOO_DEEP,
    /** a batch holds more envelopes than {@link CodecLimits#maxBatchSize()}. */
    BATCH_TOO_LARGE,
    /** the JSON is not an envelope object or an array of them. */
    NOT_AN_ENVELOPE,
    /** the envelope has no usable MessageName. */
    MISSING_MESSAGE_NAME,
    /** the envelope has no MessageBody object. */
    MISSING_MESSAGE_BODY,
    /** a member has the wrong JSON type for its declared CFX type. */
    WRONG_TYPE,
    /** a member has the right JSON type but an invalid value (a malformed date, say). */
    BAD_VALUE
  }

  /** Renders as {@code path: reason}. */
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
