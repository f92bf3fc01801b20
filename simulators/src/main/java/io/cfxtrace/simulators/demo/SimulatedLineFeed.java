package io.cfxtrace.simulators.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.simulators.line.CfxInterlock;
import io.cfxtrace.simulators.line.Emission;
import io.cfxtrace.simulators.line.Interlock;
import io.cfxtrace.simulators.line.LineSimulator;
import io.cfxtrace.simulators.line.LineClaims;
import io.cfxtrace.simulators.line.SimulationPlan;
import io.cfxtrace.simulators.line.Station;
import io.cfxtrace.simulators.line.StationEndpoints;
import io.cfxtrace.simulators.line.StationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the demo's line: {@code ./cfx simulate}'s generator ({@link LineSimulator}) with its stations as
 * CFX endpoints ({@link StationEndpoints}), paced by a {@link Pacer}.
 *
 * <p>The line goes on where the last run stopped: the plan (seed, start time) and the number of
 * envelopes the listener accepted, counted from the first, are kept in {@code line.json} in the
 * feed's directory. The generator is deterministic, so a new run regenerates the same traffic,
 * skips what was accepted and publishes the rest; what was published but not yet counted when the
 * last run stopped is published again and stored once, because the UniqueIDs are the same. The
 * simulated clock therefore continues from the last run's simulated time, not from now.
 *
 * <p>The line's clock never runs ahead of real time ({@link DemoPace}): a new line starts {@link
 * #BACKLOG} in the past, publishes its first {@link #WARM_UP} at once, catches up at the demo's
 * speed and then runs in real time; a line that continues catches up from where it stopped the
 * same way.
 *
 * <p>The line holds its number for its target while it runs ({@link LineClaims}), so {@code ./cfx
 * simulate} into the demo's listener takes another.
 */
public final class SimulatedLineFeed implements LineFeed {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedLineFeed.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** boards the line builds before it stops (at 20x, days of demo). */
  public static final int BOARDS = 1_000_000;
  static final int PANEL_SIZE = 4;
  private static final int MAX_IN_FLIGHT = 2_000;

  /**
   * a new line starts this far in the (simulated) past, as if it had been running for that long
   * when the demo was started: the web UI has an hour of history at once (the last hour's yield,
   * timelines), caught up at the demo's speed.
   */
  static final java.time.Duration BACKLOG = java.time.Duration.ofHours(1);

  /**
   * a new line's first minutes, published at once: its first board is finished within seconds
   * instead of after its ten simulated minutes on the line.
   */
  static final java.time.Duration WARM_UP = java.time.Duration.ofMinutes(10);

  /** the demo line's number: Line1, serials SN-L1-..., reels RL-L1-.... */
  static final int LINE = 1;

  /** the interlock's answers, kept for a run that continues the line. */
  static final String ANSWERS = "interlock-answers.jsonl";

