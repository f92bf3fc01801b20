package io.cfxtrace.simulators.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * reads a recording line by line, plain or gzip (told apart by the gzip magic number, not by the
 * file name), numbering the lines from 1.
 *
 * <p>A recorder killed mid-write leaves a torn end: a last line without its line break, or a gzip
 * stream that stops early. The reader reports either through {@link Line#terminated()} and {@link
 * #tornAfter()} instead of failing, so replay can warn and go on with everything before it.
 */
public final class RecordingReader implements Closeable {

  /**
   * one line of the file.
   *
   * @param number the line number, from 1.
   * @param text the line without its line break.
   * @param terminated false for a last line that has no line break (a torn write).
   */
  public record Line(long number, String text, boolean terminated) {}

  private final BufferedReader in;
  private final @Nullable CutOff gzip;
  private long number;
  private long tornAfter = -1;
  private final StringBuilder buffer = new StringBuilder(4096);

  private RecordingReader(BufferedReader in, @Nullable CutOff gzip) {
    this.in = in;
    this.gzip = gzip;
  }

  /**
   * a gzip stream that ends where its input stops: a recorder killed mid-write leaves sync-flushed
   * blocks without the gzip trailer, and {@link GZIPInputStream} would throw away what it had
   * inflated of the last read; this hands it on and then reports the end.
   */
  private static final class CutOff extends java.io.FilterInputStream {
    private boolean cut;

    CutOff(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (cut) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (EOFException | ZipException e) {
        cut = true;
        return -1;
      }
    }
  }

  /**
   * opens a recording.
   *
   * @param file the file.
   * @return the reader.
   * @throws IOException if it cannot be opened, or a gzip header is broken.
   */
  public static RecordingReader open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    InputStream stream = raw;
    CutOff gzip = null;
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        gzip = new CutOff(new GZIPInputStream(raw, 64 * 1024));
        stream = gzip;
      } catch (EOFException | ZipException e) {
        raw.close();
        throw new IOException(file + ": the gzip header is incomplete or broken: " + e.getMessage(), e);
      }
    }
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    return new RecordingReader(new BufferedReader(new InputStreamReader(stream, decoder), 64 * 1024), gzip);
  }

  /**
   * the next line.
   *
   * @return the line, or null at the end of the file (or where a gzip stream stops early).
   * @throws IOException if the file cannot be read, or is not UTF-8.
   */
  public @Nullable Line next() throws IOException {
    buffer.setLength(0);
    try {
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          int len = buffer.length();
          if (len > 0 && buffer.charAt(len - 1) == '\r') {
            buffer.setLength(len - 1);
          }
          return new Line(++number, buffer.toString(), true);
        }
        buffer.append((char) c);
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException("line " + (number + 1) + ": not UTF-8 text (" + e + ")", e);
    }
    if (gzip != null && gzip.cut && tornAfter < 0) {
      tornAfter = number;
    }
    if (buffer.length() == 0) {
      return null;
    }
    return new Line(++number, buffer.toString(), false);
  }

  /**
   * where the gzip stream stopped early, if it did.
   *
   * @return the number of the last whole line before the cut, or -1 when the stream is complete.
   */
  public long tornAfter() {
    return tornAfter;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
