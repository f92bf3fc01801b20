package io.cfxtrace.simulators.record;

import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * the sink of {@code ./cfx record}: writes every received message to a recording file ({@link
 * RecordingFormat}) and lets the endpoint settle the delivery only once its lines are written.
 *
 * <p>Lines are written by one thread, in the order messages arrive, and flushed to the operating
 * system before the delivery is settled (gzip with a sync flush), so a killed recorder leaves a
 * file that holds every accepted message, at worst followed by one torn line, which replay skips
 * with a warning. A power failure can still lose what the OS had not written yet: the file is not
 * fsynced per message.
 *
 * <p>With a message limit, messages after the limit are refused (the stage fails, so the endpoint
 * releases them: a broker redelivers them to someone else, a machine resends them later).
 */
public final class Recorder implements EnvelopeSink, AutoCloseable {

  private final Path file;
  private final boolean gzip;
  private final ExecutorService writer;
  /** the file, opened by {@link #start()} (or the first message) on the writer thread; null before. */
  private @Nullable Writer out;
  private final long maxMessages;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong envelopes = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final CompletableFuture<Void> limitReached = new CompletableFuture<>();
  private volatile boolean closed;

  private Recorder(Path file, boolean gzip, long maxMessages) {
    this.file = file;
    this.gzip = gzip;
    this.maxMessages = maxMessages;
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cfx-record-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * a recorder of a file, which is created (or truncated) only by {@link #start()}: a recording
   * whose listener cannot start leaves no empty file behind, and an existing file it was to
   * overwrite is kept.
   *
   * @param file the file; created, or truncated when {@code overwrite}.
   * @param gzip whether to gzip it.
   * @param overwrite whether an existing file may be replaced.
   * @param maxMessages the most messages to record, 0 for no limit.
   * @return the recorder.
   * @throws IOException if the file exists (without {@code overwrite}).
   */
  public static Recorder create(Path file, boolean gzip, boolean overwrite, long maxMessages) throws IOException {
    if (maxMessages < 0) {
      throw new IllegalArgumentException("the message limit must be >= 0, was " + maxMessages);
    }
    if (!overwrite && Files.exists(file)) {
      throw new IOException(file + " exists; pass --overwrite to replace it");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory; name a file");
    }
    return new Recorder(file, gzip, maxMessages);
  }

  /**
   * creates (or truncates) the file; call it once the listener or subscription is up. A message
   * that arrives first opens the file itself.
   *
   * @throws IOException if the file cannot be created.
   */
  public void start() throws IOException {
    try {
      writer.submit(() -> {
        openFile();
        return null;
      }).get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException("cannot create " + file + ": " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating " + file, e);
    } catch (RejectedExecutionException e) {
      throw new IOException("the recording of " + file + " is closed", e);
    }
  }

  /** on the writer thread. */
  private Writer openFile() throws IOException {
    Writer w = out;
    if (w != null) {
      return w;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    // a sync flush after each message makes what was accepted readable even if the process dies
    OutputStream stream = gzip ? new GZIPOutputStream(raw, 64 * 1024, true) : raw;
    w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    out = w;
    return w;
  }

  @Override
  public CompletionStage<Void> store(InboundMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the recording of " + file + " is closed"));
    }
    long n = reserved.incrementAndGet();
    if (maxMessages > 0 && n > maxMessages) {
      return CompletableFuture.failedFuture(new IllegalStateException("the recording has its " + maxMessages + " messages"));
    }
    List<String> lines;
    try {
      lines = RecordingFormat.lines(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    try {
      return CompletableFuture.runAsync(() -> write(lines, message), writer);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the recording of " + file + " is closed", e));
    }
  }

  private void write(List<String> lines, InboundMessage message) {
    try {
      Writer out = openFile();
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
    }
    envelopes.addAndGet(message.envelopes().size());
    undecodable.addAndGet(message.deadLetters().size());
    if (messages.incrementAndGet() == maxMessages) {
      limitReached.complete(null);
    }
  }

  /**
   * completes once the message limit is recorded (never without a limit).
   *
   * @return the stage.
   */
  public CompletableFuture<Void> limitReached() {
    return limitReached;
  }

  /**
   * messages written.
   *
   * @return the count.
   */
  public long messages() {
    return messages.get();
  }

  /**
   * envelopes written.
   *
   * @return the count.
   */
  public long envelopes() {
    return envelopes.get();
  }

  /**
   * undecodable payloads written.
   *
   * @return the count.
   */
  public long undecodable() {
    return undecodable.get();
  }

  /**
   * the recording file.
   *
   * @return the path.
   */
  public Path file() {
    return file;
  }

  /**
   * refuses further messages, writes those already accepted, and closes the file (finishing the
   * gzip stream); a recorder never started creates no file. Close the endpoint first, so no
   * message is accepted in between.
   *
   * @throws IOException if the file cannot be completed.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    writer.shutdown();
    try {
      if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IOException("writing the last messages to " + file + " took over 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while closing " + file, e);
    } finally {
      Writer w = out;
      if (w != null) {
        w.close();
      }
    }
  }
}
