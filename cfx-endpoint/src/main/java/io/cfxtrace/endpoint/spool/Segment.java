package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * one live segment file, {@code spool-<first sequence, 20 digits>.seg}, holding the contiguous
 * records {@code firstSequence..lastSequence} in {@code size} bytes. Mutable and not
 * thread-safe: {@link DiskSpool} guards it.
 */
final class Segment {

  private static final Pattern NAME = Pattern.compile("spool-(\\d{20})\\.seg");

  /** a glob matching segment file names and, possibly, strays that {@link #parse} rejects. */
  static final String GLOB = "spool-*.seg";

  final long firstSequence;
  final Path path;
  long lastSequence;
  long size;

  /** open for reading and writing while this is the segment being appended to; else null. */
  @Nullable FileChannel writeChannel;

  Segment(long firstSequence, Path path, long lastSequence, long size, @Nullable FileChannel channel) {
    this.firstSequence = firstSequence;
    this.path = path;
    this.lastSequence = lastSequence;
    this.size = size;
    this.writeChannel = channel;
  }

  static String fileName(long firstSequence) {
    return String.format(Locale.ROOT, "spool-%020d.seg", firstSequence);
  }

  /** the first sequence a file name stands for, or -1 if it is not a segment file name. */
  static long parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return -1;
    }
    try {
      long first = Long.parseLong(m.group(1));
      return first >= 1 ? first : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void closeWriteChannel() throws IOException {
    FileChannel c = writeChannel;
    writeChannel = null;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public String toString() {
    return path.getFileName() + "[" + firstSequence + ".." + lastSequence + ", " + size + " bytes]";
  }
}
