package io.cfxtrace.endpoint.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * the persisted acknowledgement watermark, in {@code ack.state}: two fixed slots at offsets 0 and
 * 512, written alternately, each {@code int magic "CFXA", byte version 1, long generation, long
 * watermark, int CRC32 of the preceding 21 bytes}. The valid slot with the highest generation
 * wins, so a torn write of one slot leaves the previous value in the other. The file is created
 * complete through a temporary file and an atomic rename. Not thread-safe: {@link DiskSpool}
 * guards it.
 */
final class AckState implements Closeable {

  static final String FILE_NAME = "ack.state";
  static final String TEMP_FILE_NAME = "ack.state.tmp";

  private static final int SLOT_BYTES = 512;
  private static final int MAGIC = 0x43465841; // "CFXA"
  private static final byte VERSION = 1;
  private static final int BODY_BYTES = 4 + 1 + 8 + 8;
  private static final int RECORD_BYTES = BODY_BYTES + 4;

  private final Path file;
  private final FileChannel channel;
  private final boolean force;
  private final boolean created;
  private long generation;
  private long watermark;

  private AckState(
      Path file, FileChannel channel, boolean force, boolean created, long generation, long watermark) {
    this.file = file;
    this.channel = channel;
    this.force = force;
    this.created = created;
    this.generation = generation;
    this.watermark = watermark;
  }

  /**
   * opens {@code ack.state} in {@code directory}, creating it with {@code initialWatermark} if it
   * does not exist.
   *
   * @param force whether {@link #write(long)} forces the file to the device.
   * @throws SpoolCorruptException if neither slot is valid.
   */
  static AckState open(Path directory, boolean force, long initialWatermark) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    boolean created = false;
    if (!Files.exists(file)) {
      Path temp = directory.resolve(TEMP_FILE_NAME);
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer both = ByteBuffer.allocate(2 * SLOT_BYTES);
        both.put(encode(0, initialWatermark)).clear();
        SpoolIo.writeFully(out, both, 0);
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      SpoolIo.forceDirectory(directory);
      created = true;
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      ByteBuffer both = ByteBuffer.allocate(2 * SLOT_BYTES);
      SpoolIo.readFully(channel, both, 0);
      long bestGeneration = -1;
      long bestWatermark = 0;
      for (int slot = 0; slot < 2; slot++) {
        int at = slot * SLOT_BYTES;
        if (both.position() < at + RECORD_BYTES || both.getInt(at) != MAGIC) {
          continue;
        }
        CRC32 crc = new CRC32();
        crc.update(both.array(), at, BODY_BYTES);
        long gen = both.getLong(at + 5);
        long mark = both.getLong(at + 13);
        if (both.get(at + 4) == VERSION
            && (int) crc.getValue() == both.getInt(at + BODY_BYTES)
            && gen >= 0
            && mark >= 0
            && gen > bestGeneration) {
          bestGeneration = gen;
          bestWatermark = mark;
        }
      }
      if (bestGeneration < 0) {
        throw new SpoolCorruptException(
            file, 0, "neither copy of the acknowledgement watermark is valid");
      }
      return new AckState(file, channel, force, created, bestGeneration, bestWatermark);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static ByteBuffer encode(long generation, long watermark) {
    ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES);
    b.putInt(MAGIC).put(VERSION).putLong(generation).putLong(watermark);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, BODY_BYTES);
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  Path file() {
    return file;
  }

  /** whether {@link #open} had to create the file. */
  boolean created() {
    return created;
  }

  long watermark() {
    return watermark;
  }

  /** persists a new watermark in the older slot; on failure the previous value stays in force. */
  void write(long newWatermark) throws IOException {
    long gen = generation + 1;
    SpoolIo.writeFully(channel, encode(gen, newWatermark), (gen & 1) * SLOT_BYTES);
    if (force) {
      channel.force(false);
    }
    generation = gen;
    watermark = newWatermark;
  }

  /** forces whatever was written to the device, whatever the fsync policy. */
  void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