  private final Path directory;
  private final double speed;
  private final long seed;
  private final int boards;
  private final boolean asks;
  /** whether this run's line asks the interlock: a new line does (with {@code asks}), a line started without keeps without. */
  private boolean asking;
  private @Nullable CfxInterlock interlock;
  private final Semaphore window = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicReference<String> problem = new AtomicReference<>();
  private final TreeSet<Long> ahead = new TreeSet<>();
  private long accepted;
  private long savedAccepted = -1;
  private @Nullable SimulationPlan plan;
  private java.time.@Nullable Instant warmUpUntil;
  private @Nullable StationEndpoints endpoints;
  private @Nullable Thread publisher;
  private @Nullable ScheduledExecutorService checkpointer;
  private LineClaims.@Nullable Claim claim;
  /** the first envelope this run publishes (null when the line has finished), and the wall time at start. */
  private @Nullable Emission first;
  private java.time.Instant startedAt = java.time.Instant.EPOCH;
  private volatile boolean running;
  private final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);

  /**
   * a feed keeping its state in a directory.
   *
   * @param directory where {@code line.json} and the stations' spools are kept.
   * @param speed simulated seconds per wall second (0 for as fast as the listener accepts).
   * @param seed the seed of a new line; a line that already ran keeps its own.
   * @param boards boards the line builds before it stops ({@link #BOARDS} for the demo).
   */
  public SimulatedLineFeed(Path directory, double speed, long seed, int boards) {
    this(directory, speed, seed, boards, false);
  }

  /**
   * a feed keeping its state in a directory, whose stations ask the interlock first when {@code
   * asks} and the demo gives one (issue #15; {@link LineSimulator}'s interlock constructor). The
   * answers are kept in {@code interlock-answers.jsonl} in the directory, so that a run continuing
   * the line regenerates the same traffic ({@link CfxInterlock}); a line started without
   * interlocks continues without.
   *
   * @param directory where {@code line.json} and the stations' spools are kept.
   * @param speed simulated seconds per wall second (0 for as fast as the listener accepts).
   * @param seed the seed of a new line; a line that already ran keeps its own.
   * @param boards boards the line builds before it stops ({@link #BOARDS} for the demo).
   * @param asks whether a new line's stations ask the interlock.
   */
  public SimulatedLineFeed(Path directory, double speed, long seed, int boards, boolean asks) {
    this.asks = asks;
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("--speed must be a positive number, was " + speed);
    }
    this.directory = directory;
    this.speed = speed;
    this.seed = seed;
    this.boards = boards;
  }

  @Override
  public String description() {
    SimulationPlan p = plan;
    String catchUp = speed == 0 ? "as fast as the listener takes it" : "at " + String.format(Locale.ROOT, "%sx", trim(speed));
    String asked = !asking ? (asks && savedAccepted > 0 ? "; its stations do not ask the interlock (the line was started without; delete "
        + directory + " for a line that does)" : "") : "; ICT, FCT and the placers ask the interlock first";
    return "line Line" + LINE + " (" + StationKind.values().length + " stations: laser marker, printer, SPI, two placers, oven, AOI, rework,"
        + " ICT, FCT), panels of " + PANEL_SIZE + (p == null ? "" : ", seed " + p.seed()) + "; " + clockDescription(catchUp) + asked;
  }

  /** where the line's clock stands against real time, and how it gets there. */
  private String clockDescription(String catchUp) {
    Emission next = first;
    if (warmUpUntil != null) {
      return "it starts " + BACKLOG.toMinutes() + " simulated minutes ago: its first " + WARM_UP.toMinutes() + " minutes at once, the rest "
          + catchUp + ", then in real time (its clock never runs ahead of real time)";
    }
    String after = "continuing after " + savedAccepted + " envelopes";
    if (next == null) {
      return after + "; the line has built all its boards";
    }
    java.time.Duration behind = java.time.Duration.between(next.time(), startedAt);
    if (behind.isNegative()) {
      return after + ", but its clock is " + span(behind.negated()) + " ahead of real time (an older cfx-trace ran it ahead):"
          + " nothing new is published until then; delete " + directory + " to start a new line";
    }
    return after + ", " + span(behind) + " behind real time: it catches up " + catchUp + ", then runs in real time";
  }

  private static String span(java.time.Duration d) {
    long minutes = d.toMinutes();
    return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes >= 1 ? minutes + " min" : d.toSeconds() + " s";
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  @Override
  public String lastStation() {
    return Station.of(LINE, StationKind.FCT).handle();
  }

  @Override
  public void start(AmqpUri target) throws Exception {
    start(target, null);
  }

  @Override
  public void start(AmqpUri target, @Nullable AmqpUri interlocks) throws Exception {
    Files.createDirectories(directory);
    try {
      claim = LineClaims.claim(target, LINE, 1, "./cfx demo");
    } catch (LineClaims.LineTakenException e) {
      throw new IOException(e.getMessage() + ": the demo's line would share its names; stop that run first", e);
    }
    Path stateFile = directory.resolve("line.json");
    SimulationPlan p;
    if (Files.exists(stateFile)) {
      JsonNode n;
      try {
        n = JSON.readTree(stateFile.toFile());
        p = new SimulationPlan(1, boards, PANEL_SIZE, n.path("seed").asLong(), OffsetDateTime.parse(n.path("start").asText()));
      } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
        throw new IOException("the demo line's state " + stateFile + " is unreadable (" + e.getMessage() + "); delete it to start a new line", e);
      }
      savedAccepted = Math.max(0, n.path("accepted").asLong());
      asking = n.path("interlocks").asBoolean(false) && interlocks != null;
      if (n.path("interlocks").asBoolean(false) && interlocks == null) {
        throw new IOException("the demo line in " + directory + " asks an interlock, and none was given; delete it to start a new line");
      }
    } else {
      asking = asks && interlocks != null;
      Files.deleteIfExists(directory.resolve(ANSWERS));
      OffsetDateTime now = OffsetDateTime.now(java.time.Clock.systemDefaultZone()).truncatedTo(ChronoUnit.SECONDS);
      p = new SimulationPlan(1, boards, PANEL_SIZE, seed, now.minus(BACKLOG));
      warmUpUntil = p.start().plus(WARM_UP).toInstant();
      savedAccepted = 0;
    }
    plan = p;
    accepted = savedAccepted;
    save(stateFile, p, accepted);
    StationEndpoints stations = StationEndpoints.open(LineSimulator.stations(p),
        new StationEndpoints.Settings(target, true, "127.0.0.1", 0, directory.resolve("spool")));
    endpoints = stations;
    LineSimulator sim;
    if (asking) {
      CfxInterlock client = new CfxInterlock(stations::request, java.util.Objects.requireNonNull(interlocks), Demo.INTERLOCK_HANDLE,
          java.time.Duration.ofSeconds(10), this::awaitAccepted, e -> {}, directory.resolve(ANSWERS));
      interlock = client;
      sim = new LineSimulator(p, link -> {}, client, d -> {
        if (!d.accepted() && d.code() >= 0) {
          LOG.info("interlock: {} {} {}: {} ({})", d.station(), d.kind(), d.subject(), d.message(), d.action());
        }
      });
    } else {
      sim = new LineSimulator(p, link -> {});
    }
    for (long i = 0; i < savedAccepted && sim.hasNext(); i++) {
      sim.next();
    }
    first = sim.hasNext() ? sim.next() : null;
    startedAt = java.time.Instant.now();
    running = true;
    ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cfx-demo-line-state");
      t.setDaemon(true);
      return t;
    });
    saver.scheduleWithFixedDelay(() -> saveQuietly(stateFile, p), 1, 1, TimeUnit.SECONDS);
    checkpointer = saver;
    Thread t = new Thread(() -> publish(sim, stations), "cfx-demo-line");
    t.setDaemon(true);
    publisher = t;
    t.start();
  }

  /** before a station asks: everything published so far stored (the ingest listener settles what it stored). */
  private void awaitAccepted() {
    try {
      while (!window.tryAcquire(MAX_IN_FLIGHT, 1, TimeUnit.SECONDS)) {
        if (!running) {
          throw new Interlock.NoAnswerException("the demo line is stopping", null);
        }
      }
      window.release(MAX_IN_FLIGHT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interlock.NoAnswerException("interrupted", e);
    }
  }

  private void publish(LineSimulator sim, StationEndpoints stations) {
    DemoPace pace = new DemoPace(speed, warmUpUntil, java.time.Clock.systemUTC());
    long index = savedAccepted;
    try {
      for (Emission e = first; running && e != null; e = sim.hasNext() ? sim.next() : null) {
        Emission emission = e;
        long n = ++index;
        // waits on the stop signal rather than sleeping, and is never interrupted: an interrupt
        // during a spool write would close the spool's file channel
        long wait = pace.waitFor(e.time()).toNanos();
        if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
          return;
        }
        while (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          if (!running) {
            return;
          }
        }
        stations.publish(e.station(), e.envelope()).whenComplete((ok, error) -> {
          if (error != null) {
            problem.compareAndSet(null, emission.station() + " could not spool an envelope: " + error.getMessage());
          } else {
            accepted(n);
          }
          window.release();
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) {
        problem.compareAndSet(null, "the line simulator failed: " + e);
        LOG.error("the demo line stopped", e);
      }
    }
  }

  /** the count of accepted envelopes from the first grows only over an unbroken prefix. */
  private synchronized void accepted(long n) {
    if (n != accepted + 1) {
      ahead.add(n);
      return;
    }
    accepted = n;
    while (!ahead.isEmpty() && ahead.first() == accepted + 1) {
      accepted = ahead.pollFirst();
    }
  }

  private synchronized long acceptedSoFar() {
    return accepted;
  }

  private void saveQuietly(Path stateFile, SimulationPlan p) {
    try {
      save(stateFile, p, acceptedSoFar());
    } catch (IOException e) {
      LOG.warn("cannot write the demo line's state {}: {}", stateFile, e.getMessage());
    }
  }

  private void save(Path stateFile, SimulationPlan p, long accepted) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("seed", p.seed());
    n.put("start", p.start().toString());
    n.put("accepted", accepted);
    n.put("interlocks", asking);
    Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public @Nullable String problem() {
    String p = problem.get();
    if (p != null) {
      return p;
    }
    StationEndpoints s = endpoints;
    return s == null ? null : s.firstProblem();
  }

  @Override
  public void close() {
    running = false;
    stop.countDown();
    Thread t = publisher;
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ScheduledExecutorService saver = checkpointer;
    if (saver != null) {
      saver.shutdownNow();
    }
    StationEndpoints s = endpoints;
    if (s != null) {
      s.close();
    }
    CfxInterlock i = interlock;
    if (i != null) {
      i.close();
    }
    SimulationPlan p = plan;
    if (p != null) {
      saveQuietly(directory.resolve("line.json"), p);
    }
    LineClaims.Claim c = claim;
    if (c != null) {
      c.close();
    }
  }
}
