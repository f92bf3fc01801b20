package io.cfxtrace.endpoint.spool;

import java.io.IOException;

/**
 * thrown by {@link DiskSpool#append(byte[])} when the record would make the live segments exceed
 * {@link SpoolOptions#maxBytes()}; nothing was written. Appending can succeed again once enough
 * records are acknowledged for whole segments to be reclaimed.
 */
public final class SpoolFullException extends IOException {

  private static final long serialVersionUID = 1L;

  /** the limit. */
  private final long maxBytes;

  /** the bytes in use. */
  private final long usedBytes;

  /** the bytes the record needed. */
  private final long recordBytes;

  /**
   * creates the exception; the message names the limit.
   *
   * @param maxBytes the limit, {@link SpoolOptions#maxBytes()}.
   * @param usedBytes the bytes the live segments occupied.
   * @param recordBytes the bytes the rejected record would have taken, framing included.
   */
  public SpoolFullException(long maxBytes, long usedBytes, long recordBytes) {
    super(
        "spool full: maxBytes="
            + maxBytes
            + " would be exceeded ("
            + usedBytes
            + " bytes in use, record needs "
            + recordBytes
            + "); acknowledge records to reclaim space");
    this.maxBytes = maxBytes;
    this.usedBytes = usedBytes;
    this.recordBytes = recordBytes;
  }

  /**
   * the limit that would have been exceeded.
   *
   * @return the configured {@link SpoolOptions#maxBytes()}.
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * the space in use when the append was refused.
   *
   * @return bytes occupied by the live segments.
   */
  public long usedBytes() {
    return usedBytes;
  }

  /**
   * the space the refused record needed.
   *
   * @return the record size on disk, framing included.
   */
  public long recordBytes() {
    return recordBytes;
  }
}
