package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * the framing of one record in a segment file; stateless.
 *
 * <pre>
 * offset size
 *      0    1  magic and format version, {@link #MAGIC_V1}
 *      1    4  payload length n, big-endian int
 *      5    8  sequence, big-endian long
 *     13    4  CRC32 of bytes 1..12 (length and sequence) followed by the payload
 *     17    n  payload
 * </pre>
 */
final class RecordFormat {

  /** the first byte of every version-1 record. */
  static final byte MAGIC_V1 = (byte) 0xC5;

  /** bytes before the payload. */
  static final int HEADER_BYTES = 17;

  private static final int LENGTH_OFFSET = 1;
  private static final int SEQUENCE_OFFSET = 5;
  private static final int CRC_OFFSET = 13;

  private RecordFormat() {}

  /** the complete record, ready to write. */
  static ByteBuffer encode(long sequence, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    b.put(MAGIC_V1).putInt(payload.length).putLong(sequence);
    b.putInt(crc(b.array(), 0, payload, 0, payload.length));
    b.put(payload);
    return b.flip();
  }

  /** CRC32 of header bytes 1..12 (at {@code headerStart} in {@code header}) and the payload. */
  private static int crc(byte[] header, int headerStart, byte[] payload, int start, int length) {
    CRC32 crc = new CRC32();
    crc.update(header, headerStart + LENGTH_OFFSET, CRC_OFFSET - LENGTH_OFFSET);
    crc.update(payload, start, length);
    return (int) crc.getValue();
  }

  /**
   * one record read from a file: either valid ({@code problem} null) or not.
   *
   * @param sequence the sequence from the header, if valid.
   * @param length the payload length, if valid.
   * @param payload the payload, when it was asked for and the record is valid.
   * @param problem why the bytes are not a valid record, or null.
   */
  record Decoded(long sequence, int length, byte @Nullable [] payload, @Nullable String problem) {

    long recordBytes() {
      return HEADER_BYTES + (long) length;
    }

    static Decoded invalid(String problem) {
      return new Decoded(0, 0, null, problem);
    }
  }

  /**
   * reads the record at {@code position} of a file whose valid data ends at {@code end}. With
   * {@code withPayload} the payload is read and its checksum verified; without, only the header is
   * read and checked for plausibility (to skip over records already verified on open).
   */
  static Decoded read(FileChannel channel, long position, long end, boolean withPayload)
      throws IOException {
    if (end - position < HEADER_BYTES) {
      return Decoded.invalid("incomplete record header (" + (end - position) + " bytes)");
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    if (!SpoolIo.readFully(channel, header, position)) {
      return Decoded.invalid("incomplete record header");
    }
    if (header.get(0) != MAGIC_V1) {
      return Decoded.invalid("bad magic byte " + (header.get(0) & 0xff));
    }
    int length = header.getInt(LENGTH_OFFSET);
    long sequence = header.getLong(SEQUENCE_OFFSET);
    if (length < 0 || length > end - position - HEADER_BYTES) {
      return Decoded.invalid(
          "record length " + length + " runs past the end of the data (" + end + " bytes)");
    }
    if (!withPayload) {
      return new Decoded(sequence, length, null, null);
    }
    byte[] payload = new byte[length];
    if (!SpoolIo.readFully(channel, ByteBuffer.wrap(payload), position + HEADER_BYTES)) {
      return Decoded.invalid("incomplete payload");
    }
    if (crc(header.array(), 0, payload, 0, length) != header.getInt(CRC_OFFSET)) {
      return Decoded.invalid("checksum mismatch in record " + sequence);
    }
    return new Decoded(sequence, length, payload, null);
  }

  /**
   * whether a valid record starts anywhere in {@code [from, end)}: decides whether damage found
   * at {@code from - 1} is a torn tail (nothing valid after it) or corruption in the middle.
   * Conservatively answers true when the range is too large to examine.
   */
  static boolean validRecordAfter(FileChannel channel, long from, long end) throws IOException {
    long span = end - from;
    if (span < HEADER_BYTES) {
      return false;
    }
    if (span > Integer.MAX_VALUE - 16) {
      return true;
    }
    byte[] bytes = new byte[(int) span];
    ByteBuffer view = ByteBuffer.wrap(bytes);
    if (!SpoolIo.readFully(channel, view, from)) {
      return true;
    }
    for (int i = 0; i + HEADER_BYTES <= bytes.length; i++) {
      if (bytes[i] != MAGIC_V1) {
        continue;
      }
      int length = view.getInt(i + LENGTH_OFFSET);
      long sequence = view.getLong(i + SEQUENCE_OFFSET);
      if (length < 0 || length > bytes.length - i - HEADER_BYTES || sequence < 1) {
        continue;
      }
      if (crc(bytes, i, bytes, i + HEADER_BYTES, length) == view.getInt(i + CRC_OFFSET)) {
        return true;
      }
    }
    return false;
  }
}
