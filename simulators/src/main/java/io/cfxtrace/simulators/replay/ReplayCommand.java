package io.cfxtrace.simulators.replay;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.simulators.record.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx replay FILE --to URI}: re-publishes a recording of {@code ./cfx record}.
 *
 * <p>Exit status: 0 when every line is done, 1 when the replay stopped at a bad line or a publish
 * failure, 2 for a usage error; Ctrl-C ends it like any interrupted program (130), with its state
 * written for {@code --resume}.
 */
@Command(
    name = "replay",
    header = "Re-publish a recording of ./cfx record to a CFX listener or broker address, at its recorded pace or faster.",
    description = "Publishes at the recorded pace times --speed, or --fast; UniqueIDs are kept (replaying into the same store stores"
        + " nothing twice) unless --rekey. Counts what the peer accepted; gives up when it accepts nothing for --give-up-after."
        + " Ctrl-C stops it; --resume continues where it stopped.",
    sortOptions = false,
    mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The recording (plain or gzip).")
  Path file;

  @Option(names = "--to", required = true, paramLabel = "URI",
      description = "Where to publish, e.g. amqp://localhost:5673/cfx (a cfx-trace listener) or amqp://user:secret@broker:5672/exchange/cfx.")
  String to;

  @Option(names = "--speed", paramLabel = "FACTOR", description = "Pace factor: 1 as recorded (default), 10 ten times faster, 0.5 half as fast.")
  double speed = 1.0;

  @Option(names = "--fast", description = "Publish as fast as the peer accepts, ignoring the recorded pace.")
  boolean fast;

  @Option(names = "--max-gap", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wait at most this long between two messages (skips nights and weekends in long recordings).")
  @Nullable Duration maxGap;

  @Option(names = "--clock", paramLabel = "received|event",
      description = "Pace by the receive time (default) or by the envelopes' TimeStamp.")
  Replayer.Clock clock = Replayer.Clock.RECEIVED;

  @Option(names = "--rekey", description = "Give every envelope a new UniqueID (derived from the original, stable across --resume).")
  boolean rekey;

  @Option(names = "--rekey-seed", paramLabel = "TEXT", description = "With --rekey: derive the new ids from TEXT, so two replays with one seed give the same ids.")
  @Nullable String rekeySeed;

  @Option(names = "--resume", description = "Continue an interrupted replay from its state file.")
  boolean resume;

  @Option(names = "--restart", description = "Start from the beginning even if a state file exists (it is overwritten).")
  boolean restart;

  @Option(names = "--state", paramLabel = "FILE", description = "The checkpoint file (default FILE.replay-state).")
  @Nullable Path state;

  @Option(names = "--skip-bad", description = "Skip lines that cannot be read, with a warning, instead of stopping there.")
  boolean skipBad;

  @Option(names = "--no-progress", description = "No progress bar (a summary line only).")
  boolean noProgress;

  @Option(names = "--give-up-after", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop when the peer has accepted nothing for this long while envelopes wait (default 60s; 10s, 5m, PT1M).")
  Duration giveUpAfter = Replayer.Options.GIVE_UP_AFTER;

  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (fast && speed != 1.0) {
      err.println("cfx replay: --fast and --speed exclude each other");
      return 2;
    }
    if (resume && restart) {
      err.println("cfx replay: --resume and --restart exclude each other");
      return 2;
    }
    if (rekeySeed != null && !rekey) {
      err.println("cfx replay: --rekey-seed needs --rekey");
      return 2;
    }
    Replayer.Options options;
    AmqpUri uri;
    try {
      options = new Replayer.Options(speed, fast, maxGap, clock, skipBad, 256, giveUpAfter);
      uri = AmqpUri.parse(to);
      uri.requireAddress();
    } catch (IllegalArgumentException e) {
      err.println("cfx replay: " + e.getMessage());
      return 2;
    }
    Path stateFile = state != null ? state : ReplayState.defaultFile(file);
    ReplayState start;
    try {
      start = Replayer.prepare(file, stateFile, resume, restart, rekey, rekeySeed);
      if (!skipBad && start.linesDone() == 0) {
        Replayer.checkIsRecording(file);
      }
    } catch (IOException e) {
      err.println("cfx replay: " + e.getMessage());
      return 2;
    }
    Path spool;
    try {
      spool = Files.createTempDirectory("cfx-replay-spool");
    } catch (IOException e) {
      err.println("cfx replay: cannot create a spool directory: " + e.getMessage());
      return 1;
    }
    Bar bar = new Bar(err, noProgress, options);
    Replayer replayer = new Replayer(file, stateFile, options, bar);
    Thread hook = new Thread(() -> {
      replayer.stop();
      try {
        finished.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cfx-replay-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return replay(err, uri, start, spool, bar, replayer, stateFile);
    } finally {
      // on every way out: a Ctrl-C hook still waiting must not hold the JVM
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down
      }
    }
  }

  private int replay(PrintWriter err, AmqpUri uri, ReplayState start, Path spool, Bar bar, Replayer replayer, Path stateFile) {
    CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Replay", null), CfxEndpoint.Options.defaults());
    Replayer.Result result;
    try {
      PublisherConfig config = new PublisherConfig("replay", uri, uri.requireAddress(), null, null, true, spool,
          SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 64, Duration.ZERO, ReconnectPolicy.defaults());
      err.println("cfx replay: " + file + " to " + uri.redacted() + (fast ? ", as fast as possible" : ", speed " + speed)
          + (start.rekeySalt() != null ? ", new UniqueIDs" : ", UniqueIDs kept")
          + (start.linesDone() > 0 ? ", resuming after line " + start.linesDone() : ""));
      err.flush();
      try (Publisher publisher = endpoint.publisher(config)) {
        result = replayer.run(publisher, start);
      }
    } catch (IOException e) {
      bar.close();
      err.println("cfx replay: " + e.getMessage());
      return 1;
    } finally {
      endpoint.close();
      deleteQuietly(spool);
    }
    bar.close();
    if (result.undecodable() > 0) {
      err.println("cfx replay: " + result.undecodable() + " undecodable payloads in the recording were not re-published"
          + " (the publisher sends envelopes only; the recording keeps their bytes)");
    }
    // what the peer settled as accepted, not what was handed to the publisher: a peer that is down
    // or silent accepts nothing, however much was sent
    long unconfirmed = result.published() - result.accepted();
    String counts = result.accepted() + " envelopes accepted by " + uri.redacted()
        + (unconfirmed > 0 ? " (" + unconfirmed + " more sent, not confirmed)" : "") + ", " + result.linesDone() + " of " + result.totalLines()
        + " lines done" + (result.skippedBad() > 0 ? ", " + result.skippedBad() + " lines skipped" : "");
    String resumeHint = Files.exists(stateFile)
        ? "; state in " + stateFile + " (--resume continues after line " + result.linesDone() + ")"
        : "; nothing to resume, no state file kept";
    int status;
    if (result.error() != null) {
      err.println("cfx replay: stopped: " + result.error());
      err.println("cfx replay: " + counts + resumeHint);
      status = 1;
    } else if (!result.complete()) {
      err.println("cfx replay: interrupted: " + counts + resumeHint);
      status = 130;
    } else {
      err.println("cfx replay: done: " + counts);
      status = 0;
    }
    err.flush();
    return status;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a temporary directory: left for the OS to clean
        }
      });
    } catch (IOException e) {
      // same
    }
  }

  /** the progress bar (me.tongfei:progressbar): lines done, rate, and an ETA from the recorded pace. */
  static final class Bar implements Replayer.Listener {
    private final PrintWriter err;
    private final boolean off;
    private final Replayer.Options options;
    private volatile @Nullable ProgressBar bar;
    private volatile @Nullable Instant last;
    private volatile @Nullable Instant current;

    Bar(PrintWriter err, boolean off, Replayer.Options options) {
      this.err = err;
      this.off = off;
      this.options = options;
    }

    @Override
    public void started(long totalLines, long linesDone, @Nullable Instant lastRecordedTime) {
      last = lastRecordedTime;
      if (off) {
        return;
      }
      bar = new ProgressBarBuilder()
          .setTaskName("replay")
          .setInitialMax(totalLines)
          .startsFrom(linesDone, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" msg", 1)
          .showSpeed()
          .setUpdateIntervalMillis(250)
          .setEtaFunction(this::eta)
          .build();
    }

    private Optional<Duration> eta(ProgressState s) {
      // the peer's rate so far, and, when paced, what is left of the recording at the replay speed:
      // the replay cannot end before either
      Optional<Duration> linear = Optional.empty();
      long doneNow = s.getCurrent() - s.getStart();
      if (doneNow > 0) {
        linear = Optional.of(Duration.ofNanos((long) ((double) s.getElapsedAfterStart().toNanos() / doneNow * (s.getMax() - s.getCurrent()))));
      }
      Instant end = last;
      Instant now = current;
      if (options.fast() || end == null || now == null || options.maxGap() != null) {
        return linear;
      }
      Duration left = Duration.between(now, end);
      Duration paced = left.isNegative() ? Duration.ZERO : Duration.ofNanos((long) (left.toNanos() / options.speed()));
      return Optional.of(linear.filter(l -> l.compareTo(paced) > 0).orElse(paced));
    }

    @Override
    public void published(long line, Instant recordedTime) {
      current = recordedTime;
    }

    @Override
    public void settled(long linesDone) {
      ProgressBar b = bar;
      if (b != null) {
        b.stepTo(linesDone);
      }
    }

    @Override
    public void warning(String text) {
      synchronized (err) {
        err.println();
        err.println("cfx replay: warning: " + text);
        err.flush();
      }
    }

    void close() {
      ProgressBar b = bar;
      if (b != null) {
        b.close();
        bar = null;
      }
    }
  }
}
