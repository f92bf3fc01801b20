package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * the event store's settings, under {@code cfx.store}.
 *
 * @param embeddedDataDirectory where the embedded PostgreSQL keeps its data when no datasource URL
 *     is configured; kept between runs.
 * @param embeddedPort the embedded PostgreSQL's port; 0 picks a free one.
 * @param compressAfter with TimescaleDB: chunks older than this are compressed.
 * @param retention with TimescaleDB: chunks older than this are dropped; {@code 0s} (the default)
 *     keeps everything forever, as audits of 5-10+ years need.
 * @param runJobs with TimescaleDB: whether the service runs its compression and retention jobs
 *     itself ({@code CALL run_job}): {@code auto} (the default) those whose last background run
 *     failed or that are overdue, {@code always} each one once per its schedule interval whatever
 *     the background workers do, {@code never} leaves them to TimescaleDB's background workers.
 * @param runJobsInterval how often the service looks at the jobs.
 */
@ConfigurationProperties("cfx.store")
public record StoreConfiguration(
    @Bindable(defaultValue = "data/postgres") @NotBlank String embeddedDataDirectory,
    @Bindable(defaultValue = "0") @Min(0) @Max(65535) int embeddedPort,
    @Bindable(defaultValue = "7d") @NotNull Duration compressAfter,
    @Bindable(defaultValue = "0s") @NotNull Duration retention,
    @Bindable(defaultValue = "auto") @NotNull @Pattern(regexp = "(?i)auto|always|never", message = "must be auto, always or never") String runJobs,
    @Bindable(defaultValue = "5m") @NotNull Duration runJobsInterval) {

  /** who runs the service's TimescaleDB jobs besides TimescaleDB's own background workers. */
  public enum RunJobs {
    /** the service runs a job when its last background run failed or it is overdue. */
    AUTO,
    /** the service runs every job once per its schedule interval. */
    ALWAYS,
    /** the background workers only. */
    NEVER
  }

  /**
   * the job runner's mode. The setting is bound as text and checked by its pattern: bound as an
   * enum, an unknown word would silently become the default.
   *
   * @return auto, always or never.
   */
  public RunJobs runJobsMode() {
    return RunJobs.valueOf(runJobs.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** validates what the annotations cannot. */
  public StoreConfiguration {
    if (runJobsInterval != null && (runJobsInterval.isNegative() || runJobsInterval.compareTo(Duration.ofSeconds(1)) < 0)) {
      throw new IllegalArgumentException("cfx.store.run-jobs-interval must be at least 1s, not " + runJobsInterval);
    }
  }
}
