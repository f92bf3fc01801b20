package io.cfxtrace.simulators.line;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpointException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx simulate}: runs simulated SMT lines whose stations publish CFX to a broker address or
 * straight to a listener, and answer requests at their handles.
 *
 * <p>Exit status: 0 when every envelope was accepted by the target, 1 when some were not (the
 * target stayed unreachable, a spool or the truth file could not be written), 2 for a usage error.
 */
@Command(
    name = "simulate",
    header = "Simulate SMT lines whose stations publish CFX to a listener or broker, seeded and deterministic.",
    description = {
        "Simulate SMT lines publishing CFX, each station an endpoint of its own.",
        "Stations: laser marker, printer, SPI, two placers, reflow oven, AOI, rework, ICT, FCT. Each publishes to --target and"
            + " answers AreYouThere, WhoIsThere and GetEndpointInformation at its handle (Line1.SPI.SPI01, ...). Same --seed and"
            + " --first-line, same traffic. Lines are numbered from the lowest number no ./cfx demo or simulate running on this"
            + " machine publishes to the same --target under."},
    sortOptions = false)
public final class SimulateCommand implements Callable<Integer> {

  /** envelopes handed to the publishers and not yet accepted, at most, before the simulation waits. */
  static final int MAX_IN_FLIGHT = 10_000;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--target", paramLabel = "URI",
      description = "Broker address or listener: amqp[s]://[user:pass@]host[:port]/address (e.g. amqp://127.0.0.1:5673/cfx).")
  @Nullable String target;

  @Option(names = "--boards", paramLabel = "N", description = "Boards each line builds (default ${DEFAULT-VALUE}).")
  int boards = 100;

  @Option(names = "--panel-size", paramLabel = "N", description = "Boards per panel (default ${DEFAULT-VALUE}).")
  int panelSize = 4;

  @Option(names = "--lines", paramLabel = "N", description = "Lines, each with its own stations (default ${DEFAULT-VALUE}).")
  int lines = 1;

  @Option(names = "--first-line", paramLabel = "N",
      description = "Number of the first line: it names the stations (LineN.SPI.SPI01), serials (SN-LN-000001), panels, reels"
          + " (RL-LN-000001) and work orders. Default: the lowest number that no ./cfx demo or simulate running on this machine"
          + " publishes to the same target under (1 if none), so a simulation into a running demo makes a line of its own.")
  @Nullable Integer firstLine;

  @Option(names = "--carriers", paramLabel = "N",
      description = "Reusable carriers per line (default ${DEFAULT-VALUE}: each panel carries its own id). Panels travel on a pool of N"
          + " carriers named by the stations instead of the panel, so <carrier>#<position> names another board on every trip.")
  int carriers;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--speed", paramLabel = "X", description = "Simulated seconds per wall-clock second (default 1: real time).")
  @Nullable Double speed;

  @Option(names = "--fast", description = "As fast as the target accepts, no pacing.")
  boolean fast;

  @Option(names = "--no-gzip", description = "Send plain JSON bodies (the SDK gzips by default).")
  boolean noGzip;

  @Option(names = "--truth", paramLabel = "FILE",
      description = "Write the ground truth, one JSON line per material in a board: serial, panel, position, station, refdes, partNumber,"
          + " materialPackage, lot, exact, and carrier with --carriers; with --interlocks also one line per answer, starting {\"interlock\":.")
  @Nullable Path truth;

  @Option(names = "--start", paramLabel = "TIME", description = "Simulated start time, ISO-8601 with offset (default: now).")
  @Nullable String start;

  @Option(names = "--request-host", paramLabel = "HOST", description = "Interface the stations' request listeners bind to (default ${DEFAULT-VALUE}).")
  String requestHost = "127.0.0.1";

  @Option(names = "--request-port-base", paramLabel = "PORT",
      description = "First station's request port, the next one more (default ${DEFAULT-VALUE}: ports the system picks).")
  int requestPortBase;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS",
      description = "How long to wait for the target to accept envelopes before giving up (default ${DEFAULT-VALUE}).")
  long drainTimeout = 60;

  @Option(names = "--dry-run", description = "Generate only: no endpoints, nothing published (with --truth, the truth is written).")
  boolean dryRun;

  @Option(names = "--interlocks", paramLabel = "URI",
      description = "Stations ask cfx-trace's interlock listener first (e.g. amqp://127.0.0.1:5680): ICT and FCT send"
          + " ValidateUnitsRequest before they work, the placers ValidateStationSetupRequest before a reel is loaded or spliced on,"
          + " and act on the answer (a refused board goes to rework or out of the line, a refused reel is set aside). Some boards"
          + " the AOI failed then skip rework. The truth file records every answer and action.")
  @Nullable String interlocks;

  @Option(names = "--interlock-handle", paramLabel = "HANDLE", description = "The interlock's CFX handle (default ${DEFAULT-VALUE}).")
  String interlockHandle = "CfxTrace.Interlocks";

  @Option(names = "--interlock-transcript", paramLabel = "FILE",
      description = "With --interlocks: write each request and response envelope, one JSON line per question.")
  @Nullable Path interlockTranscript;

  @Override
  public Integer call() throws Exception {
    SimulationPlan plan = plan();
    AmqpUri uri = dryRun ? null : targetUri();
    AmqpUri interlockUri = interlockUri();
    double pace = pace();
    if (drainTimeout < 1) {
      throw usage("--drain-timeout must be at least 1 second, was " + drainTimeout);
    }
    if (requestPortBase < 0 || requestPortBase > 65535) {
      throw usage("--request-port-base must be within 0..65535, was " + requestPortBase);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LineClaims.Claim claim = null;
    if (uri != null) {
      try {
        claim = claimLines(plan, uri, out);
      } catch (IOException e) {
        err.println("cfx simulate: cannot claim line numbers in " + LineClaims.directory() + ": " + e.getMessage());
        return 1;
      }
      plan = plan.withFirstLine(claim.firstLine());
    }
    TruthFile opened;
    try {
      opened = TruthFile.open(truth);
    } catch (IOException e) {
      err.println("cfx simulate: cannot create the truth file " + truth + ": " + e.getMessage());
      if (claim != null) {
        claim.close();
      }
      return 1;
    }
    try (LineClaims.Claim held = claim; TruthFile truthFile = opened) {
      LateInterlock gate = interlockUri == null ? null : new LateInterlock();
      LineSimulator sim = new LineSimulator(plan, truthFile::write, gate, truthFile::write);
      int stations = LineSimulator.stations(plan).size();
      out.printf(Locale.ROOT, "cfx simulate: %d line%s (%s), %d stations, %d boards per line in panels of %d%s, seed %d, %s%s%n", plan.lines(),
          plan.lines() == 1 ? "" : "s", names(plan), stations, plan.boardsPerLine(), plan.panelSize(),
          plan.carriers() == 0 ? "" : " on " + plan.carriers() + " reusable carriers per line", plan.seed(),
          pace == 0 ? "as fast as possible" : pace == 1 ? "in real time" : "at " + pace + "x",
          uri == null ? " (dry run)" : ", to " + uri.redacted() + (noGzip ? " (plain JSON)" : " (gzip)"));
      out.flush();
      long t0 = System.nanoTime();
      if (interlockUri != null) {
        out.println("cfx simulate: the stations ask the interlock " + interlockHandle + " at " + interlockUri.redacted() + " before they work");
      }
      int status = uri == null ? drain(sim) : publish(plan, sim, uri, pace, out, err, gate, interlockUri);
      LineSimulator.Summary s = sim.summary();
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "%d boards in %d panels, %d envelopes, %s simulated, in %.1f s: %d splices, %d reel changes, %d paste changes,"
              + " %d AOI defects (%d repaired), %d boards disqualified, %d station faults%n",
          s.boards(), s.panels(), s.envelopes(), simulated(), seconds, s.splices(), s.reelChanges(), s.pasteChanges(), s.aoiDefects(),
          s.repaired(), s.disqualified(), s.faults());
      if (interlockUri != null) {
        out.printf(Locale.ROOT, "interlocks: %d boards refused, %d reels refused; %d AOI findings went on without rework%n", s.unitsRefused(),
            s.reelsRefused(), s.reworkSkipped());
      }
      if (plan.carriers() > 0) {
        out.printf(Locale.ROOT, "%d trips on a carrier that had carried an earlier panel%n", s.carrierReuses());
      }
      if (truth != null) {
        truthFile.close();
        out.printf(Locale.ROOT, "truth: %d links written to %s%n", s.truthLinks(), truth);
      }
      out.flush();
      return status;
    } catch (UncheckedIOException e) {
      err.println("cfx simulate: cannot write the truth file " + truth + ": " + e.getCause().getMessage());
      return 1;
    }
  }

  /**
   * the line numbers this run publishes under: --first-line's, or the lowest that no line running
   * on this machine publishes to the same target under ({@link LineClaims}).
   */
  private LineClaims.Claim claimLines(SimulationPlan plan, AmqpUri uri, PrintWriter out) throws IOException {
    if (firstLine != null) {
      try {
        return LineClaims.claim(uri, plan.firstLine(), plan.lines(), "./cfx simulate");
      } catch (LineClaims.LineTakenException e) {
        throw usage(e.getMessage() + "; pass another --first-line (or none, to take a free one)");
      }
    }
    return LineClaims.claimFree(uri, plan.lines(), "./cfx simulate", taken -> {
      out.println("cfx simulate: " + taken + "; taking the next line number (--first-line sets it)");
      out.flush();
    });
  }

  /** the lines' names and what their serials and reels are called. */
  private static String names(SimulationPlan plan) {
    int a = plan.firstLine();
    int b = a + plan.lines() - 1;
    String l = a == b ? String.valueOf(a) : a + ".." + b;
    return "Line" + l + ": serials SN-L" + l + "-*, reels RL-L" + l + "-*";
  }

  private SimulationPlan plan() {
    OffsetDateTime startTime;
    if (start == null) {
      // the local wall clock with its offset, as the SDK stamps envelopes
      startTime = OffsetDateTime.now(Clock.systemDefaultZone()).truncatedTo(ChronoUnit.SECONDS);
    } else {
      try {
        startTime = OffsetDateTime.parse(start);
      } catch (DateTimeParseException e) {
        throw usage("--start must be an ISO-8601 time with offset, e.g. 2026-05-04T06:00:00+02:00, was \"" + start + "\"");
      }
    }
    try {
      return new SimulationPlan(lines, boards, panelSize, seed, startTime, carriers, firstLine == null ? 1 : firstLine);
    } catch (IllegalArgumentException e) {
      throw usage("--" + e.getMessage().replaceFirst("^panel size", "panel-size").replaceFirst("^first line", "first-line"));
    }
  }

  private @Nullable AmqpUri interlockUri() {
    if (interlocks == null) {
      if (interlockTranscript != null) {
        throw usage("--interlock-transcript needs --interlocks");
      }
      return null;
    }
    if (dryRun) {
      throw usage("--interlocks needs a target: the answers read what the line published (drop --dry-run)");
    }
    try {
      return AmqpUri.parse(interlocks);
    } catch (IllegalArgumentException e) {
      throw usage("--interlocks: " + e.getMessage());
    }
  }

  private AmqpUri targetUri() {
    if (target == null) {
      throw usage("--target URI is required (or --dry-run), e.g. --target amqp://127.0.0.1:5673/cfx");
    }
    try {
      AmqpUri uri = AmqpUri.parse(target);
      uri.requireAddress();
      return uri;
    } catch (IllegalArgumentException e) {
      throw usage("--target: " + e.getMessage());
    }
  }

  /** simulated seconds per wall second; 0 for as fast as possible. */
  private double pace() {
    if (fast && speed != null) {
      throw usage("--fast and --speed exclude each other");
    }
    if (fast || dryRun) {
      return 0;
    }
    if (speed == null) {
      return 1;
    }
    if (!(speed > 0) || speed.isInfinite()) {
      throw usage("--speed must be a positive number, was " + speed);
    }
    return speed;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private int drain(LineSimulator sim) {
    boolean first = true;
    while (sim.hasNext()) {
      Emission e = sim.next();
      if (first) {
        firstTime = e.time();
        first = false;
      }
      lastTime = e.time();
    }
    return 0;
  }

  private Instant lastTime = Instant.EPOCH;
  private Instant firstTime = Instant.EPOCH;

  private String simulated() {
    Duration d = Duration.between(firstTime, lastTime);
    return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private int publish(SimulationPlan plan, LineSimulator sim, AmqpUri uri, double pace, PrintWriter out, PrintWriter err, @Nullable LateInterlock gate,
      @Nullable AmqpUri interlockUri) throws Exception {
    Path spool = Files.createTempDirectory("cfx-simulate-spool");
    StationEndpoints endpoints;
    try {
      endpoints = StationEndpoints.open(LineSimulator.stations(plan),
          new StationEndpoints.Settings(uri, !noGzip, requestHost, requestPortBase, spool));
    } catch (CfxEndpointException e) {
      err.println("cfx simulate: cannot start the stations' request listeners: " + e.getMessage());
      deleteTree(spool);
      return 1;
    }
    try {
      endpoints.requestUris().forEach((handle, at) -> out.println("  " + handle + " answers requests at " + at));
      out.flush();
      Semaphore window = new Semaphore(MAX_IN_FLIGHT);
      BufferedWriter transcript = null;
      if (gate != null && interlockUri != null) {
        BufferedWriter t = interlockTranscript == null ? null : Files.newBufferedWriter(interlockTranscript, StandardCharsets.UTF_8);
        transcript = t;
        CfxInterlock[] client = new CfxInterlock[1];
        client[0] = new CfxInterlock(endpoints::request, interlockUri, interlockHandle, Duration.ofSeconds(10), () -> awaitAccepted(window, endpoints),
            e -> {
              if (t != null) {
                try {
                  t.write(client[0].json(e));
                  t.write('\n');
                  t.flush();
                } catch (IOException x) {
                  throw new UncheckedIOException(x);
                }
              }
            }, null);
        gate.target = client[0];
      }
      AtomicLong accepted = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicReference<Throwable> firstFailure = new AtomicReference<>();
      Pacer pacer = new Pacer(plan.start().toInstant(), pace);
      long published = 0;
      long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean first = true;
      while (sim.hasNext()) {
        Emission e = sim.next();
        if (first) {
          firstTime = e.time();
          first = false;
        }
        lastTime = e.time();
        pacer.awaitDue(e.time());
        if (!window.tryAcquire(drainTimeout, TimeUnit.SECONDS)) {
          err.println("cfx simulate: the target accepted nothing for " + drainTimeout + " s; " + problem(endpoints)
              + "; stopping with " + endpoints.pending() + " envelopes unsent (kept in " + spool + ")");
          return 1;
        }
        endpoints.publish(e.station(), e.envelope()).whenComplete((v, error) -> {
          window.release();
          if (error == null) {
            accepted.incrementAndGet();
          } else {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, error);
          }
        });
        published++;
        if (System.nanoTime() > nextProgress) {
          LineSimulator.Summary s = sim.summary();
          out.printf(Locale.ROOT, "  ... %d envelopes published, %d accepted, %d of %d panels started, simulated time %s%n", published,
              accepted.get(), s.panels(), plan.panelsPerLine() * plan.lines(), e.time().atOffset(plan.start().getOffset()));
          out.flush();
          nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        }
      }
      if (!window.tryAcquire(MAX_IN_FLIGHT, drainTimeout, TimeUnit.SECONDS)) {
        err.println("cfx simulate: " + (published - accepted.get() - failed.get()) + " of " + published + " envelopes not accepted after "
            + drainTimeout + " s; " + problem(endpoints) + " (unsent envelopes kept in " + spool + ")");
        return 1;
      }
      if (failed.get() > 0) {
        err.println("cfx simulate: " + failed.get() + " of " + published + " envelopes could not be spooled: " + firstFailure.get().getMessage());
        return 1;
      }
      out.println("published " + published + " envelopes, all accepted by " + uri.redacted());
      if (transcript != null) {
        transcript.close();
      }
      return 0;
    } finally {
      long pending = endpoints.pending();
      endpoints.close();
      if (pending == 0) {
        deleteTree(spool);
      }
    }
  }

  /** everything published so far accepted (the ingest service settles only what it stored), before a station asks. */
  private void awaitAccepted(Semaphore window, StationEndpoints endpoints) {
    try {
      if (!window.tryAcquire(MAX_IN_FLIGHT, drainTimeout, TimeUnit.SECONDS)) {
        throw new Interlock.NoAnswerException("the target did not accept what the line published before the question within " + drainTimeout
            + " s; " + problem(endpoints), null);
      }
      window.release(MAX_IN_FLIGHT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interlock.NoAnswerException("interrupted while waiting for the target", e);
    }
  }

  /** the interlock client, made once the stations' endpoints run (the simulator asks nothing before its first step). */
  private static final class LateInterlock implements Interlock {
    @Nullable Interlock target;

    private Interlock target() {
      Interlock t = target;
      if (t == null) {
        throw new IllegalStateException("the simulator asked before the stations' endpoints were started");
      }
      return t;
    }

    @Override
    public io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse validateUnits(String station, Instant at,
        io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest request) {
      return target().validateUnits(station, at, request);
    }

    @Override
    public io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse validateSetup(String station, Instant at,
        io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest request) {
      return target().validateSetup(station, at, request);
    }
  }

  private static String problem(StationEndpoints endpoints) {
    String p = endpoints.firstProblem();
    return p == null ? "all publishers are connected" : p;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary spool left behind is harmless; nothing to report it to
    }
  }

  /** the truth file, written as the simulation decides; nothing when not asked for. */
  private static final class TruthFile implements AutoCloseable {
    private final @Nullable BufferedWriter writer;

    private TruthFile(@Nullable BufferedWriter writer) {
      this.writer = writer;
    }

    static TruthFile open(@Nullable Path file) throws IOException {
      if (file == null) {
        return new TruthFile(null);
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new TruthFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    void write(TruthLink link) {
      line(link.toJson());
    }

    void write(InterlockTruth decision) {
      line(decision.toJson());
    }

    private void line(String json) {
      if (writer == null) {
        return;
      }
      try {
        writer.write(json);
        writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
