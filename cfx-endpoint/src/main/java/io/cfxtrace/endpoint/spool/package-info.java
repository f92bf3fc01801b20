/**
 * a crash-safe on-disk spool for the CFX publisher: every envelope is appended before it is sent,
 * resent in order until the broker settles it <em>Accepted</em>, and only then removed. Delivery
 * is at least once and in order; duplicates after a crash are expected (receivers de-duplicate by
 * envelope UniqueID), loss and reordering are not. {@link io.cfxtrace.endpoint.spool.DiskSpool} is
 * the entry point.
 *
 * <h2>On-disk format (version 1)</h2>
 *
 * <p>A spool directory holds:
 *
 * <ul>
 *   <li>{@code spool-<first sequence as 20 digits>.seg}: segment files, each holding records with
 *       contiguous sequence numbers starting at the one in its name; together they hold
 *       contiguous sequences. A new segment starts when the next record would take the current
 *       one past {@code segmentBytes} (a record larger than that gets a segment of its own).
 *   <li>Each record: {@code byte 0xC5} (magic and format version 1), {@code int} payload length,
 *       {@code long} sequence, {@code int} CRC32 of the length, sequence and payload bytes, then
 *       the payload; all big-endian, 17 bytes of framing.
 *   <li>{@code ack.state}: the acknowledgement watermark W (every record up to W is acknowledged)
 *       in two 25-byte slots at offsets 0 and 512, {@code int "CFXA", byte 1, long generation,
 *       long W, int CRC32}, written alternately in place; the valid slot with the higher
 *       generation wins, so a torn write leaves the previous watermark. It is created complete via
 *       {@code ack.state.tmp} and an atomic rename.
 *   <li>{@code spool.lock}: locked with a {@link java.nio.channels.FileLock} while a spool is
 *       open, so that a second process (or a second {@code DiskSpool} in the same process) fails
 *       fast.
 * </ul>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Appends go to the last segment; with {@code FSYNC_EACH} each record is forced (and the
 *       directory, when a segment is created) before {@code append} returns.
 *   <li>An acknowledgement that advances W persists W before returning; acknowledgements above a
 *       gap stay in memory until the gap closes and are lost on crash or close, so those records
 *       are delivered again.
 *   <li>A segment is deleted once all its records are at or below W, unless it is the one being
 *       appended to; on close of a fully acknowledged spool every segment is deleted. The next
 *       sequence after a restart is one more than the larger of W and the last record on disk.
 *   <li>On open, fully acknowledged segments are deleted, every other record's checksum and
 *       sequence is verified, and a torn or checksum-bad last record of the last segment with no
 *       valid record after it is truncated (logged at WARN with file and offset). Anything else,
 *       such as a bad record followed by valid ones, damage in an earlier segment or a missing
 *       segment, fails with {@link io.cfxtrace.endpoint.spool.SpoolCorruptException} naming the
 *       file and offset.
 * </ul>
 */
@NullMarked
package io.cfxtrace.endpoint.spool;

import org.jspecify.annotations.NullMarked;
