package io.cfxtrace.endpoint.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * the spool directory holds damage that cannot be repaired without losing records that were
 * reported as stored, for example a corrupt record followed by valid ones, a damaged record in a
 * segment other than the last, or a missing segment. A torn last record (as after power loss
 * during an append) is not such damage: it is truncated with a warning.
 *
 * <p>The spool refuses to open rather than silently drop records; an operator must move the
 * directory aside (keeping it for diagnosis) and start with an empty one.
 */
public final class SpoolCorruptException extends IOException {

  private static final long serialVersionUID = 1L;

  /** the damaged file, as a string because {@link Path} is not serializable. */
  private final String file;

  /** the offset of the damage in the file. */
  private final long offset;

  /**
   * creates the exception; the message names the file and the offset.
   *
   * @param file the damaged file.
   * @param offset the byte offset of the damage within the file.
   * @param reason what is wrong, starting lowercase.
   */
  public SpoolCorruptException(Path file, long offset, String reason) {
    super("corrupt spool file " + file + " at offset " + offset + ": " + reason);
    this.file = file.toString();
    this.offset = offset;
  }

  /**
   * the damaged file.
   *
   * @return its path.
   */
  public Path file() {
    return Path.of(file);
  }

  /**
   * where in {@link #file()} the damage starts.
   *
   * @return a byte offset.
   */
  public long offset() {
    return offset;
  }
}
