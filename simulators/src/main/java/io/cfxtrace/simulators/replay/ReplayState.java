package io.cfxtrace.simulators.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * the checkpoint of a replay, kept beside the recording ({@code FILE.replay-state}) so that an
 * interrupted replay can continue with {@code --resume}.
 *
 * <p>{@code linesDone} counts the lines from the start of the recording that are finished: their
 * envelope was accepted by the peer (for the ingest service: durably stored), or the line was
 * skipped. A replay stopped at any moment has published at least these lines, and perhaps some
 * after them; resuming republishes from {@code linesDone + 1}, and the overlap is harmless because
 * the store keeps one copy per UniqueID ({@code rekeySalt} makes re-keyed ids the same again).
 *
 * @param recording the recording's absolute path, for messages.
 * @param fingerprint SHA-256 of the recording's first 64 KiB and its size at the start, so a
 *     state is not applied to another recording.
 * @param linesDone lines finished, counted from the first.
 * @param rekeySalt the salt of re-keyed UniqueIDs, or null when UniqueIDs are kept.
 * @param updatedAt when the checkpoint was written.
 */
public record ReplayState(String recording, String fingerprint, long linesDone, @Nullable String rekeySalt, Instant updatedAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** checks the parts. */
  public ReplayState {
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (linesDone < 0) {
      throw new IllegalArgumentException("linesDone must be >= 0, was " + linesDone);
    }
  }

  /**
   * the default state file of a recording.
   *
   * @param recording the recording.
   * @return {@code <recording>.replay-state}.
   */
  public static Path defaultFile(Path recording) {
    return recording.resolveSibling(recording.getFileName() + ".replay-state");
  }

  /**
   * the fingerprint of a recording: its size at the start of the replay and the SHA-256 of its
   * first 64 KiB (enough to tell recordings apart without reading a large file twice).
   *
   * @param recording the file.
   * @return the fingerprint.
   * @throws IOException if it cannot be read.
   */
  public static String fingerprint(Path recording) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(recording)) {
      sha.update(in.readNBytes(64 * 1024));
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  /**
   * this state with another count.
   *
   * @param lines lines done.
   * @return the copy.
   */
  public ReplayState withLinesDone(long lines) {
    return new ReplayState(recording, fingerprint, lines, rekeySalt, Instant.now());
  }

  /**
   * reads a state file.
   *
   * @param file the file.
   * @return the state.
   * @throws IOException naming the file and what is wrong with it.
   */
  public static ReplayState read(Path file) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("the replay state " + file + " is not readable JSON (" + e.getMessage() + "); delete it or pass --restart", e);
    }
    if (n == null || !n.path("recording").isTextual() || !n.path("fingerprint").isTextual() || !n.path("linesDone").canConvertToLong()) {
      throw new IOException("the replay state " + file + " lacks recording, fingerprint or linesDone; delete it or pass --restart");
    }
    JsonNode salt = n.path("rekeySalt");
    Instant at;
    try {
      at = Instant.parse(n.path("updatedAt").asText());
    } catch (java.time.format.DateTimeParseException e) {
      at = Instant.EPOCH;
    }
    return new ReplayState(n.get("recording").asText(), n.get("fingerprint").asText(), n.get("linesDone").asLong(),
        salt.isTextual() ? salt.asText() : null, at);
  }

  /**
   * writes this state atomically (a temporary file moved over the old one), so a kill never leaves
   * half a state.
   *
   * @param file the file.
   * @throws IOException if it cannot be written.
   */
  public void write(Path file) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("recording", recording);
    n.put("fingerprint", fingerprint);
    n.put("linesDone", linesDone);
    if (rekeySalt != null) {
      n.put("rekeySalt", rekeySalt);
    } else {
      n.putNull("rekeySalt");
    }
    n.put("updatedAt", updatedAt.toString());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
