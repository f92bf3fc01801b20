package io.cfxtrace.ingest.store;

import io.cfxtrace.ingest.config.StoreConfiguration;
import io.cfxtrace.ingest.config.StoreConfiguration.RunJobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * runs the service's TimescaleDB compression and retention jobs from the service when TimescaleDB's
 * background workers do not.
 *
 * <p>Why: on PostgreSQL 15.20 with TimescaleDB 2.28 every background job ends with "cannot drop
 * portal "" while it is being set up" (SQLSTATE 24000); the job is recorded as failed and
 * rescheduled with growing back-off, while {@code CALL run_job(id)} from a session works. This
 * runner looks at the jobs every {@code cfx.store.run-jobs-interval} on a thread of its own and,
 * per {@code cfx.store.run-jobs}, runs those of the service's hypertables (policy_compression,
 * policy_retention in the current schema) that are due (see {@link #decide}).
 *
 * <p>{@code run_job} does not update {@code timescaledb_information.job_stats}, so the runner
 * remembers when it ran each job and runs it again only after the job's schedule interval. One run
 * at a time: one thread, a lock for {@link #runDue()} callers, and a PostgreSQL advisory lock so
 * that two ingest services on one store do not run the same jobs together.
 *
 * <p>Without TimescaleDB, or with {@code never}, the runner stays off and {@link #status()} says
 * why. Runs are logged, counted ({@code cfx.store.jobs.run{proc,outcome}}) and reported at
 * {@code /health} (TimescaleJobsHealthIndicator).
 */
@Requires(property = "cfx.ingest.enabled", value = "true", defaultValue = "true")
@Requires(beans = DataSource.class)
@Context
public class TimescaleJobRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TimescaleJobRunner.class);

  /** the advisory lock key (two int4) of the runner: 'cfx' and 'jobs' as numbers (PostgreSQL 15 has no hex literals). */
  private static final String ADVISORY = "6514296, 1785684595";

  /** the jobs of the service's hypertables, with what TimescaleDB last recorded of them. */
  private static final String JOBS =
      "select j.job_id, j.proc_name, j.hypertable_name, extract(epoch from j.schedule_interval)::bigint as interval_s, j.scheduled,"
          + " s.last_run_status, s.last_run_started_at, s.next_start"
          + " from timescaledb_information.jobs j left join timescaledb_information.job_stats s on s.job_id = j.job_id"
          + " where j.proc_name in ('policy_compression', 'policy_retention') and j.hypertable_schema = current_schema()"
          + " order by j.hypertable_name, j.proc_name";

  /**
   * a job as TimescaleDB records it.
   *
   * @param id the job id.
   * @param proc policy_compression or policy_retention.
   * @param table the hypertable.
   * @param scheduleInterval how often it should run.
   * @param scheduled false when an administrator paused it.
   * @param lastStatus Success or Failed of the last background run, null when it never ran.
   * @param lastStarted when the last background run started, if any.
   * @param nextStart when the background worker means to start it next, if known.
   */
  public record Job(int id, String proc, String table, Duration scheduleInterval, boolean scheduled, @Nullable String lastStatus,
      @Nullable Instant lastStarted, @Nullable Instant nextStart) {}

  /**
   * a job to run now and why.
   *
   * @param job the job.
   * @param reason why it is due, for the log.
   */
  public record Due(Job job, String reason) {}

  /**
   * what the runner decided.
   *
   * @param active whether the runner runs jobs at all.
   * @param reason why it is on or off.
   * @param due the jobs to run now.
   */
  public record Decision(boolean active, String reason, List<Due> due) {}

  /**
   * what the runner did with a job.
   *
   * @param job the job id.
   * @param proc its procedure.
   * @param table its hypertable.
   * @param at when the service started it.
   * @param reason why it was due.
   * @param outcome ok or failed.
   * @param error the database's message when it failed.
   * @param millis how long it took.
   */
  public record Run(int job, String proc, String table, Instant at, String reason, String outcome, @Nullable String error, long millis) {}

  /**
   * the runner's state for {@code /health}.
   *
   * @param mode the configured mode.
   * @param active whether it runs jobs.
   * @param reason why it is on or off.
   * @param lastCheck when it last looked at the jobs, if ever.
   * @param lastRuns the last run of each job it ran.
   * @param lastError the last failure to look at the jobs, if any.
   */
  public record Status(RunJobs mode, boolean active, String reason, @Nullable Instant lastCheck, List<Run> lastRuns, @Nullable String lastError) {}

  private final DataSource dataSource;
  private final RunJobs mode;
  private final Clock clock;
  private final @Nullable MeterRegistry registry;
  private final boolean timescale;
  private final String reason;
  private final ReentrantLock running = new ReentrantLock();
  private final Map<Integer, Instant> ranByUs = new ConcurrentHashMap<>();
  private final Map<Integer, Run> lastRuns = new ConcurrentHashMap<>();
  private final @Nullable ScheduledExecutorService executor;
  private volatile @Nullable Instant lastCheck;
  private volatile @Nullable String lastError;

  /**
   * the runner of the service: starts looking at the jobs when TimescaleDB is there and the mode
   * is not {@code never}.
   *
   * @param dataSource the store.
   * @param config the store settings.
   * @param policies the policies, registered before the runner starts (injected for the order).
   * @param registry the meter registry.
   * @throws SQLException if the store cannot be asked whether TimescaleDB is installed.
   */
  @Inject
  public TimescaleJobRunner(DataSource dataSource, StoreConfiguration config, TimescalePolicies policies, MeterRegistry registry)
      throws SQLException {
    this(DelegatingDataSource.unwrapDataSource(dataSource), config.runJobsMode(), config.runJobsInterval(), Clock.systemUTC(), registry, true);
  }

  /**
   * a runner.
   *
   * @param dataSource the store.
   * @param mode auto, always or never.
   * @param interval how often to look at the jobs.
   * @param clock the time.
   * @param registry where to count runs, or null.
   * @param schedule whether to look at the jobs on a thread of its own; false leaves it to {@link #runDue()} callers.
   * @throws SQLException if the store cannot be asked whether TimescaleDB is installed.
   */
  public TimescaleJobRunner(DataSource dataSource, RunJobs mode, Duration interval, Clock clock, @Nullable MeterRegistry registry, boolean schedule)
      throws SQLException {
    this.dataSource = dataSource;
    this.mode = mode;
    this.clock = clock;
    this.registry = registry;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select extversion from pg_extension where extname = 'timescaledb'")) {
      this.timescale = rs.next();
      String version = timescale ? rs.getString(1) : null;
      Decision off = decide(mode, timescale, List.of(), Map.of(), clock.instant());
      this.reason = off.active() ? "running the service's compression and retention jobs (" + mode.name().toLowerCase(java.util.Locale.ROOT)
          + ", TimescaleDB " + version + ") every " + interval : off.reason();
    }
    LOG.info("TimescaleDB job runner: {}", reason);
    if (schedule && timescale && mode != RunJobs.NEVER) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cfx-timescale-jobs");
        t.setDaemon(true);
        return t;
      });
      long ms = interval.toMillis();
      executor.scheduleWithFixedDelay(this::tick, Math.min(ms, 60_000), ms, TimeUnit.MILLISECONDS);
    } else {
      executor = null;
    }
  }

  /**
   * which jobs are due.
   *
   * <ul>
   *   <li>{@code never}, or no TimescaleDB: none, and the runner is off.
   *   <li>a job paused by an administrator ({@code scheduled = false}) never.
   *   <li>a job this service ran less than its schedule interval ago not again ({@code run_job}
   *       leaves job_stats as the background worker left them).
   *   <li>{@code always}: every other job.
   *   <li>{@code auto}: a job whose last background run failed, or that never ran, or whose next
   *       start is more than a schedule interval (at most an hour) in the past: the background
   *       worker should have started it by then.
   * </ul>
   *
   * @param mode the configured mode.
   * @param timescale whether TimescaleDB is installed in the store.
   * @param jobs the jobs.
   * @param ranByUs when the service last ran each job.
   * @param now the time.
   * @return the decision.
   */
  public static Decision decide(RunJobs mode, boolean timescale, List<Job> jobs, Map<Integer, Instant> ranByUs, Instant now) {
    if (mode == RunJobs.NEVER) {
      return new Decision(false, "off: cfx.store.run-jobs is never (TimescaleDB's background workers only)", List.of());
    }
    if (!timescale) {
      return new Decision(false, "off: TimescaleDB is not installed in this database, so there are no compression or retention jobs", List.of());
    }
    List<Due> due = new ArrayList<>();
    for (Job j : jobs) {
      if (!j.scheduled()) {
        continue;
      }
      Instant ours = ranByUs.get(j.id());
      if (ours != null && now.isBefore(ours.plus(j.scheduleInterval()))) {
        continue;
      }
      if (mode == RunJobs.ALWAYS) {
        due.add(new Due(j, "cfx.store.run-jobs is always"));
      } else if ("Failed".equalsIgnoreCase(j.lastStatus())) {
        due.add(new Due(j, "its last background run failed"));
      } else if (neverStarted(j) && ours == null && (j.nextStart() == null || j.nextStart().isBefore(now.minus(grace(j))))) {
        due.add(new Due(j, "it never ran"));
      } else if (j.nextStart() != null && j.nextStart().isBefore(now.minus(grace(j)))) {
        due.add(new Due(j, "overdue since " + j.nextStart()));
      }
    }
    return new Decision(true, "on (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")", due);
  }

  /** TimescaleDB records a job that never ran with no stats row, or with -infinity as its last start. */
  private static boolean neverStarted(Job j) {
    return j.lastStarted() == null || j.lastStarted().equals(Instant.MIN);
  }

  /** how late a job may start before it counts as overdue: its schedule interval, at most an hour. */
  private static Duration grace(Job j) {
    Duration hour = Duration.ofHours(1);
    return j.scheduleInterval().compareTo(hour) < 0 ? j.scheduleInterval() : hour;
  }

  private void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      // the thread must survive anything: the next tick tries again
      lastError = e.toString();
      LOG.warn("TimescaleDB job runner failed: {}", e.toString(), e);
    }
  }

  /**
   * looks at the jobs once and runs those due, one after the other; returns at once with no run
   * when another run is in progress.
   *
   * @return what was run (empty when nothing was due, the runner is off or busy).
   */
  public List<Run> runDue() {
    if (!timescale || mode == RunJobs.NEVER) {
      return List.of();
    }
    if (!running.tryLock()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true); // run_job commits per chunk: it must not run inside a transaction block
      if (!advisoryLock(c)) {
        LOG.debug("TimescaleDB jobs are being run by another session holding the runner's advisory lock");
        return List.of();
      }
      try {
        Instant now = clock.instant();
        lastCheck = now;
        Decision d = decide(mode, true, jobs(c), ranByUs, now);
        List<Run> runs = new ArrayList<>();
        for (Due due : d.due()) {
          runs.add(run(c, due));
        }
        lastError = null;
        return runs;
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("select pg_advisory_unlock(" + ADVISORY + ")");
        }
      }
    } catch (SQLException e) {
      lastError = "SQLState " + e.getSQLState() + ": " + e.getMessage();
      LOG.warn("TimescaleDB job runner could not read the jobs: {}", lastError);
      return List.of();
    } finally {
      running.unlock();
    }
  }

  private static boolean advisoryLock(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + ADVISORY + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private Run run(Connection c, Due due) {
    Job j = due.job();
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    String outcome = "ok";
    String error = null;
    try (Statement s = c.createStatement()) {
      s.execute("call run_job(" + j.id() + ")");
    } catch (SQLException e) {
      outcome = "failed";
      error = "SQLState " + e.getSQLState() + ": " + e.getMessage();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    ranByUs.put(j.id(), start); // a failed run too: retried after the job's interval, not hammered
    Run r = new Run(j.id(), j.proc(), j.table(), start, due.reason(), outcome, error, ms);
    lastRuns.put(j.id(), r);
    if (error == null) {
      LOG.info("TimescaleDB job {} ({} on {}) run by the service because {}: done in {} ms", j.id(), j.proc(), j.table(), due.reason(), ms);
    } else {
      LOG.warn("TimescaleDB job {} ({} on {}) run by the service because {} failed after {} ms: {}", j.id(), j.proc(), j.table(), due.reason(), ms,
          error);
    }
    if (registry != null) {
      Counter.builder("cfx.store.jobs.run").description("TimescaleDB jobs run by the service (CALL run_job)").tag("proc", j.proc())
          .tag("outcome", outcome).register(registry).increment();
    }
    return r;
  }

  /**
   * the service's jobs as TimescaleDB records them.
   *
   * @param c a connection to the store.
   * @return the jobs.
   * @throws SQLException as PostgreSQL reports it.
   */
  static List<Job> jobs(Connection c) throws SQLException {
    List<Job> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(JOBS)) {
      while (rs.next()) {
        out.add(new Job(rs.getInt("job_id"), rs.getString("proc_name"), rs.getString("hypertable_name"), Duration.ofSeconds(rs.getLong("interval_s")),
            rs.getBoolean("scheduled"), rs.getString("last_run_status"), instant(rs, "last_run_started_at"), instant(rs, "next_start")));
      }
    }
    return out;
  }

  /** a timestamptz that may be -infinity or infinity (TimescaleDB uses both). */
  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t == null) {
      return null;
    }
    if (t.equals(OffsetDateTime.MIN)) {
      return Instant.MIN;
    }
    if (t.equals(OffsetDateTime.MAX)) {
      return Instant.MAX;
    }
    return t.toInstant();
  }

  /** the runner's state, for {@code /health}. */
  public Status status() {
    Map<Integer, Run> runs = new LinkedHashMap<>(lastRuns);
    return new Status(mode, timescale && mode != RunJobs.NEVER, reason, lastCheck, List.copyOf(runs.values()), lastError);
  }

  /** stops looking at the jobs; a run in progress finishes. */
  @PreDestroy
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
