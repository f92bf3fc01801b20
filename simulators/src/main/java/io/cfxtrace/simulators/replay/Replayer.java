package io.cfxtrace.simulators.replay;

import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.simulators.record.RecordedLine;
import io.cfxtrace.simulators.record.RecordingFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * re-publishes a recording ({@link RecordingFormat}) through a {@link Publisher}, at the recorded
 * pace times a speed factor or as fast as the peer accepts, keeping a checkpoint ({@link
 * ReplayState}) so that an interrupted replay can be resumed.
 *
 * <p>UniqueIDs are kept unless a rekey salt is given; then each becomes a name-based UUID of the
 * salt and the original id, the same on every run with that salt, so a resumed replay stays
 * idempotent. Undecodable payloads in the recording are counted and not re-published: the
 * publisher sends envelopes only. A line that cannot be read stops the replay naming its number,
 * or is skipped with a warning when {@link Options#skipBad()}; a torn last line (the recorder was
 * killed) is skipped with a warning.
 *
 * <p>Not thread-safe: one {@link #run} per instance; {@link #stop()} may be called from any thread.
 */
public final class Replayer {

  private static final Pattern RECEIVED_AT = Pattern.compile("^\\{\"receivedAt\":\"([^\"]+)\"");

  /** which time paces the replay. */
  public enum Clock {
    /** when the recorder received each message. */
    RECEIVED,
    /** the envelope TimeStamp (when the event happened at the machine); receive time where it has none. */
    EVENT
  }

  /**
   * how to replay.
   *
   * @param speed the pace factor: 1 as recorded, 2 twice as fast; ignored when {@code fast}.
   * @param fast publish as fast as the peer accepts.
   * @param maxGap the longest wait between two messages, or null for the recorded gaps.
   * @param clock which time paces the replay.
   * @param skipBad skip unreadable lines with a warning instead of stopping.
   * @param maxUnsettled envelopes published and not yet accepted, at most.
   * @param giveUpAfter how long the peer may accept nothing while envelopes wait before the replay
   *     stops with an error: the publisher retries a peer that is down or silent for ever, a replay
   *     must end.
   */
  public record Options(
      double speed, boolean fast, @Nullable Duration maxGap, Clock clock, boolean skipBad, int maxUnsettled, Duration giveUpAfter) {

    /** the default of {@link #giveUpAfter()}. */
    public static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    /** checks the settings. */
    public Options {
      if (!fast && !(speed > 0 && Double.isFinite(speed))) {
        throw new IllegalArgumentException("--speed must be a positive number, was " + speed);
      }
      if (maxGap != null && maxGap.isNegative()) {
        throw new IllegalArgumentException("--max-gap must not be negative, was " + maxGap);
      }
      Objects.requireNonNull(clock, "clock");
      if (maxUnsettled < 1) {
        throw new IllegalArgumentException("maxUnsettled must be >= 1, was " + maxUnsettled);
      }
      Objects.requireNonNull(giveUpAfter, "giveUpAfter");
      if (giveUpAfter.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("--give-up-after must be at least 1 s, was " + giveUpAfter);
      }
    }

    /**
     * options that give up after {@link #GIVE_UP_AFTER}.
     *
     * @param speed the pace factor.
     * @param fast publish as fast as the peer accepts.
     * @param maxGap the longest wait between two messages, or null.
     * @param clock which time paces the replay.
     * @param skipBad skip unreadable lines.
     * @param maxUnsettled envelopes published and not yet accepted, at most.
     */
    public Options(double speed, boolean fast, @Nullable Duration maxGap, Clock clock, boolean skipBad, int maxUnsettled) {
      this(speed, fast, maxGap, clock, skipBad, maxUnsettled, GIVE_UP_AFTER);
    }

    /**
     * as fast as possible, stopping at a bad line.
     *
     * @return the options.
     */
    public static Options asFastAsPossible() {
      return new Options(1.0, true, null, Clock.RECEIVED, false, 256);
    }
  }

  /** what a replay reports while it runs; called from the replaying thread and network threads. */
  public interface Listener {

    /**
     * the replay starts.
     *
     * @param totalLines lines in the recording.
     * @param linesDone lines already done (resumed).
     * @param lastRecordedTime the receive time of the last line, or null if unknown.
     */
    default void started(long totalLines, long linesDone, @Nullable Instant lastRecordedTime) {}

    /**
     * an envelope was handed to the publisher.
     *
     * @param line its line number.
     * @param recordedTime its pacing time.
     */
    default void published(long line, Instant recordedTime) {}

    /**
     * the finished prefix of the recording grew.
     *
     * @param linesDone lines finished from the start.
     */
    default void settled(long linesDone) {}

    /**
     * something worth telling that does not stop the replay.
     *
     * @param text the warning.
     */
    default void warning(String text) {}
  }

  /**
   * how a replay ended.
   *
   * @param complete every line is done (the state file was removed).
   * @param linesDone lines finished from the start (what a resume skips).
   * @param totalLines lines in the recording.
   * @param published envelopes handed to the publisher in this run.
   * @param accepted envelopes of this run the peer settled as accepted (for the ingest service:
   *     stored); what was published and not accepted was not confirmed when the replay ended.
   * @param skippedBad unreadable lines skipped ({@code --skip-bad}) or torn.
   * @param undecodable undecodable payloads in the recording, not re-published.
   * @param error why the replay stopped early, or null when it completed or was stopped.
   */
  public record Result(
      boolean complete, long linesDone, long totalLines, long published, long accepted, long skippedBad, long undecodable, @Nullable String error) {}

  private final Path recording;
  private final Path stateFile;
  private final Options options;
  private final Listener listener;
  private final CfxCodec codec = new CfxCodec();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<String> failure = new AtomicReference<>();
  /** the peer accepted nothing for {@link Options#giveUpAfter()}: what is in flight is not waited for. */
  private volatile boolean gaveUp;

  /**
   * a replay of one recording.
   *
   * @param recording the recording.
   * @param stateFile where the checkpoint is kept.
   * @param options how to replay.
   * @param listener progress and warnings.
   */
  public Replayer(Path recording, Path stateFile, Options options, Listener listener) {
    this.recording = Objects.requireNonNull(recording, "recording");
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * the state a replay starts from: a fresh one, or the checkpoint of an interrupted replay of the
   * same recording.
   *
   * @param recording the recording.
   * @param stateFile its state file.
   * @param resume continue from the state file, if there is one.
   * @param restart ignore (and overwrite) a state file.
   * @param rekey give the envelopes new UniqueIDs.
   * @param rekeySeed the salt of the new ids, or null for a random one (kept in the state file).
   * @return the state.
   * @throws IOException naming the problem: a state file exists without --resume or --restart, it
   *     belongs to another recording, or its rekey mode differs.
   */
  public static ReplayState prepare(Path recording, Path stateFile, boolean resume, boolean restart, boolean rekey, @Nullable String rekeySeed)
      throws IOException {
    if (!Files.isRegularFile(recording)) {
      throw new IOException("no recording " + recording);
    }
    String fingerprint = ReplayState.fingerprint(recording);
    String salt = rekey ? (rekeySeed != null ? rekeySeed : UUID.randomUUID().toString()) : null;
    ReplayState fresh = new ReplayState(recording.toAbsolutePath().toString(), fingerprint, 0, salt, Instant.now());
    if (restart || !Files.exists(stateFile)) {
      if (resume && !Files.exists(stateFile)) {
        throw new IOException("nothing to resume: no replay state " + stateFile + " (run without --resume to start from the beginning)");
      }
      return fresh;
    }
    ReplayState saved = ReplayState.read(stateFile);
    if (!resume) {
      throw new IOException("an interrupted replay of this recording left " + stateFile + " (" + saved.linesDone()
          + " lines done): pass --resume to continue it, or --restart to start over");
    }
    if (!saved.fingerprint().equals(fingerprint)) {
      throw new IOException("the replay state " + stateFile + " belongs to another recording (" + saved.recording()
          + ", different content); pass --restart to start over");
    }
    if ((saved.rekeySalt() != null) != rekey) {
      throw new IOException("the interrupted replay " + (saved.rekeySalt() != null ? "re-keyed" : "kept") + " UniqueIDs; resume it "
          + (saved.rekeySalt() != null ? "with" : "without") + " --rekey, or pass --restart");
    }
    if (rekeySeed != null && !rekeySeed.equals(saved.rekeySalt())) {
      throw new IOException("the interrupted replay used another --rekey-seed; resume it with the same seed, or pass --restart");
    }
    return saved;
  }

  /**
   * checks that a file is a recording before anything connects: its first line must be a line of
   * {@link RecordingFormat}. An empty file is a recording with nothing in it.
   *
   * @param recording the file.
   * @throws IOException naming what the first line is instead.
   */
  public static void checkIsRecording(Path recording) throws IOException {
    try (RecordingReader reader = RecordingReader.open(recording)) {
      RecordingReader.Line first = reader.next();
      if (first == null) {
        return;
      }
      try {
        RecordingFormat.parse(first.text(), new CfxCodec().mapper());
      } catch (RecordingFormat.BadLineException e) {
        boolean envelope = first.text().contains("\"MessageName\"") && !first.text().contains("\"receivedAt\"");
        throw new IOException(recording + " is not a recording of ./cfx record: line 1 " + (envelope
            ? "is a CFX envelope, not a recording line (replay takes the files ./cfx record writes, one JSON object with \"receivedAt\" per line)"
            : "is not a recording line: " + e.getMessage()) + "; nothing was sent");
      }
    }
  }

  /**
   * the new UniqueID of a re-keyed envelope: a name-based UUID of the salt and the original id
   * (or the line number, for an envelope without one).
   *
   * @param salt the salt.
   * @param uniqueId the original id, or null.
   * @param line the line number.
   * @return the new id.
   */
  public static String rekey(String salt, @Nullable String uniqueId, long line) {
    String name = salt + "/" + (uniqueId != null ? uniqueId : "line-" + line);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** asks a running replay to stop; it writes its checkpoint and returns from {@link #run}. */
  public void stop() {
    stopped.countDown();
  }

  private boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /**
   * replays the recording from the state's position.
   *
   * @param publisher where to publish; not closed here.
   * @param state where to start (see {@link #prepare}).
   * @return how it ended.
   * @throws IOException if the recording or the state file cannot be read or written.
   */
  public Result run(Publisher publisher, ReplayState state) throws IOException {
    Scan scan = scan();
    listener.started(scan.lines(), Math.min(state.linesDone(), scan.lines()), scan.last());
    Progress progress = new Progress(state.linesDone());
    AtomicReference<ReplayState> checkpointed = new AtomicReference<>(state);
    ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cfx-replay-checkpoint");
      t.setDaemon(true);
      return t;
    });
    Semaphore unsettled = new Semaphore(options.maxUnsettled());
    Stall stall = new Stall();
    checkpointer.scheduleWithFixedDelay(() -> {
      checkpoint(checkpointed, progress.done());
      giveUpIfStalled(stall, publisher);
    }, 500, 500, TimeUnit.MILLISECONDS);
    long published = 0;
    long skippedBad = 0;
    long undecodable = 0;
    String error = null;
    try (RecordingReader reader = RecordingReader.open(recording)) {
      Instant previous = null;
      long virtualNanos = 0;
      long wallStart = 0;
      RecordingReader.Line line;
      while (!isStopped() && (line = reader.next()) != null) {
        long n = line.number();
        if (n <= state.linesDone()) {
          continue;
        }
        RecordedLine recorded;
        CfxEnvelope envelope;
        try {
          recorded = RecordingFormat.parse(line.text(), codec.mapper());
          envelope = recorded.envelope() == null ? null : decode(recorded);
        } catch (RecordingFormat.BadLineException e) {
          if (!line.terminated()) {
            listener.warning("line " + n + " is incomplete (the recording was cut off, probably by a kill): ignored");
            skippedBad++;
            progress.done(n, listener);
            continue;
          }
          String what = "line " + n + " of " + recording + ": " + e.getMessage();
          if (options.skipBad()) {
            listener.warning(what + " (skipped)");
            skippedBad++;
            progress.done(n, listener);
            continue;
          }
          error = what + " (pass --skip-bad to skip such lines)";
          break;
        }
        if (envelope == null) {
          undecodable++;
          progress.done(n, listener);
          continue;
        }
        if (state.rekeySalt() != null) {
          envelope = envelope.withUniqueId(rekey(state.rekeySalt(), envelope.uniqueId(), n));
        }
        Instant at = pacingTime(recorded, envelope);
        if (!options.fast()) {
          if (previous == null) {
            wallStart = System.nanoTime();
          } else {
            Duration gap = Duration.between(previous, at);
            if (gap.isNegative()) {
              gap = Duration.ZERO;
            }
            if (options.maxGap() != null && gap.compareTo(options.maxGap()) > 0) {
              gap = options.maxGap();
            }
            virtualNanos += gap.toNanos();
          }
          previous = at;
          if (!waitUntil(wallStart + (long) (virtualNanos / options.speed()))) {
            break;
          }
        }
        if (!acquire(unsettled)) {
          break;
        }
        published++;
        long lineNumber = n;
        String id = envelope.uniqueId();
        stall.sent();
        publisher.publish(envelope).whenComplete((ok, e) -> {
          stall.settled(e == null);
          if (e != null) {
            failure.compareAndSet(null, "line " + lineNumber + " (UniqueID " + id + ") was not published: " + e.getMessage());
            stop();
          } else {
            progress.done(lineNumber, listener);
          }
          // after the progress: a free permit tells the end of the run this line is accounted for
          unsettled.release();
        });
        listener.published(n, at);
      }
      if (reader.tornAfter() >= 0) {
        listener.warning("the gzip stream of " + recording + " ends early after line " + reader.tornAfter()
            + " (the recording was cut off, probably by a kill): the rest is ignored");
      }
    } finally {
      // what is in flight: wait for all of it when the file was read to the end; after a stop or
      // an error, give it a moment so the checkpoint is as far on as possible (the rest is resent
      // on resume)
      awaitInFlight(unsettled, error != null);
      checkpointer.shutdownNow();
    }
    if (error == null) {
      error = failure.get();
    }
    long done = progress.done();
    boolean complete = error == null && done >= scan.lines();
    // a checkpoint is kept only when there is something to resume: after a start that failed
    // (nothing accepted) the next try needs neither --resume nor --restart. Re-keyed envelopes
    // handed to the peer keep it, for their salt: the peer may have stored some unconfirmed.
    boolean worthKeeping = done > 0 || (state.rekeySalt() != null && published > 0);
    if (complete || !worthKeeping) {
      Files.deleteIfExists(stateFile);
    } else {
      checkpointed.get().withLinesDone(done).write(stateFile);
    }
    return new Result(complete, done, scan.lines(), published, stall.accepted(), skippedBad, undecodable, error);
  }

  /** stops the replay when the peer has accepted nothing for {@link Options#giveUpAfter()} while envelopes waited. */
  private void giveUpIfStalled(Stall stall, Publisher publisher) {
    long waiting = stall.waiting();
    if (waiting == 0 || System.nanoTime() - stall.lastMovement() < options.giveUpAfter().toNanos()) {
      return;
    }
    ChannelStatus status = publisher.status();
    String connection = switch (status.state()) {
      case CONNECTED -> "connected, but it settles nothing";
      case CONNECTING -> "still connecting (the peer does not answer)";
      case RECONNECTING -> "reconnecting after " + status.failedAttempts() + " failed attempts";
      case CLOSED -> "closed";
    };
    String error = status.lastError() == null ? "" : "; last error: " + status.lastError();
    if (failure.compareAndSet(null, "nothing accepted for " + seconds(options.giveUpAfter()) + " while " + waiting
        + " envelopes waited (--give-up-after); the connection to the peer is " + connection + error)) {
      gaveUp = true;
      stop();
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  /** envelopes handed to the publisher and not settled, and when the last one was sent into an idle link or settled. */
  private static final class Stall {
    private long waiting;
    private long accepted;
    private long lastMovement = System.nanoTime();

    synchronized void sent() {
      if (waiting == 0) {
        lastMovement = System.nanoTime();
      }
      waiting++;
    }

    synchronized void settled(boolean ok) {
      waiting--;
      accepted += ok ? 1 : 0;
      lastMovement = System.nanoTime();
    }

    synchronized long waiting() {
      return waiting;
    }

    synchronized long lastMovement() {
      return lastMovement;
    }

    synchronized long accepted() {
      return accepted;
    }
  }

  private void awaitInFlight(Semaphore unsettled, boolean failed) {
    long grace = TimeUnit.SECONDS.toNanos(5);
    long deadline = failed || isStopped() ? System.nanoTime() + grace : Long.MAX_VALUE;
    try {
      while (!unsettled.tryAcquire(options.maxUnsettled(), 100, TimeUnit.MILLISECONDS)) {
        if (gaveUp) {
          return;
        }
        if (deadline == Long.MAX_VALUE && isStopped()) {
          deadline = System.nanoTime() + grace;
        }
        if (System.nanoTime() > deadline) {
          return;
        }
      }
      unsettled.release(options.maxUnsettled());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CfxEnvelope decode(RecordedLine recorded) throws RecordingFormat.BadLineException {
    DecodeOutcome outcome = codec.decodeTree(Objects.requireNonNull(recorded.envelope()));
    if (outcome instanceof DecodeOutcome.Decoded d) {
      return d.envelope();
    }
    throw new RecordingFormat.BadLineException("the envelope does not decode: " + ((DecodeOutcome.Rejected) outcome).error());
  }

  private Instant pacingTime(RecordedLine recorded, CfxEnvelope envelope) {
    if (options.clock() == Clock.EVENT && envelope.timeStamp() != null && !envelope.timeStamp().isUnset()) {
      return envelope.timeStamp().toInstant(ZoneOffset.UTC);
    }
    return recorded.receivedAt();
  }

  private boolean waitUntil(long dueNanos) {
    long left = dueNanos - System.nanoTime();
    if (left <= 0) {
      return !isStopped();
    }
    try {
      return !stopped.await(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean acquire(Semaphore unsettled) {
    try {
      while (!isStopped()) {
        if (unsettled.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private void checkpoint(AtomicReference<ReplayState> last, long done) {
    ReplayState previous = last.get();
    if (previous.linesDone() == done) {
      return;
    }
    ReplayState next = previous.withLinesDone(done);
    try {
      next.write(stateFile);
      last.set(next);
    } catch (IOException e) {
      listener.warning("cannot write the replay state " + stateFile + ": " + e.getMessage());
    }
  }

  /** the lines of the recording and the receive time of the last one, read before replaying. */
  private record Scan(long lines, @Nullable Instant last) {}

  private Scan scan() throws IOException {
    long lines = 0;
    String last = null;
    try (RecordingReader reader = RecordingReader.open(recording)) {
      RecordingReader.Line line;
      while ((line = reader.next()) != null) {
        lines = line.number();
        Matcher m = RECEIVED_AT.matcher(line.text());
        if (m.find()) {
          last = m.group(1);
        }
      }
    }
    Instant lastTime = null;
    if (last != null) {
      try {
        lastTime = Instant.parse(last);
      } catch (DateTimeParseException e) {
        lastTime = null;
      }
    }
    return new Scan(lines, lastTime);
  }

  /** the finished prefix of the recording: lines complete out of order are held until the gap closes. */
  private static final class Progress {
    private long watermark;
    private final TreeSet<Long> ahead = new TreeSet<>();

    Progress(long start) {
      this.watermark = start;
    }

    void done(long line, Listener listener) {
      long now;
      synchronized (this) {
        if (line <= watermark) {
          return;
        }
        if (line != watermark + 1) {
          ahead.add(line);
          return;
        }
        watermark = line;
        while (!ahead.isEmpty() && ahead.first() == watermark + 1) {
          watermark = ahead.pollFirst();
        }
        now = watermark;
      }
      listener.settled(now);
    }

    synchronized long done() {
      return watermark;
    }
  }
}
