package io.cfxtrace.endpoint.spool;

import java.util.Objects;

/**
 * the limits and durability of a {@link DiskSpool}; immutable, validated on construction and safe
 * to share between threads.
 *
 * @param maxBytes the most bytes the live segment files may occupy (record framing included);
 *     {@link DiskSpool#append(byte[])} throws {@link SpoolFullException} rather than exceed it.
 * @param segmentBytes the size at which the spool starts a new segment file; a record larger than
 *     this gets a segment of its own. Space is reclaimed a whole segment at a time, so smaller
 *     segments free space sooner and larger ones create fewer files.
 * @param fsync when appended records and acknowledgements reach the disk.
 */
public record SpoolOptions(long maxBytes, long segmentBytes, Fsync fsync) {

  /** the default {@link #maxBytes()}: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** the default {@link #segmentBytes()}: 16 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;

  /** when the spool forces its writes to the storage device. */
  public enum Fsync {
    /**
     * every append and every acknowledgement that advances the watermark is forced to the device
     * before the call returns; survives power loss and operating-system crashes.
     */
    FSYNC_EACH,
    /**
     * writes go to the operating system's page cache and are forced only on {@link
     * DiskSpool#close()}; survives a crash or kill of the process, but power loss or an
     * operating-system crash may lose recent appends and acknowledgements, or leave the spool
     * unrecoverable ({@link SpoolCorruptException}).
     */
    FSYNC_NONE
  }

  /**
   * validates the options.
   *
   * @param maxBytes the most bytes the live segment files may occupy; positive.
   * @param segmentBytes the size at which a new segment starts; positive, at most {@code maxBytes}.
   * @param fsync when writes are forced to the device.
   * @throws IllegalArgumentException if {@code maxBytes} or {@code segmentBytes} is not positive,
   *     or {@code segmentBytes} exceeds {@code maxBytes}; the message names the option.
   * @throws NullPointerException if {@code fsync} is null.
   */
  public SpoolOptions {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive but was " + maxBytes);
    }
    if (segmentBytes <= 0) {
      throw new IllegalArgumentException("segmentBytes must be positive but was " + segmentBytes);
    }
    if (segmentBytes > maxBytes) {
      throw new IllegalArgumentException(
          "segmentBytes (" + segmentBytes + ") must not exceed maxBytes (" + maxBytes + ")");
    }
    Objects.requireNonNull(fsync, "fsync");
  }

  /**
   * the defaults: 1 GiB in 16 MiB segments, forced on every write.
   *
   * @return the options {@code new SpoolOptions(1 GiB, 16 MiB, FSYNC_EACH)}.
   */
  public static SpoolOptions defaults() {
    return new SpoolOptions(DEFAULT_MAX_BYTES, DEFAULT_SEGMENT_BYTES, Fsync.FSYNC_EACH);
  }

  /**
   * a copy with another {@link #maxBytes()}.
   *
   * @param newMaxBytes the new limit.
   * @return the copy.
   * @throws IllegalArgumentException if the result would be invalid (see the constructor).
   */
  public SpoolOptions withMaxBytes(long newMaxBytes) {
    return new SpoolOptions(newMaxBytes, segmentBytes, fsync);
  }

  /**
   * a copy with another {@link #segmentBytes()}.
   *
   * @param newSegmentBytes the new segment size.
   * @return the copy.
   * @throws IllegalArgumentException if the result would be invalid (see the constructor).
   */
  public SpoolOptions withSegmentBytes(long newSegmentBytes) {
    return new SpoolOptions(maxBytes, newSegmentBytes, fsync);
  }

  /**
   * a copy with another {@link #fsync()} policy.
   *
   * @param newFsync the new policy.
   * @return the copy.
   */
  public SpoolOptions withFsync(Fsync newFsync) {
    return new SpoolOptions(maxBytes, segmentBytes, newFsync);
  }
}
