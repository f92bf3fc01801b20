package io.cfxtrace.endpoint.spool;

import java.util.Arrays;
import java.util.Objects;

/**
 * one spooled envelope: its sequence number and its bytes; immutable (the payload is copied in and
 * out) and safe to share between threads.
 *
 * <p>Two records are equal when their sequence numbers and payload contents are equal.
 *
 * @param sequence the position in the spool: starts at 1 and strictly increases with every append,
 *     across restarts (see {@link DiskSpool} for the one exception after a torn write).
 * @param payload the bytes as appended.
 */
public record SpoolRecord(long sequence, byte[] payload) {

  /**
   * validates and copies.
   *
   * @param sequence the sequence number; positive.
   * @param payload the bytes; copied, so the caller may reuse the array.
   * @throws IllegalArgumentException if {@code sequence} is not positive.
   * @throws NullPointerException if {@code payload} is null.
   */
  public SpoolRecord {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive but was " + sequence);
    }
    payload = Objects.requireNonNull(payload, "payload").clone();
  }

  /**
   * the bytes as appended.
   *
   * @return a fresh copy, which the caller may modify.
   */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * the payload length, without copying it.
   *
   * @return the number of payload bytes.
   */
  public int payloadLength() {
    return payload.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpoolRecord r
        && r.sequence == sequence
        && Arrays.equals(r.payload, payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "SpoolRecord[sequence=" + sequence + ", " + payload.length + " bytes]";
  }
}
