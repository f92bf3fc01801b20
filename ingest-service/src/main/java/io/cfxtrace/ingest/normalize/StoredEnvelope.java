package io.cfxtrace.ingest.normalize;

import io.cfxtrace.model.CfxEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * an envelope on its way into the store: its de-duplication key and its event time resolved.
 *
 * @param uniqueId the UniqueID as a UUID (see {@link #keyOf}).
 * @param envelope the envelope.
 * @param eventTime the envelope TimeStamp as an instant, or the receive time when it has none.
 * @param receivedAt when it arrived.
 */
public record StoredEnvelope(UUID uniqueId, CfxEnvelope envelope, Instant eventTime, Instant receivedAt) {

  /** checks the parts. */
  public StoredEnvelope {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * the de-duplication key of an envelope: its UniqueID as a UUID (any case, braces allowed); a
   * UniqueID that is not a GUID maps to a name-based UUID of its text; a missing one to a
   * name-based UUID of the envelope's JSON, so an exact resend is still recognised.
   *
   * @param uniqueIdText the envelope's UniqueID, or null.
   * @param rawJson the envelope's JSON as received, asked for only when there is no UniqueID.
   * @return the key.
   */
  public static UUID keyOf(@Nullable String uniqueIdText, java.util.function.Supplier<String> rawJson) {
    if (uniqueIdText == null || uniqueIdText.isBlank()) {
      return UUID.nameUUIDFromBytes(("cfx-envelope:" + rawJson.get()).getBytes(StandardCharsets.UTF_8));
    }
    String t = uniqueIdText.trim();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.length() == 36 && t.charAt(8) == '-' && t.charAt(13) == '-' && t.charAt(18) == '-' && t.charAt(23) == '-') {
      try {
        return UUID.fromString(t.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // not hex: fall through to the name-based key
      }
    }
    return UUID.nameUUIDFromBytes(("cfx-unique-id:" + uniqueIdText).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * the instant of an envelope's TimeStamp.
   *
   * @param envelope the envelope.
   * @param zoneless the offset assumed for a TimeStamp written without one.
   * @param receivedAt used when the TimeStamp is missing or unset (0001-01-01).
   * @return the instant.
   */
  public static Instant eventTimeOf(CfxEnvelope envelope, ZoneOffset zoneless, Instant receivedAt) {
    if (envelope.timeStamp() == null || envelope.timeStamp().isUnset()) {
      return receivedAt;
    }
    return envelope.timeStamp().toInstant(zoneless);
  }

  /** the station: the envelope's Source handle. */
  public @Nullable String station() {
    return envelope.source();
  }
}
