package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * a crash-safe, size-bounded, on-disk FIFO of envelopes awaiting settlement by the broker.
 *
 * <p>The publisher {@linkplain #append appends} each envelope before sending it, walks the
 * unacknowledged records with {@link #next(long)}, and {@linkplain #acknowledge acknowledges} a
 * record once the broker settled it <em>Accepted</em>. Records are delivered at least once and in
 * append order: after a crash a record may come back although it was acknowledged (receivers
 * de-duplicate by envelope UniqueID), but an unacknowledged record is never lost or reordered.
 *
 * <p><b>Durability.</b> With {@link SpoolOptions.Fsync#FSYNC_EACH} a record is on the device when
 * {@link #append} returns, and an acknowledgement that advances the watermark is on the device
 * when {@link #acknowledge} returns. With {@link SpoolOptions.Fsync#FSYNC_NONE} both are in the
 * operating system's page cache, which survives a crash or kill of the process but not power loss.
 *
 * <p><b>Acknowledgements</b> may arrive out of order. The spool persists only the <em>watermark</em>,
 * the highest sequence S such that every record up to S is acknowledged; acknowledgements above
 * a gap are held in memory until the gap closes. After a crash, and also after {@link #close()},
 * records acknowledged above a gap are therefore delivered again. Records at or below the
 * watermark never come back.
 *
 * <p><b>Space.</b> Records live in segment files of about {@link SpoolOptions#segmentBytes()}; a
 * segment is deleted once all its records are at or below the watermark and it is no longer the
 * one being appended to. {@link SpoolOptions#maxBytes()} bounds the bytes of the live segments,
 * which is what {@link #pendingBytes()} reports.
 *
 * <p><b>Recovery.</b> {@link #open} deletes fully acknowledged segments, verifies the checksum of
 * every remaining record, and truncates a torn last record of the last segment (as left by a power
 * loss during an append) with a warning. Any other damage throws {@link SpoolCorruptException}
 * rather than silently dropping records. The sequence number of a record lost in a torn tail is
 * given to the next record appended; no record that was durably stored (or acknowledged) ever
 * shares its sequence number with another.
 *
 * <p><b>Memory.</b> Payloads are read from disk when needed; only the most recently appended
 * records (up to 1 MiB of payload) are cached. The spool keeps per-segment bookkeeping and the set
 * of out-of-order acknowledgements, whose size is bounded by the deliveries in flight.
 *
 * <p><b>Threading.</b> All methods may be called from any thread; they are serialized on an
 * internal lock, so an {@link #append} waiting for the disk delays a concurrent {@link
 * #acknowledge}. Only one {@code DiskSpool} may use a directory at a time, across processes.
 */
public final class DiskSpool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

  /** the lock file held while the spool is open. */
  static final String LOCK_FILE_NAME = "spool.lock";

  /** the payload bytes of recently appended records kept in memory. */
  static final long CACHE_BYTES = 1L << 20;

  private final Object lock = new Object();
  private final Path directory;
  private final SpoolOptions options;
  private final boolean force;
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private final AckState ackState;

  /** live segments by first sequence, in order; the last one is {@link #active}, if any. */
  private final TreeMap<Long, Segment> segments = new TreeMap<>();

  private @Nullable Segment active;
  private long lastSequence;
  private long watermark;
  private final Set<Long> acknowledgedAboveWatermark = new HashSet<>();
  private long liveBytes;

  /** where the previous disk read ended, so that reading in order does not rescan a segment. */
  private @Nullable Segment cursorSegment;

  private long cursorPosition;
  private long cursorSequence;

  /** a read-only channel on a segment other than the active one. */
  private @Nullable Segment readSegment;

  private @Nullable FileChannel readChannel;

  private final Map<Long, SpoolRecord> cache = new HashMap<>();
  private long cacheFirst;
  private long cachedBytes;

  private boolean closed;
  private @Nullable IOException failure;

  private DiskSpool(
      Path directory,
      SpoolOptions options,
      FileChannel lockChannel,
      FileLock fileLock,
      AckState ackState,
      List<Segment> live,
      long lastSequence) {
    this.directory = directory;
    this.options = options;
    this.force = options.fsync() == SpoolOptions.Fsync.FSYNC_EACH;
    this.lockChannel = lockChannel;
    this.fileLock = fileLock;
    this.ackState = ackState;
    this.watermark = ackState.watermark();
    this.lastSequence = lastSequence;
    for (Segment s : live) {
      segments.put(s.firstSequence, s);
      liveBytes += s.size;
    }
    this.active = live.isEmpty() ? null : live.get(live.size() - 1);
    this.cacheFirst = lastSequence + 1;
  }

  /**
   * opens the spool in {@code directory}, creating the directory if needed and recovering what a
   * previous run left (see the class documentation). Unacknowledged records are then available
   * through {@link #next(long)}, in order.
   *
   * @param directory the spool directory; it should hold nothing but the spool's files.
   * @param options limits and durability; {@code maxBytes} may be lower than the space already in
   *     use, in which case appends fail until enough is acknowledged.
   * @return the open spool, which the caller must {@linkplain #close() close}.
   * @throws IOException if the directory cannot be created, is not a readable and writable
   *     directory, is locked by another process or another open {@code DiskSpool} (the message
   *     says "locked"), or cannot be read.
   * @throws SpoolCorruptException if the directory holds damage that recovery cannot repair
   *     without losing records.
   */
  public static DiskSpool open(Path directory, SpoolOptions options) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Path dir = directory.toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("spool directory " + dir + " exists but is not a directory", e);
    } catch (IOException e) {
      throw new IOException("cannot create spool directory " + dir + ": " + e, e);
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("spool directory " + dir + " is not a directory");
    }
    if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
      throw new IOException("spool directory " + dir + " is not readable and writable");
    }
    Path lockFile = dir.resolve(LOCK_FILE_NAME);
    FileChannel lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock fileLock;
    try {
      fileLock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      fileLock = null;
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw new IOException("cannot lock spool directory " + dir + " (" + lockFile + "): " + e, e);
    }
    if (fileLock == null) {
      lockChannel.close();
      throw new IOException(
          "spool directory "
              + dir
              + " is locked by another process or another open DiskSpool (lock file "
              + lockFile
              + "); a spool directory can be used by one publisher at a time");
    }
    try {
      return recover(dir, options, lockChannel, fileLock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(lockChannel, e);
      throw e;
    }
  }

  private static DiskSpool recover(
      Path dir, SpoolOptions options, FileChannel lockChannel, FileLock fileLock)
      throws IOException {
    Files.deleteIfExists(dir.resolve(AckState.TEMP_FILE_NAME));
    TreeMap<Long, Path> found = listSegments(dir);
    boolean force = options.fsync() == SpoolOptions.Fsync.FSYNC_EACH;
    long initialWatermark = found.isEmpty() ? 0 : found.firstKey() - 1;
    AckState ack = AckState.open(dir, force, initialWatermark);
    List<Segment> live = new ArrayList<>();
    try {
      if (ack.created() && !found.isEmpty()) {
        LOG.warn(
            "{} was missing; every record in spool directory {} will be delivered again",
            ack.file(),
            dir);
      }
      long w = ack.watermark();
      boolean anyKept = false;
      long previousLast = 0;
      List<Map.Entry<Long, Path>> entries = new ArrayList<>(found.entrySet());
      for (int i = 0; i < entries.size(); i++) {
        long first = entries.get(i).getKey();
        Path path = entries.get(i).getValue();
        boolean isLast = i == entries.size() - 1;
        if (!isLast && entries.get(i + 1).getKey() - 1 <= w) {
          deleteFile(path, "fully acknowledged");
          continue;
        }
        if (!anyKept && first > w + 1) {
          throw new SpoolCorruptException(
              path,
              0,
              "records "
                  + (w + 1)
                  + ".."
                  + (first - 1)
                  + " are missing: the acknowledged watermark is "
                  + w
                  + " but the oldest segment starts at "
                  + first);
        }
        if (anyKept && first != previousLast + 1) {
          throw new SpoolCorruptException(
              path,
              0,
              "the segment starts at sequence "
                  + first
                  + " but the previous one ends at "
                  + previousLast);
        }
        FileChannel channel =
            isLast
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ);
        Segment segment;
        try {
          segment = scan(channel, path, first, isLast);
        } catch (IOException | RuntimeException e) {
          closeQuietly(channel, e);
          throw e;
        }
        if (!isLast || segment.lastSequence < first) {
          channel.close();
        } else {
          segment.writeChannel = channel;
        }
        anyKept = true;
        previousLast = segment.lastSequence;
        if (segment.lastSequence < first) {
          deleteFile(path, "empty");
        } else {
          live.add(segment);
        }
      }
      long lastSequence = Math.max(w, previousLast);
      while (!live.isEmpty() && live.get(0).lastSequence <= w) {
        Segment s = live.remove(0);
        s.closeWriteChannel();
        deleteFile(s.path, "fully acknowledged");
      }
      if (!live.isEmpty()) {
        Segment newest = live.get(live.size() - 1);
        if (newest.writeChannel == null) {
          // the last file was empty and deleted: append to the newest segment with records
          newest.writeChannel =
              FileChannel.open(newest.path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
      }
      DiskSpool spool =
          new DiskSpool(dir, options, lockChannel, fileLock, ack, live, lastSequence);
      LOG.debug(
          "opened spool {}: {} pending records ({}..{}), {} bytes in {} segments",
          dir,
          lastSequence - w,
          w + 1,
          lastSequence,
          spool.liveBytes,
          live.size());
      return spool;
    } catch (IOException | RuntimeException e) {
      for (Segment s : live) {
        FileChannel c = s.writeChannel;
        if (c != null) {
          closeQuietly(c, e);
        }
      }
      closeQuietly(ack, e);
      throw e;
    }
  }

  private static TreeMap<Long, Path> listSegments(Path dir) throws IOException {
    TreeMap<Long, Path> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Segment.GLOB)) {
      for (Path file : files) {
        long first = Segment.parse(file.getFileName().toString());
        if (first < 0) {
          LOG.warn("ignoring unexpected file {} in spool directory {}", file.getFileName(), dir);
        } else {
          found.put(first, file);
        }
      }
    }
    return found;
  }

  /**
   * verifies every record of a segment; truncates a torn tail of the last segment.
   *
   * @return the segment, with {@code lastSequence < first} if it holds no record.
   */
  private static Segment scan(FileChannel channel, Path path, long first, boolean isLast)
      throws IOException {
    long size = channel.size();
    long position = 0;
    long sequence = first;
    while (position < size) {
      RecordFormat.Decoded record = RecordFormat.read(channel, position, size, true);
      String problem = record.problem();
      if (problem == null) {
        if (record.sequence() != sequence) {
          throw new SpoolCorruptException(
              path,
              position,
              "expected record " + sequence + " but found record " + record.sequence());
        }
        position += record.recordBytes();
        sequence++;
        continue;
      }
      if (!isLast) {
        throw new SpoolCorruptException(
            path, position, problem + " in a segment that is not the last one");
      }
      if (RecordFormat.validRecordAfter(channel, position + 1, size)) {
        throw new SpoolCorruptException(
            path, position, problem + ", and valid records follow it");
      }
      LOG.warn(
          "spool file {}: truncating a torn last record at offset {} ({}; {} bytes dropped)",
          path,
          position,
          problem,
          size - position);
      channel.truncate(position);
      channel.force(true);
      size = position;
    }
    return new Segment(first, path, sequence - 1, position, null);
  }

  /**
   * appends a record and returns it with its sequence number, which is one more than that of the
   * previous record appended (in this or an earlier run).
   *
   * <p>With {@link SpoolOptions.Fsync#FSYNC_EACH} the record is forced to the device before this
   * returns; with {@link SpoolOptions.Fsync#FSYNC_NONE} it is in the page cache. If this throws,
   * the record was not appended (a partial write is cut off again), and the next append reuses the
   * sequence number.
   *
   * @param payload the envelope bytes; copied, so the caller may reuse the array.
   * @return the stored record.
   * @throws SpoolFullException if the record would make the live segments exceed {@link
   *     SpoolOptions#maxBytes()}; nothing was written.
   * @throws IllegalArgumentException if the record alone is larger than {@link
   *     SpoolOptions#maxBytes()} and could never be stored.
   * @throws IOException if writing fails; if the partial write cannot be undone, every later
   *     append throws too, until the spool is reopened (which repairs it).
   * @throws IllegalStateException if the spool is closed.
   */
  public SpoolRecord append(byte[] payload) throws IOException {
    Objects.requireNonNull(payload, "payload");
    long recordBytes = RecordFormat.HEADER_BYTES + (long) payload.length;
    if (recordBytes > options.maxBytes()) {
      throw new IllegalArgumentException(
          "a record of "
              + payload.length
              + " payload bytes needs "
              + recordBytes
              + " bytes, more than maxBytes="
              + options.maxBytes()
              + "; it can never be spooled");
    }
    synchronized (lock) {
      ensureOpen();
      IOException broken = failure;
      if (broken != null) {
        throw new IOException(broken.getMessage(), broken);
      }
      Segment segment = active;
      boolean roll =
          segment == null
              || (segment.size > 0 && segment.size + recordBytes > options.segmentBytes());
      long reclaimable =
          roll && segment != null && segment.lastSequence <= watermark ? segment.size : 0;
      if (liveBytes - reclaimable + recordBytes > options.maxBytes()) {
        throw new SpoolFullException(options.maxBytes(), liveBytes, recordBytes);
      }
      long sequence = lastSequence + 1;
      if (roll) {
        segment = roll(sequence);
      }
      FileChannel channel = Objects.requireNonNull(segment.writeChannel, "active channel");
      ByteBuffer bytes = RecordFormat.encode(sequence, payload);
      try {
        SpoolIo.writeFully(channel, bytes, segment.size);
        if (force) {
          channel.force(false);
        }
      } catch (IOException e) {
        undoPartialWrite(segment, channel, e);
        throw e;
      }
      segment.size += recordBytes;
      segment.lastSequence = sequence;
      liveBytes += recordBytes;
      lastSequence = sequence;
      SpoolRecord record = new SpoolRecord(sequence, payload);
      cache(record);
      return record;
    }
  }

  private Segment roll(long firstSequence) throws IOException {
    Path path = directory.resolve(Segment.fileName(firstSequence));
    FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    if (force) {
      SpoolIo.forceDirectory(directory);
    }
    Segment previous = active;
    Segment segment = new Segment(firstSequence, path, firstSequence - 1, 0, channel);
    segments.put(firstSequence, segment);
    active = segment;
    if (previous != null) {
      try {
        previous.closeWriteChannel();
      } catch (IOException e) {
        LOG.warn("cannot close spool segment {}", previous.path, e);
      }
    }
    reclaim();
    return segment;
  }

  private void undoPartialWrite(Segment segment, FileChannel channel, IOException cause) {
    try {
      channel.truncate(segment.size);
    } catch (IOException e) {
      cause.addSuppressed(e);
      failure =
          new IOException(
              "spool "
                  + directory
                  + " is unusable: a failed append to "
                  + segment.path
                  + " could not be undone; reopen the spool to repair it",
              cause);
    }
  }

  /**
   * the first unacknowledged record with a sequence number greater than {@code afterSequence}, in
   * append order. Pass 0 (or any value below the first pending sequence) for the oldest pending
   * record, and the sequence of the record just returned for the one after it. Records
   * acknowledged out of order are skipped.
   *
   * <p>Reads the payload from disk unless it is among the recently appended records kept in
   * memory; reading forward from the previous call does not rescan the segment.
   *
   * @param afterSequence the sequence to start after.
   * @return the record, or empty if there is no unacknowledged record after {@code
   *     afterSequence}.
   * @throws UncheckedIOException if reading fails, wrapping {@link SpoolCorruptException} if the
   *     record on disk was damaged after the spool was opened.
   * @throws IllegalStateException if the spool is closed.
   */
  public Optional<SpoolRecord> next(long afterSequence) {
    synchronized (lock) {
      ensureOpen();
      long from = Math.max(afterSequence, watermark);
      if (from >= lastSequence) {
        return Optional.empty();
      }
      long target = from + 1;
      while (target <= lastSequence && acknowledgedAboveWatermark.contains(target)) {
        target++;
      }
      if (target > lastSequence) {
        return Optional.empty();
      }
      SpoolRecord cached = cache.get(target);
      if (cached != null) {
        return Optional.of(cached);
      }
      try {
        return Optional.of(readFromDisk(target));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read record " + target + " from spool " + directory + ": " + e.getMessage(), e);
      }
    }
  }

  private SpoolRecord readFromDisk(long target) throws IOException {
    Map.Entry<Long, Segment> entry = segments.floorEntry(target);
    if (entry == null) {
      throw new IllegalStateException("no segment holds pending record " + target);
    }
    Segment segment = entry.getValue();
    long position;
    long sequence;
    if (cursorSegment == segment && cursorSequence <= target) {
      position = cursorPosition;
      sequence = cursorSequence;
    } else {
      position = 0;
      sequence = segment.firstSequence;
    }
    FileChannel channel = readChannel(segment);
    while (true) {
      boolean wanted = sequence == target;
      RecordFormat.Decoded record = RecordFormat.read(channel, position, segment.size, wanted);
      String problem = record.problem();
      if (problem != null) {
        throw new SpoolCorruptException(segment.path, position, problem);
      }
      if (record.sequence() != sequence) {
        throw new SpoolCorruptException(
            segment.path,
            position,
            "expected record " + sequence + " but found record " + record.sequence());
      }
      position += record.recordBytes();
      if (wanted) {
        cursorSegment = segment;
        cursorPosition = position;
        cursorSequence = sequence + 1;
        return new SpoolRecord(sequence, Objects.requireNonNull(record.payload(), "payload"));
      }
      sequence++;
    }
  }

  private FileChannel readChannel(Segment segment) throws IOException {
    FileChannel writable = segment.writeChannel;
    if (writable != null) {
      return writable;
    }
    FileChannel current = readChannel;
    if (readSegment == segment && current != null) {
      return current;
    }
    closeReadChannel();
    FileChannel opened = FileChannel.open(segment.path, StandardOpenOption.READ);
    readChannel = opened;
    readSegment = segment;
    return opened;
  }

  private void closeReadChannel() {
    FileChannel c = readChannel;
    readChannel = null;
    readSegment = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("cannot close spool read channel", e);
      }
    }
  }

  /**
   * marks a record as settled, so that {@link #next(long)} no longer returns it. Acknowledgements
   * may come in any order; acknowledging a record twice, or one at or below the watermark, does
   * nothing.
   *
   * <p>When the acknowledgement advances the watermark, the new watermark is persisted (forced to
   * the device with {@link SpoolOptions.Fsync#FSYNC_EACH}) before this returns, and segments whose
   * records are all at or below it are deleted. An acknowledgement above a gap is only held in
   * memory: after a crash or {@link #close()} that record is delivered again.
   *
   * @param sequence the record's sequence number.
   * @throws IllegalArgumentException if no record with that sequence was ever appended.
   * @throws IOException if the watermark cannot be persisted; the acknowledgement is then not
   *     recorded and may be repeated.
   * @throws IllegalStateException if the spool is closed.
   */
  public void acknowledge(long sequence) throws IOException {
    synchronized (lock) {
      ensureOpen();
      if (sequence <= watermark) {
        return;
      }
      if (sequence > lastSequence) {
        throw new IllegalArgumentException(
            "record "
                + sequence
                + " was never appended to spool "
                + directory
                + "; the last sequence is "
                + lastSequence);
      }
      if (sequence != watermark + 1) {
        acknowledgedAboveWatermark.add(sequence);
        return;
      }
      long newWatermark = sequence;
      while (acknowledgedAboveWatermark.contains(newWatermark + 1)) {
        newWatermark++;
      }
      ackState.write(newWatermark);
      for (long s = sequence + 1; s <= newWatermark; s++) {
        acknowledgedAboveWatermark.remove(s);
      }
      watermark = newWatermark;
      while (!cache.isEmpty() && cacheFirst <= watermark) {
        SpoolRecord evicted = cache.remove(cacheFirst++);
        if (evicted != null) {
          cachedBytes -= evicted.payloadLength();
        }
      }
      reclaim();
    }
  }

  /** deletes the oldest segments while all their records are acknowledged, except the active one. */
  private void reclaim() {
    while (!segments.isEmpty()) {
      Segment oldest = segments.firstEntry().getValue();
      if (oldest == active || oldest.lastSequence > watermark) {
        return;
      }
      segments.pollFirstEntry();
      deleteSegment(oldest);
    }
  }

  private void deleteSegment(Segment segment) {
    if (readSegment == segment) {
      closeReadChannel();
    }
    if (cursorSegment == segment) {
      cursorSegment = null;
    }
    try {
      segment.closeWriteChannel();
    } catch (IOException e) {
      LOG.debug("cannot close spool segment {}", segment.path, e);
    }
    liveBytes -= segment.size;
    try {
      deleteFile(segment.path, "fully acknowledged");
    } catch (IOException e) {
      LOG.warn(
          "cannot delete fully acknowledged spool segment {}; the next open deletes it",
          segment.path,
          e);
    }
  }

  private static void deleteFile(Path path, String why) throws IOException {
    Files.deleteIfExists(path);
    LOG.debug("deleted {} spool segment {}", why, path);
  }

  private void cache(SpoolRecord record) {
    long size = record.payloadLength();
    if (size > CACHE_BYTES) {
      cache.clear();
      cachedBytes = 0;
      cacheFirst = record.sequence() + 1;
      return;
    }
    if (cache.isEmpty()) {
      cacheFirst = record.sequence();
    }
    cache.put(record.sequence(), record);
    cachedBytes += size;
    while (cachedBytes > CACHE_BYTES) {
      SpoolRecord evicted = cache.remove(cacheFirst++);
      if (evicted != null) {
        cachedBytes -= evicted.payloadLength();
      }
    }
  }

  /**
   * the number of unacknowledged records.
   *
   * @return records appended and not yet acknowledged.
   */
  public long pendingCount() {
    synchronized (lock) {
      return lastSequence - watermark - acknowledgedAboveWatermark.size();
    }
  }

  /**
   * the bytes the live segment files occupy, framing included; this is what {@link
   * SpoolOptions#maxBytes()} limits. It includes acknowledged records that share a segment with
   * unacknowledged ones or sit in the segment being appended to, so it does not drop to 0 when
   * every record is acknowledged; space is reclaimed one segment at a time.
   *
   * @return the bytes in use.
   */
  public long pendingBytes() {
    synchronized (lock) {
      return liveBytes;
    }
  }

  /**
   * the sequence of the oldest unacknowledged record, which {@code next(0)} returns.
   *
   * @return the sequence, or empty if every record is acknowledged.
   */
  public OptionalLong firstPendingSequence() {
    synchronized (lock) {
      return watermark < lastSequence ? OptionalLong.of(watermark + 1) : OptionalLong.empty();
    }
  }

  /**
   * the sequence of the most recently appended record, in this or an earlier run.
   *
   * @return the sequence, or 0 if nothing was ever appended.
   */
  public long lastSequence() {
    synchronized (lock) {
      return lastSequence;
    }
  }

  /**
   * the directory this spool uses.
   *
   * @return its absolute path.
   */
  public Path directory() {
    return directory;
  }

  /**
   * forces pending writes to the device (whatever the fsync policy), deletes every segment if all
   * records are acknowledged, and releases the directory lock. Acknowledgements above a gap are
   * forgotten (see the class documentation). Calling it again does nothing; any other method then
   * throws {@link IllegalStateException}, except the counters, which keep their last values.
   *
   * @throws IOException if forcing or closing a file fails; the lock is released and the files
   *     closed regardless.
   */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      IOException error = null;
      try {
        Segment segment = active;
        @Nullable FileChannel channel = segment == null ? null : segment.writeChannel;
        if (channel != null) {
          channel.force(false);
        }
        ackState.force();
        if (failure == null && watermark == lastSequence) {
          while (!segments.isEmpty()) {
            Segment s = segments.pollFirstEntry().getValue();
            deleteSegment(s);
          }
          active = null;
        }
      } catch (IOException e) {
        error = e;
      }
      error = releaseAll(error);
      if (error != null) {
        throw error;
      }
    }
  }

  /**
   * for tests: gives up the spool as a crash would, closing files and releasing the lock without
   * forcing or cleaning anything up.
   */
  void abandonForTest() {
    synchronized (lock) {
      closed = true;
      releaseAll(null);
    }
  }

  private @Nullable IOException releaseAll(@Nullable IOException error) {
    IOException e = error;
    closeReadChannel();
    for (Segment s : segments.values()) {
      try {
        s.closeWriteChannel();
      } catch (IOException x) {
        e = chain(e, x);
      }
    }
    try {
      ackState.close();
    } catch (IOException x) {
      e = chain(e, x);
    }
    try {
      fileLock.release();
    } catch (IOException x) {
      e = chain(e, x);
    }
    try {
      lockChannel.close();
    } catch (IOException x) {
      e = chain(e, x);
    }
    return e;
  }

  private static IOException chain(@Nullable IOException first, IOException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static void closeQuietly(AutoCloseable closeable, Throwable cause) {
    try {
      closeable.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("spool " + directory + " is closed");
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "DiskSpool["
          + directory
          + ", pending "
          + (lastSequence - watermark - acknowledgedAboveWatermark.size())
          + " records, "
          + liveBytes
          + " bytes]";
    }
  }
}
