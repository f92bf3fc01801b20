package io.cfxtrace.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cfxtrace.ingest.config.StoreConfiguration.RunJobs;
import io.cfxtrace.ingest.store.TimescaleJobRunner.Decision;
import io.cfxtrace.ingest.store.TimescaleJobRunner.Due;
import io.cfxtrace.ingest.store.TimescaleJobRunner.Job;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * when the service runs its TimescaleDB jobs itself ({@link TimescaleJobRunner#decide}), and that
 * on plain PostgreSQL the runner stays off and says why. The runner on a real TimescaleDB is
 * {@link TimescaleJobRunnerOnTimescaleTest}.
 */
@Timeout(60)
class TimescaleJobRunnerTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final Duration HALF_A_DAY = Duration.ofHours(12);

  private static Job job(String lastStatus, Instant lastStarted, Instant nextStart) {
    return new Job(1001, "policy_compression", "unit_event", HALF_A_DAY, true, lastStatus, lastStarted, nextStart);
  }

  private static List<String> due(RunJobs mode, Job job, Map<Integer, Instant> ranByUs) {
    return TimescaleJobRunner.decide(mode, true, List.of(job), ranByUs, NOW).due().stream().map(Due::reason).toList();
  }

  static Stream<Arguments> autoMode() {
    return Stream.of(
        Arguments.of("last background run failed", job("Failed", NOW.minusSeconds(60), NOW.plusSeconds(600)), Map.of(),
            List.of("its last background run failed")),
        Arguments.of("last background run succeeded, next start ahead", job("Success", NOW.minusSeconds(60), NOW.plus(HALF_A_DAY)), Map.of(),
            List.of()),
        Arguments.of("next start two hours past", job("Success", NOW.minus(Duration.ofHours(14)), NOW.minus(Duration.ofHours(2))), Map.of(),
            List.of("overdue since " + NOW.minus(Duration.ofHours(2)))),
        Arguments.of("next start a minute past (the worker is about to start it)", job("Success", NOW.minus(HALF_A_DAY), NOW.minusSeconds(60)),
            Map.of(), List.of()),
        Arguments.of("never ran, no next start (no background scheduler)", job(null, null, null), Map.of(), List.of("it never ran")),
        Arguments.of("never ran (-infinity), next start ahead", job(null, Instant.MIN, NOW.plusSeconds(600)), Map.of(), List.of()),
        Arguments.of("never ran (-infinity), next start two hours past", job(null, Instant.MIN, NOW.minus(Duration.ofHours(2))), Map.of(),
            List.of("it never ran")),
        Arguments.of("failed, but the service ran it an hour ago", job("Failed", NOW.minusSeconds(60), NOW.plusSeconds(600)),
            Map.of(1001, NOW.minus(Duration.ofHours(1))), List.of()),
        Arguments.of("failed, the service ran it thirteen hours ago", job("Failed", NOW.minusSeconds(60), NOW.plusSeconds(600)),
            Map.of(1001, NOW.minus(Duration.ofHours(13))), List.of("its last background run failed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("autoMode")
  void autoModeRunsFailedAndOverdueJobsOncePerScheduleInterval(String description, Job job, Map<Integer, Instant> ranByUs, List<String> expected) {
    assertThat(due(RunJobs.AUTO, job, ranByUs)).isEqualTo(expected);
  }

  @Test
  void alwaysModeRunsAJobTheBackgroundWorkerRanSuccessfully() {
    assertThat(due(RunJobs.ALWAYS, job("Success", NOW.minusSeconds(60), NOW.plus(HALF_A_DAY)), Map.of()))
        .containsExactly("cfx.store.run-jobs is always");
  }

  @Test
  void alwaysModeRunsAJobOncePerItsScheduleInterval() {
    assertThat(due(RunJobs.ALWAYS, job("Success", NOW.minusSeconds(60), NOW.plus(HALF_A_DAY)), Map.of(1001, NOW.minus(Duration.ofHours(11)))))
        .isEmpty();
  }

  @Test
  void jobPausedByAnAdministratorIsNeverRun() {
    Job paused = new Job(1001, "policy_compression", "unit_event", HALF_A_DAY, false, "Failed", NOW.minusSeconds(60), null);

    assertThat(TimescaleJobRunner.decide(RunJobs.ALWAYS, true, List.of(paused), Map.of(), NOW).due()).isEmpty();
  }

  @Test
  void neverModeIsOffAndSaysSo() {
    Decision d = TimescaleJobRunner.decide(RunJobs.NEVER, true, List.of(job("Failed", NOW, NOW)), Map.of(), NOW);

    assertThat(d.active()).isFalse();
    assertThat(d.reason()).contains("cfx.store.run-jobs is never");
    assertThat(d.due()).isEmpty();
  }

  @Test
  void withoutTimescaleTheDecisionIsOffAndSaysWhy() {
    Decision d = TimescaleJobRunner.decide(RunJobs.ALWAYS, false, List.of(), Map.of(), NOW);

    assertThat(d.active()).isFalse();
    assertThat(d.reason()).contains("TimescaleDB is not installed");
  }

  // ---- the runner on the test database

  private static boolean timescaleIn(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_extension where extname = 'timescaledb'")) {
      return rs.next();
    }
  }

  @Test
  void onPlainPostgresqlTheRunnerStaysOffSaysWhyAndRunsNothing() throws SQLException {
    TestDatabase db = TestDatabase.migrated();
    assumeFalse(timescaleIn(db), "the test database has TimescaleDB: see TimescaleJobRunnerOnTimescaleTest");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (TimescaleJobRunner runner = new TimescaleJobRunner(db.dataSource(), RunJobs.AUTO, Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC),
        registry, true)) {
      assertThat(runner.status().active()).isFalse();
      assertThat(runner.status().reason()).isEqualTo("off: TimescaleDB is not installed in this database, so there are no compression or retention jobs");
      assertThat(runner.runDue()).isEmpty();
      assertThat(runner.status().lastCheck()).isNull();
      assertThat(registry.find("cfx.store.jobs.run").counters()).isEmpty();
    }
  }

  @Test
  void inNeverModeTheRunnerStaysOffOnAnyDatabase() throws SQLException {
    TestDatabase db = TestDatabase.migrated();

    try (TimescaleJobRunner runner = new TimescaleJobRunner(db.dataSource(), RunJobs.NEVER, Duration.ofSeconds(1), Clock.systemUTC(), null, true)) {
      assertThat(runner.status().active()).isFalse();
      assertThat(runner.status().reason()).contains("never");
      assertThat(runner.runDue()).isEmpty();
    }
  }
}
