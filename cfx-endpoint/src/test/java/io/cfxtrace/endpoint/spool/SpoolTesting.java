package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** helpers shared by the spool tests. */
final class SpoolTesting {

  /** payload length of {@link #payload(long)}. */
  static final int PAYLOAD_BYTES = 10;

  /** on-disk size of a record made by {@link #payload(long)}. */
  static final int RECORD_BYTES = RecordFormat.HEADER_BYTES + PAYLOAD_BYTES;

  private SpoolTesting() {}

  /** a 10-byte payload naming {@code n}: "env-000042". */
  static byte[] payload(long n) {
    return String.format(Locale.ROOT, "env-%06d", n).getBytes(StandardCharsets.US_ASCII);
  }

  static String text(SpoolRecord record) {
    return new String(record.payload(), StandardCharsets.US_ASCII);
  }

  /** options with room for {@code recordsPerSegment} records of {@link #payload} per segment. */
  static SpoolOptions segmentsOf(int recordsPerSegment, SpoolOptions.Fsync fsync) {
    return new SpoolOptions(1L << 30, (long) recordsPerSegment * RECORD_BYTES, fsync);
  }

  /** appends {@code payload(1..count)}. */
  static void appendNumbered(DiskSpool spool, int count) throws IOException {
    for (int i = 1; i <= count; i++) {
      spool.append(payload(i));
    }
  }

  /** walks every pending record with next(), without acknowledging. */
  static List<SpoolRecord> pending(DiskSpool spool) {
    List<SpoolRecord> out = new ArrayList<>();
    long after = 0;
    for (Optional<SpoolRecord> r = spool.next(after); r.isPresent(); r = spool.next(after)) {
      out.add(r.get());
      after = r.get().sequence();
    }
    return out;
  }

  static List<Long> sequences(List<SpoolRecord> records) {
    return records.stream().map(SpoolRecord::sequence).toList();
  }

  /** the segment file names in {@code dir}, sorted. */
  static List<String> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".seg"))
          .sorted()
          .toList();
    }
  }

  static Path segment(Path dir, long firstSequence) {
    return dir.resolve(Segment.fileName(firstSequence));
  }

  /** flips all bits of the byte at {@code offset}. */
  static void flipByte(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[Math.toIntExact(offset)] ^= (byte) 0xFF;
    Files.write(file, bytes);
  }

  /** cuts {@code file} to {@code length} bytes. */
  static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    }
  }
}
