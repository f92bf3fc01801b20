package io.cfxtrace.ingest.normalize;

import io.cfxtrace.model.CfxEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
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

  /**
   * the order in which the messages of one work transaction are normalised, whatever order they
   * arrived in: event time, then WorkStarted before and WorkCompleted after the transaction's other
   * messages of the same instant, then UniqueID (ties broken the same way on every instance).
   */
  public static final Comparator<StoredEnvelope> SCOPE_ORDER = Comparator.comparing(StoredEnvelope::order);

  /**
   * where a message stands in {@link #SCOPE_ORDER}.
   *
   * @param time its event time.
   * @param rank see {@link #rank()}.
   * @param uniqueId its key.
   */
  public record Order(Instant time, int rank, UUID uniqueId) implements Comparable<Order> {
    private static final Comparator<Order> NATURAL =
        Comparator.comparing(Order::time).thenComparingInt(Order::rank).thenComparing(Order::uniqueId);

    @Override
    public int compareTo(Order o) {
      return NATURAL.compare(this, o);
    }
  }

  /** this message's place in {@link #SCOPE_ORDER}. */
  public Order order() {
    return new Order(eventTime, rank(), uniqueId);
  }

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
    return keyOfText(uniqueIdText, () -> new java.io.ByteArrayInputStream(rawJson.get().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@link #keyOf} for an envelope whose text is read as a stream (a large message, never held as
   * one text): the same key.
   *
   * @param uniqueIdText the UniqueID as received, or null.
   * @param rawJson opens the envelope's JSON text (UTF-8), read only when there is no UniqueID.
   * @return the key.
   */
  public static UUID keyOfText(@Nullable String uniqueIdText, java.util.function.Supplier<java.io.InputStream> rawJson) {
    if (uniqueIdText == null || uniqueIdText.isBlank()) {
      // UUID.nameUUIDFromBytes("cfx-envelope:" + text), digested as the text streams
      try (java.io.InputStream in = rawJson.get()) {
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update("cfx-envelope:".getBytes(StandardCharsets.UTF_8));
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
          md5.update(buf, 0, n);
        }
        byte[] h = md5.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x30);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h);
        return new UUID(b.getLong(), b.getLong());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("reading an envelope's text to key it failed", e);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("MD5 is required of every Java platform", e);
      }
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
    // full precision (100 ns): the order of a transaction's messages keeps it; every value
    // written to the store is cut to the microsecond in one place (StoreTime, by CopyBuffer)
    return envelope.timeStamp().toInstant(zoneless);
  }

  /** 0 for WorkStarted, 2 for WorkCompleted, 1 for every other message (see {@link #SCOPE_ORDER}). */
  public int rank() {
    return rank(envelope.messageName());
  }

  /**
   * the rank of a message name in {@link #SCOPE_ORDER}.
   *
   * @param messageName the envelope's MessageName.
   * @return 0, 1 or 2.
   */
  public static int rank(@Nullable String messageName) {
    if ("CFX.Production.WorkStarted".equals(messageName)) {
      return 0;
    }
    return "CFX.Production.WorkCompleted".equals(messageName) ? 2 : 1;
  }

  /** the station: the envelope's Source handle. */
  public @Nullable String station() {
    return envelope.source();
  }
}
