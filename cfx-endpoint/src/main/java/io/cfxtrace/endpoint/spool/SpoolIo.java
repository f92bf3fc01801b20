package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** small file helpers shared by the spool classes; stateless. */
final class SpoolIo {

  private static final Logger LOG = LoggerFactory.getLogger(SpoolIo.class);

  private SpoolIo() {}

  /** writes all of {@code src} at {@code position}. */
  static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
    long p = position;
    while (src.hasRemaining()) {
      p += channel.write(src, p);
    }
  }

  /**
   * fills {@code dst} from {@code position}.
   *
   * @return false if the end of the file came first.
   */
  static boolean readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
    long p = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, p);
      if (n < 0) {
        return false;
      }
      p += n;
    }
    return true;
  }

  /**
   * makes the creation, renaming or deletion of files in {@code directory} durable. Best effort:
   * some platforms (Windows) cannot open a directory, which is logged at debug level and ignored.
   */
  static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {} to disk; relying on the file system", directory, e);
    }
  }
}
