package io.cfxtrace.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cfxtrace.ingest.config.StoreConfiguration.RunJobs;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the job runner on a real TimescaleDB: runs only when the test database has TimescaleDB
 * ({@code CFX_TEST_JDBC_URL} pointing at a server with it preloaded, or a Docker engine); skipped
 * on the embedded PostgreSQL of the default run.
 *
 * <p>Three weeks of unit events are stored after the compression policies exist, with the
 * policies' next background start moved a day ahead ({@code alter_job}), so that only the runner
 * can compress them during the test, whatever state TimescaleDB's background workers are in.
 */
@Timeout(120)
class TimescaleJobRunnerOnTimescaleTest {

  private static final Logger LOG = LoggerFactory.getLogger(TimescaleJobRunnerOnTimescaleTest.class);

  private TestDatabase db;
  private Connection c;

  @BeforeEach
  void storeWithPoliciesAndOldRows() throws SQLException {
    db = TestDatabase.migrated();
    c = db.connect();
    List<String> hypertables = TimescalePolicies.hypertables(c);
    assumeTrue(!hypertables.isEmpty(), "the test database has no TimescaleDB (embedded PostgreSQL): nothing to run");
    TimescalePolicies.apply(c, hypertables, Duration.ofDays(1), Duration.ZERO);
    try (Statement s = c.createStatement()) {
      s.execute("select alter_job(job_id, next_start => now() + interval '1 day') from timescaledb_information.jobs"
          + " where proc_name = 'policy_compression' and hypertable_schema = current_schema()");
      s.execute("insert into unit_event (event_time, unit_id, event_type, station, message_name, unique_id)"
          + " select now() - interval '2 days' - (g || ' hours')::interval, 'SN-' || g, 'arrived', 'Line1.AOI', 'CFX.Production.UnitsArrived',"
          + " gen_random_uuid() from generate_series(1, 21 * 24) g");
    }
  }

  @AfterEach
  void close() throws SQLException {
    if (c != null) {
      c.close();
    }
  }

  /** unit_event's chunks older than a day, as {@code name:compressed}. */
  private List<String> oldChunks() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select chunk_name, is_compressed from timescaledb_information.chunks where hypertable_name = 'unit_event'"
            + " and range_end < now() - interval '1 day' order by range_start")) {
      while (rs.next()) {
        out.add(rs.getString(1) + ":" + (rs.getBoolean(2) ? "compressed" : "uncompressed"));
      }
    }
    return out;
  }

  @Test
  void alwaysModeCompressesTheChunksTheBackgroundWorkersHaveNotReached() throws SQLException {
    List<String> before = oldChunks();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    List<TimescaleJobRunner.Run> runs;
    try (TimescaleJobRunner runner = new TimescaleJobRunner(db.dataSource(), RunJobs.ALWAYS, Duration.ofMinutes(5), Clock.systemUTC(), registry, false)) {
      runs = runner.runDue();
    }
    List<String> after = oldChunks();
    LOG.info("unit_event chunks older than a day before the runner: {}; after: {}; runs: {}", before, after, runs);

    assertThat(before).isNotEmpty().allSatisfy(chunk -> assertThat(chunk).endsWith(":uncompressed"));
    assertThat(after).hasSameSizeAs(before).allSatisfy(chunk -> assertThat(chunk).endsWith(":compressed"));
    assertThat(runs).filteredOn(r -> r.table().equals("unit_event") && r.proc().equals("policy_compression"))
        .singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("ok"));
    assertThat(registry.get("cfx.store.jobs.run").tag("proc", "policy_compression").tag("outcome", "ok").counter().count())
        .isEqualTo(runs.size());
  }

  @Test
  void secondLookWithinTheScheduleIntervalRunsNothing() throws SQLException {
    try (TimescaleJobRunner runner = new TimescaleJobRunner(db.dataSource(), RunJobs.ALWAYS, Duration.ofMinutes(5), Clock.systemUTC(), null, false)) {
      assertThat(runner.runDue()).isNotEmpty();

      assertThat(runner.runDue()).isEmpty();
      assertThat(runner.status().lastRuns()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("ok"));
    }
  }

  @Test
  void autoModeLeavesJobsAloneThatAreScheduledAheadAndHaveNotFailed() throws SQLException {
    try (TimescaleJobRunner runner = new TimescaleJobRunner(db.dataSource(), RunJobs.AUTO, Duration.ofMinutes(5), Clock.systemUTC(), null, false)) {
      List<TimescaleJobRunner.Job> jobs = TimescaleJobRunner.jobs(c);
      assumeTrue(jobs.stream().noneMatch(j -> "Failed".equals(j.lastStatus())), "a background run failed already: auto would run it");

      assertThat(runner.runDue()).isEmpty();
      assertThat(oldChunks()).allSatisfy(chunk -> assertThat(chunk).endsWith(":uncompressed"));
      assertThat(runner.status().active()).isTrue();
    }
  }
}
